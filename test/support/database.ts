import crypto from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { allMigrations } from '../../src/migrations.js';
import type { AppManifest } from '../../src/platform/apps/manifest.js';
import { createDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

export interface TestDatabase {
  db: Database;
  url: string;
  /** Drops the database; call in afterAll. */
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, for one test file. */
export async function createEmptyDatabase(): Promise<Omit<TestDatabase, 'db'>> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `ortaq_test_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(apps?: AppManifest[]): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const db = createDatabase(empty.url, { max: 5 });
  await migrate(db, allMigrations(apps));
  return {
    db,
    url: empty.url,
    drop: async () => {
      await db.destroy();
      await empty.drop();
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
