import { sql } from 'kysely';
import { makeAppendOnly } from '../../../platform/db/append-only.js';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * What the gateway presents to a provider (module `bridge`): per passport, the Authorization the
 * provider gave its owner for the gateway (e.g. an API key of the registries), sealed with the
 * deployment key. Append-only: the latest row per passport is in force.
 */
export const createProviderCredentials: Migration = {
  number: 4,
  name: 'create-provider-credentials',
  up: async (db) => {
    await sql`
      create table bridge_provider_credential (
        id bigint generated always as identity primary key,
        passport_id uuid not null references bridge_passport (id),
        sealed bytea not null,
        set_at timestamptz not null,
        set_by_account_id uuid
      )`.execute(db);
    await sql`create index bridge_provider_credential_passport on bridge_provider_credential (passport_id, id)`.execute(
      db,
    );
    await sql`comment on table bridge_provider_credential is 'The Authorization the gateway sends a passport''s provider, sealed with the deployment key (append-only; the latest row per passport is in force)'`.execute(
      db,
    );
    await makeAppendOnly(db, 'bridge', ['bridge_provider_credential']);
  },
};
