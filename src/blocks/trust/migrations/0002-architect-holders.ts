import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * Licensed architects hold certificates of their own: they sign the redevelopment plans they
 * self-certify on their licence, as notaries sign their acts.
 */
export const architectHolders: Migration = {
  number: 2,
  name: 'architect-holders',
  up: async (db) => {
    await sql`
      alter table trust_certificate drop constraint trust_certificate_holder_kind_check,
        add constraint trust_certificate_holder_kind_check
          check (holder_kind in ('agency', 'notary', 'officer', 'architect', 'bridge-member'))
    `.execute(db);
  },
};
