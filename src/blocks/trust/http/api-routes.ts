import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../../platform/auth/guards.js';
import { DomainError } from '../../../platform/errors.js';
import {
  findCertificate,
  issueCertificate,
  revokeCertificate,
  type CertificateView as Certificate,
} from '../service/certificates.js';
import type { TrustDeps } from '../service/deps.js';
import {
  CertificateView,
  IdParams,
  NewCertificateBody,
  ProblemRef,
  RevokeBody,
} from './schemas.js';

const tags = ['trust'];
const guarded = { 401: ProblemRef, 403: ProblemRef };

const view = (certificate: Certificate) => ({
  ...certificate,
  notBefore: certificate.notBefore.toISOString(),
  notAfter: certificate.notAfter.toISOString(),
  issuedAt: certificate.issuedAt.toISOString(),
  revocation: certificate.revocation
    ? {
        reason: certificate.revocation.reason,
        revokedAt: certificate.revocation.revokedAt.toISOString(),
      }
    : null,
});

/**
 * The CA's administration API under /api/v1/trust/certificates, for administrators: issue a
 * signing certificate to a holder, read one, revoke one. Apps that enrol their own holders (e-
 * Notary's notaries) call the service functions instead, under their own rules.
 */
export async function trustApiRoutes(app: FastifyInstance, deps: TrustDeps) {
  const admin = requireRole('admin');

  app.post(
    '/api/v1/trust/certificates',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Issue a signing certificate to an agency, notary, officer or bridge member',
        body: NewCertificateBody,
        response: { 201: CertificateView, 400: ProblemRef, ...guarded },
      },
    },
    async (request, reply) => {
      const certificate = await issueCertificate(
        { deps, actorAccountId: request.principal?.accountId ?? null },
        request.body as NewCertificateBody,
      );
      return reply.status(201).send(view(certificate));
    },
  );

  app.get(
    '/api/v1/trust/certificates/:id',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'A certificate with its status',
        params: IdParams,
        response: { 200: CertificateView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const found = await findCertificate(deps.db, (request.params as { id: string }).id, {
        now: deps.now(),
      });
      if (!found) throw new DomainError('TRUST_CERTIFICATE_NOT_FOUND', 404);
      return view(found);
    },
  );

  app.post(
    '/api/v1/trust/certificates/:id/revoke',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Revoke a certificate (it is listed in the next CRL)',
        params: IdParams,
        body: RevokeBody,
        response: {
          200: CertificateView,
          400: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          ...guarded,
        },
      },
    },
    async (request) => {
      const body = request.body as RevokeBody;
      const certificate = await revokeCertificate(
        { deps, actorAccountId: request.principal?.accountId ?? null },
        {
          certificateId: (request.params as { id: string }).id,
          reason: body.reason,
          ...(body.note !== undefined ? { note: body.note } : {}),
        },
      );
      return view(certificate);
    },
  );
}
