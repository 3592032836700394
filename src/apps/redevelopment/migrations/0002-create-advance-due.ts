import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * Filings whose consents decided their next step, written in the transaction of the deciding
 * answer. The step itself (registration, expert review, refusal) runs after that commit; if it
 * fails or the process dies first, the sweep finds the filing here and performs it. A work list,
 * not a legal record: rows go once the filing has moved on.
 */
export const createAdvanceDue: Migration = {
  number: 2,
  name: 'create-advance-due',
  up: async (db) => {
    await sql`
      create table redev_advance_due (
        application_id uuid primary key references services_application (id),
        decided_at timestamptz not null
      )`.execute(db);
  },
};
