import { sql } from 'kysely';
import { makeAppendOnly } from '../../../platform/db/append-only.js';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * Federation with other national deployments (module `bridge`): the operators' pins of a partner's
 * CA and configuration address, and the partner configurations accepted under a pin. Both
 * append-only: whether a partner is federated now is derived from its latest pin event.
 */
export const createFederation: Migration = {
  number: 3,
  name: 'create-federation',
  up: async (db) => {
    await sql`
      create table bridge_federation_event (
        id bigint generated always as identity primary key,
        instance text not null check (instance ~ '^[A-Z]{2,8}$'),
        action text not null check (action in ('pin', 'revoke')),
        authority_fingerprint text check (authority_fingerprint ~ '^[0-9a-f]{64}$'),
        configuration_url text,
        at timestamptz not null,
        account_id uuid,
        check ((action = 'pin') = (authority_fingerprint is not null and configuration_url is not null))
      )`.execute(db);
    await sql`create index bridge_federation_event_instance on bridge_federation_event (instance, id)`.execute(
      db,
    );
    await sql`comment on table bridge_federation_event is 'Operators pinning a partner deployment (its CA fingerprint, exchanged out of band, and its configuration URL) and revoking the federation (append-only); the latest event per instance is in force'`.execute(
      db,
    );
    await sql`
      create table bridge_federation_config (
        id bigint generated always as identity primary key,
        instance text not null,
        authority_fingerprint text not null,
        serial bigint not null,
        config jsonb not null,
        signature text not null,
        accepted_at timestamptz not null,
        unique (instance, authority_fingerprint, serial)
      )`.execute(db);
    await sql`comment on table bridge_federation_config is 'Signed configurations of partner deployments, as accepted under the pin of their CA (append-only); the highest serial under the current pin is in force'`.execute(
      db,
    );
    await makeAppendOnly(db, 'bridge', ['bridge_federation_event', 'bridge_federation_config']);
  },
};
