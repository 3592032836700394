import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { createDatabase } from '../../src/platform/db/database.js';

/**
 * The platform as `ortaq start` builds it, for bridge-gateway.bench.ts, in a process of its own
 * (its own event loop, as in production), on DATABASE_URL (already migrated and seeded) with a
 * pool of BENCH_POOL_SIZE connections. Prints `listening` once it serves.
 */
const config = loadConfig(process.env);
const db = createDatabase(config.databaseUrl, { max: Number(process.env.BENCH_POOL_SIZE ?? '10') });
const app = await buildApp({ config, db });
await app.listen({ port: config.port, host: config.host });
process.stdout.write('listening\n');
const stop = async () => {
  await app.close();
  await db.destroy();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
