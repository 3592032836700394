import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * The gateway keeps person ids by national identifier in memory (service/caches.ts, channel
 * `bridge_person`). The identity block never changes or deletes a person today; should it ever,
 * this trigger tells every gateway process, whichever code made the change, as the transaction
 * commits (payload: `country:national_id`, the cache's key).
 */
export const announcePersonChanges: Migration = {
  number: 5,
  name: 'announce-person-changes',
  up: async (db) => {
    await sql`
      create function bridge_announce_person_change() returns trigger language plpgsql as $$
      begin
        perform pg_notify('bridge_person', old.country || ':' || old.national_id);
        return null;
      end $$`.execute(db);
    await sql`
      create trigger identity_person_bridge_announce
        after update of country, national_id or delete on identity_person
        for each row execute function bridge_announce_person_change()`.execute(db);
  },
};
