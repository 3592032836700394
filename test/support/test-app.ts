import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { AppManifest } from '../../src/platform/apps/manifest.js';
import { loadConfig, type Config } from '../../src/platform/config/config.js';
import { generateDeploymentKey } from '../../src/platform/crypto/deployment-key.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** The whole platform on a fresh database, for `app.inject`. */
export async function createTestApp(
  options: { env?: Record<string, string>; apps?: AppManifest[]; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.apps);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...options.env });
  const app = await buildApp({
    config,
    db: database.db,
    // A test that names its own DATA_DIR gets the on-disk key there; any other gets an in-memory
    // key, so no test writes keys under the working directory's data folder.
    ...(options.env?.DATA_DIR ? {} : { deploymentKey: generateDeploymentKey() }),
    ...(options.apps ? { apps: options.apps } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
