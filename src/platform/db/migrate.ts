import { sql, type Kysely } from 'kysely';
import type { MigrationSet } from './migration.js';

export class MigrationError extends Error {
  constructor(
    readonly module: string,
    readonly migration: string,
    readonly sqlError: unknown,
  ) {
    super(
      `Migration ${module}/${migration} failed: ${sqlError instanceof Error ? sqlError.message : String(sqlError)}`,
    );
    this.name = 'MigrationError';
  }
}

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_160_001;

/**
 * Applies every migration not yet applied, module by module, each in its own transaction.
 * Two processes starting together take turns on an advisory lock, so none applies a migration
 * twice. A failure stops at once with the migration's name and the SQL error; what it had begun
 * is rolled back.
 *
 * Outcomes: the list of applied names; throws MigrationError.
 */
export async function migrate(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  sets: MigrationSet[],
): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      await sql`
        create table if not exists ortaq_migration (
          module text not null,
          number integer not null,
          name text not null,
          applied_at timestamptz not null default now(),
          primary key (module, number)
        )`.execute(connection);
      const rows = await connection
        .selectFrom('ortaq_migration')
        .select(['module', 'number'])
        .execute();
      const done = new Set(rows.map((row) => `${row.module}/${row.number}`));
      const applied: string[] = [];
      for (const set of sets) {
        for (const migration of set.migrations) {
          if (done.has(`${set.module}/${migration.number}`)) continue;
          const label = `${String(migration.number).padStart(4, '0')}-${migration.name}`;
          try {
            await connection.transaction().execute(async (trx) => {
              await migration.up(trx);
              await trx
                .insertInto('ortaq_migration')
                .values({ module: set.module, number: migration.number, name: migration.name })
                .execute();
            });
          } catch (error) {
            throw new MigrationError(set.module, label, error);
          }
          applied.push(`${set.module}/${label}`);
        }
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}
