import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DomainError } from '../../../platform/errors.js';
import { formErrorsFrom } from '../../../platform/views/components/index.js';
import { authorityPem, currentCrl } from '../service/crl.js';
import type { TrustDeps } from '../service/deps.js';
import {
  verifyByCode,
  type DocumentVerification,
  type VerificationChannel,
} from '../service/verification.js';
import { VerificationPage } from '../views/verification-page.js';
import { VerifyFormPage } from '../views/verify-form-page.js';
import { CodeParams, VerificationView } from './schemas.js';

const tags = ['trust'];

/**
 * Public routes, no sign-in: the CA certificate and its CRL for relying parties, the document
 * check form and result pages (/verify, /verify/:code, what the QR opens) and the JSON check.
 * A code travels in the path: it is opaque and random, never a personal identifier.
 */
export async function publicTrustRoutes(app: FastifyInstance, deps: TrustDeps) {
  const timeZone = app.platform.country.timeZone;
  const check = (request: FastifyRequest, typed: string, channel: VerificationChannel) =>
    verifyByCode(deps, typed, {
      actorAccountId: request.principal?.accountId ?? null,
      channel,
      alsoRegisterNumber: channel === 'form',
    });
  const showResult = (reply: FastifyReply, result: DocumentVerification) =>
    reply
      .status(result.status === 'unknown' ? 404 : 200)
      .page(<VerificationPage result={result} timeZone={timeZone} />);

  app.get(
    '/trust/ca.pem',
    {
      schema: {
        tags,
        summary: 'The deployment certificate authority (trust anchor), PEM',
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) =>
      reply
        .type('application/x-pem-file')
        .header('cache-control', 'public, max-age=3600')
        .send(await authorityPem(deps)),
  );

  app.get(
    '/trust/crl',
    {
      schema: {
        tags,
        summary: 'The certificate revocation list of the deployment CA (X.509 v2 CRL, DER)',
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (_request, reply) =>
      reply
        .type('application/pkix-crl')
        .header('cache-control', 'public, max-age=60')
        .send(await currentCrl(deps)),
  );

  app.get('/verify', { schema: { hide: true } }, async (_request, reply) =>
    reply.page(<VerifyFormPage errors={{}} code="" />),
  );

  app.post(
    '/verify',
    {
      schema: {
        hide: true,
        body: Type.Object(
          { code: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const code = ((request.body as { code?: string }).code ?? '').trim();
      if (!code) {
        const error = new DomainError('TRUST_CODE_REQUIRED', 400);
        return reply
          .status(400)
          .page(<VerifyFormPage errors={formErrorsFrom(error, request.t, 'code')} code="" />);
      }
      return showResult(reply, await check(request, code, 'form'));
    },
  );

  app.get('/verify/:code', { schema: { hide: true, params: CodeParams } }, async (request, reply) =>
    showResult(reply, await check(request, (request.params as { code: string }).code, 'page')),
  );

  app.get(
    '/api/v1/trust/verify/:code',
    {
      schema: {
        tags,
        summary: 'Check a signed document by its verification code (public)',
        params: CodeParams,
        response: { 200: VerificationView },
      },
    },
    async (request) => {
      const result = await check(request, (request.params as { code: string }).code, 'api');
      return result.document
        ? {
            status: result.status,
            document: {
              ...result.document,
              issuedAt: result.document.issuedAt.toISOString(),
              certificateRevokedAt: result.document.certificateRevokedAt?.toISOString() ?? null,
              withdrawnAt: result.document.withdrawnAt?.toISOString() ?? null,
            },
          }
        : { status: result.status };
    },
  );
}
