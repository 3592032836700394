import { buildApp } from '../app.js';
import { allMigrations } from '../migrations.js';
import type { Config } from '../platform/config/config.js';
import { migrate } from '../platform/db/migrate.js';
import { openDatabase } from '../platform/db/open-database.js';
import { seedDemo } from './seed.js';

/** `ortaq seed --demo`: migrates, loads the demo data (idempotent) and exits without serving. */
export async function seedCommand(config: Config): Promise<void> {
  const database = await openDatabase(config);
  try {
    await migrate(database.db, allMigrations());
    const app = await buildApp({ config, db: database.db });
    try {
      await seedDemo(app.platform, app.log, { trust: app.trust });
      process.stdout.write('demo data loaded\n');
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
