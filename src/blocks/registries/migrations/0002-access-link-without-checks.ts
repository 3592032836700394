import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * Drops the foreign keys of registry_access_link. Every read of personal data writes a link, and
 * each key checked its link by locking the row it names (FOR KEY SHARE): the record read, and the
 * one `registry` row that every concurrent writer of that register's access records locked at
 * once (a shared multi-transaction lock each time). The keys guarded nothing the schema does not
 * already: a link is written only for the record just read, and neither a registry nor a record
 * can ever be deleted (their append-only version tables reference them).
 */
export const accessLinkWithoutChecks: Migration = {
  number: 2,
  name: 'access-link-without-checks',
  up: async (db) => {
    await sql`alter table registry_access_link
      drop constraint registry_access_link_registry_id_fkey,
      drop constraint registry_access_link_record_id_fkey`.execute(db);
    await sql`comment on column registry_access_link.record_id is 'The registry record read (not a foreign key: records are never deleted, and recording a read must not lock them)'`.execute(
      db,
    );
  },
};
