import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { allMigrations } from './migrations.js';
import type { Config } from './platform/config/config.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase, type OpenDatabase } from './platform/db/open-database.js';

export interface RunningServer {
  app: FastifyInstance;
  database: OpenDatabase;
  close(): Promise<void>;
}

/**
 * Opens the database (starting the embedded one if DATABASE_URL is empty), applies pending
 * migrations, builds the app and listens. Errors propagate to the CLI, which maps them to exit
 * codes; whatever was started before the failure is stopped again.
 */
export async function startServer(
  config: Config,
  hooks: { beforeListen?: (app: FastifyInstance) => Promise<void> } = {},
): Promise<RunningServer> {
  const database = await openDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    await migrate(database.db, allMigrations());
    app = await buildApp({ config, db: database.db });
    // Ready first (the job queue starts on ready), so the hook may use every platform service.
    await app.ready();
    await hooks.beforeListen?.(app);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const running = app;
  return {
    app: running,
    database,
    // The database closes even if closing the app failed (say PostgreSQL was already stopping):
    // the embedded server must always get its clean shutdown.
    close: async () => {
      try {
        await running.close();
      } finally {
        await database.close();
      }
    },
  };
}
