import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireSignedIn } from '../../auth/guards.js';
import { PATHS } from '../../views/paths.js';
import { listAccessForPerson } from './access-records.js';
import { MyDataUsagePage } from './my-data-usage-page.js';

/**
 * GET /my-data-usage: the signed-in person's own access records. The person comes from the
 * session, never from the address (no personal identifier in a URL); only `?page=` varies.
 * Outcomes: 200 page; 303 to sign-in for an anonymous browser; 400 for a malformed page number.
 */
export const myDataUsageRoutes = fp(
  async (app: FastifyInstance) => {
    app.get(
      PATHS.whoUsedMyData,
      {
        schema: {
          hide: true,
          querystring: Type.Object(
            { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })) },
            { additionalProperties: false },
          ),
        },
        preHandler: requireSignedIn(),
      },
      async (request, reply) => {
        const { page = 1 } = request.query as { page?: number };
        const principal = request.principal!;
        const result = await listAccessForPerson(app.platform.db, principal.personId, page);
        return reply.page(
          <MyDataUsagePage result={result} timeZone={app.platform.country.timeZone} />,
        );
      },
    );
  },
  { name: 'my-data-usage', dependencies: ['views', 'session'] },
);
