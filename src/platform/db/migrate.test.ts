import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.js';
import { migrate, MigrationError } from './migrate.js';
import { createEmptyDatabase } from '../../../test/support/database.js';

describe('migrate', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const empty = await createEmptyDatabase();
    db = createDatabase(empty.url);
    drop = async () => {
      await db.destroy();
      await empty.drop();
    };
  });
  afterAll(() => drop());

  const first = {
    number: 1,
    name: 'create-thing',
    up: async (trx: Database) => {
      await sql`create table thing (id int primary key)`.execute(trx);
    },
  };

  it('applies pending migrations once and records them', async () => {
    expect(await migrate(db, [{ module: 'demo', migrations: [first] }])).toEqual([
      'demo/0001-create-thing',
    ]);
    expect(await migrate(db, [{ module: 'demo', migrations: [first] }])).toEqual([]);
  });

  it('stops at a failing migration with its name and the SQL error, leaving nothing half-done', async () => {
    const broken = {
      number: 2,
      name: 'broken',
      up: async (trx: Database) => {
        await sql`create table other (id int)`.execute(trx);
        await sql`alter table thing add column oops no_such_type`.execute(trx);
      },
    };
    const attempt = migrate(db, [{ module: 'demo', migrations: [first, broken] }]);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/demo\/0002-broken.*no_such_type/);
    const other = await sql<{
      exists: boolean;
    }>`select to_regclass('other') is not null as exists`.execute(db);
    expect(other.rows[0]?.exists).toBe(false);
  });

  it('lets concurrent starters take turns, applying each migration once', async () => {
    const third = {
      number: 1,
      name: 'create-counter',
      up: async (trx: Database) => {
        await sql`create table counter (id int primary key)`.execute(trx);
      },
    };
    const sets = [{ module: 'concurrent', migrations: [third] }];
    const results = await Promise.all([migrate(db, sets), migrate(db, sets), migrate(db, sets)]);
    expect(results.flat()).toEqual(['concurrent/0001-create-counter']);
  });
});
