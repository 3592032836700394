import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { createDatabase } from '../../src/platform/db/database.js';

/**
 * The server under test in appeal-submission.bench.ts, as a process of its own (so it has its
 * own event loop, and can be killed with SIGKILL mid-run): the whole platform as `ortaq start`
 * builds it, on DATABASE_URL (already migrated) with a pool of BENCH_POOL_SIZE connections, or,
 * with BENCH_MODE=baseline, a bare Fastify route doing one plain INSERT per request into a table
 * shaped like otinish_appeal. `ortaq start` itself is not used because its pool size is fixed.
 * Prints `listening` once it serves.
 */
const config = loadConfig(process.env);
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? '8');
const db = createDatabase(config.databaseUrl, { max: poolSize });

if (process.env.BENCH_MODE === 'baseline') {
  const app = Fastify({ logger: false, bodyLimit: config.bodyLimitBytes });
  app.post('/baseline/appeals', async (request, reply) => {
    const values = (request.body as { values: Record<string, unknown> }).values;
    const { rows } = await sql<{ application_id: string }>`
      insert into bench_appeal_baseline (application_id, kind, category, region, district, topic,
        anonymous, reports_crime, reports_threat, considered, public_proposal, first_body_code,
        received_at)
      values (gen_random_uuid(), ${String(values.kind)}, ${String(values.category)},
        ${String(values.region)}, ${typeof values.district === 'string' ? values.district : null},
        ${String(values.topic)}, ${values.anonymous === true}, false, false, true, false,
        'akimat-almaty', now())
      returning application_id`.execute(db);
    return reply.status(201).send({ applicationId: rows[0]!.application_id });
  });
  await app.listen({ port: config.port, host: config.host });
} else {
  const app = await buildApp({ config, db });
  await app.ready();
  await app.listen({ port: config.port, host: config.host });
  // A graceful stop on SIGTERM, so that `node --cpu-prof` writes its profile (BENCH_PROFILE).
  process.once('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
}
process.stdout.write('listening\n');
