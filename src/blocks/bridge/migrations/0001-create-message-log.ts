import { sql } from 'kysely';
import { makeAppendOnly } from '../../../platform/db/append-only.js';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * The bridge's message log (module `bridge`): one row per exchange, batches sealed by the
 * gateway's signature over the root of their Merkle tree, and the leaves that place each
 * exchange in its batch. All three are legal records: append-only. Leaves are rows of their own
 * (not a column set later) so that an exchange committed late simply joins the next batch.
 */
export const createMessageLog: Migration = {
  number: 1,
  name: 'create-message-log',
  up: async (db) => {
    await sql`
      create table bridge_exchange (
        seq bigint generated always as identity primary key,
        id uuid not null unique,
        received_at timestamptz not null,
        client text not null,
        service text not null,
        method text not null check (method ~ '^[A-Z]{3,7}$'),
        request_hash bytea not null check (length(request_hash) = 32),
        response_hash bytea check (length(response_hash) = 32),
        status smallint not null check (status between 100 and 599)
      )`.execute(db);
    await sql`comment on table bridge_exchange is 'Message log: every exchange through the gateway, by hashes of both messages'`.execute(
      db,
    );
    await sql`
      create table bridge_log_batch (
        batch bigint primary key check (batch > 0),
        gateway text not null,
        tree_size integer not null check (tree_size > 0),
        root bytea not null check (length(root) = 32),
        sealed_at timestamptz not null,
        signature bytea not null,
        certificate_pem text not null
      )`.execute(db);
    await sql`comment on table bridge_log_batch is 'Message log checkpoints: the signed Merkle root (RFC 9162) of each batch of exchanges'`.execute(
      db,
    );
    await sql`
      create table bridge_log_leaf (
        exchange_seq bigint primary key references bridge_exchange (seq),
        batch bigint not null references bridge_log_batch (batch),
        leaf_index integer not null check (leaf_index >= 0),
        unique (batch, leaf_index)
      )`.execute(db);
    await makeAppendOnly(db, 'bridge', ['bridge_exchange', 'bridge_log_batch', 'bridge_log_leaf']);
  },
};
