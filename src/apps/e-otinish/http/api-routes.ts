import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { problemResponses } from '../../../platform/http/problem.js';
import { fileAppeal } from '../service/file-appeal.js';
import type { OtinishDeps } from '../service/deps.js';

const tags = ['e-otinish'];
const session = [{ session: [] }];

const FileAppealBody = Type.Object(
  {
    values: Type.Unsafe<Record<string, unknown>>({
      type: 'object',
      additionalProperties: true,
      description:
        'The appeal form as in the service’s form schema (/api/v1/services/e-otinish-appeal/openapi.json): kind, category, region, district, topic, text, anonymous, reportsCrime, reportsThreat, attachments (file ids)',
    }),
  },
  { additionalProperties: false, title: 'FileAppeal' },
);

const Coupon = Type.Object(
  {
    applicationId: Type.String({ format: 'uuid' }),
    couponNumber: Type.String({ description: 'e.g. AKIMAT-ALMATY-2026-000042' }),
    bodyCode: Type.String({ description: 'The receiving body (agency code)' }),
    considered: Type.Boolean({
      description: 'False for an anonymous appeal that reports no crime or threat (Art. 64)',
    }),
  },
  { title: 'AppealCoupon' },
);

/**
 * The e-Otinish JSON API under /e-otinish/api: filing an appeal as the signed-in person (the
 * session cookie, with the page's CSRF token in `x-csrf-token`; API keys stand for no person).
 * The same service as the page's form: routing, the engine's application, coupon, clock, audit
 * entry and the applicant's message, committed before the 201 is sent.
 *
 * Outcomes: 201 with the coupon; 400 SERVICES_FORM_INVALID with one problem per field, or
 * HTTP_VALIDATION_FAILED when the body is not `{ values: {…} }`; 401 nobody signed in; 403
 * SERVICES_APPLICANT_NOT_ALLOWED or HTTP_CSRF_INVALID; 503 HTTP_OVERLOADED with Retry-After.
 */
export async function eOtinishApiRoutes(scope: FastifyInstance, deps: OtinishDeps) {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/appeals',
    {
      preHandler: requireSignedIn(),
      schema: {
        tags,
        summary: 'File an appeal; the answer is its coupon (number, receiving body)',
        security: session,
        body: FileAppealBody,
        response: { 201: Coupon, ...problemResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      const filed = await fileAppeal(
        deps,
        {
          actor: {
            accountId: p.accountId,
            personId: p.personId,
            roles: p.roles,
            agencyId: p.agencyId,
          },
          values: request.body.values,
        },
        { ip: request.ip, requestId: String(request.id) },
      );
      return reply.status(201).send(filed);
    },
  );
}
