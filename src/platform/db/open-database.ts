import type { Config } from '../config/config.js';
import { createDatabase, type Database } from './database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenDatabase {
  db: Database;
  url: string;
  /** Closes the pool, then stops the embedded server if this process started one. */
  close(): Promise<void>;
}

/** The configured PostgreSQL: DATABASE_URL when set, else the embedded server under DATA_DIR. */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = createDatabase(config.databaseUrl);
    return { db, url: config.databaseUrl, close: () => db.destroy() };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedDbPort,
    log,
  });
  const db = createDatabase(embedded.url);
  return {
    db,
    url: embedded.url,
    close: async () => {
      await db.destroy();
      await embedded.stop();
    },
  };
}
