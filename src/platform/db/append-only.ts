import { sql, type Kysely } from 'kysely';

/**
 * Makes legal-record tables append-only, for a module's migration: one `<module>_refuse_change`
 * function and, on each table, a trigger that refuses UPDATE, DELETE and TRUNCATE with
 * `insufficient_privilege`. (A database owner can still disable a trigger; the hash chains and
 * signed checkpoints over such tables make that visible.) Earlier migrations wrote the same SQL
 * by hand; they stay as they ran.
 */
export async function makeAppendOnly(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  module: string,
  tables: readonly string[],
): Promise<void> {
  if (!/^[a-z][a-z0-9_]*$/.test(module)) throw new Error(`not a module prefix: ${module}`);
  await sql
    .raw(
      `create or replace function ${module}_refuse_change() returns trigger language plpgsql as $$
       begin
         raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
           using errcode = 'insufficient_privilege';
       end $$`,
    )
    .execute(db);
  for (const table of tables) {
    if (!/^[a-z][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
    await sql
      .raw(
        `create trigger ${table}_append_only before update or delete or truncate on ${table}
         for each statement execute function ${module}_refuse_change()`,
      )
      .execute(db);
  }
}
