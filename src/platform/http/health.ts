import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { DomainError } from '../errors.js';
import { sendError } from './error-handler.js';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('failing')]);
const Health = Type.Object(
  {
    status: Type.Literal('ok'),
    checks: Type.Optional(Type.Object({ database: Check, jobs: Check })),
  },
  { additionalProperties: false },
);

/** A database that does not answer within this time counts as down. */
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Probes for supervisors and load balancers. Liveness says only that the process serves HTTP (a
 * failing database must not get the process restarted in a loop); readiness says whether this
 * node can do work: PostgreSQL answers and the job queue runs.
 */
export const healthPlugin = fp(
  async (app: FastifyInstance) => {
    app.get(
      '/health/live',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is up and serves HTTP',
          response: { 200: Health },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/health/ready',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database answers and the job queue is running',
          description:
            'Answers 503 (problem+json, code HEALTH_NOT_READY) when a check fails; the log names it.',
          response: { 200: Health, 503: { $ref: 'Problem#' } },
        },
      },
      async (request, reply) => {
        const checks = {
          database: (await databaseAnswers(app)) ? ('ok' as const) : ('failing' as const),
          jobs: app.platform.jobs.started ? ('ok' as const) : ('failing' as const),
        };
        const failing = Object.entries(checks)
          .filter(([, state]) => state === 'failing')
          .map(([name]) => name);
        if (failing.length > 0) {
          request.log.warn({ failing }, 'not ready');
          return sendError(request, reply, new DomainError('HEALTH_NOT_READY', 503));
        }
        return { status: 'ok' as const, checks };
      },
    );
  },
  { name: 'health', dependencies: ['error-handler'] },
);

async function databaseAnswers(app: FastifyInstance): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([sql`select 1`.execute(app.platform.db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
