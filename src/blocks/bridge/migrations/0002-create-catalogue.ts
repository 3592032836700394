import { sql } from 'kysely';
import { makeAppendOnly } from '../../../platform/db/append-only.js';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * The bridge's catalogue (module `bridge`): members and their subsystems, service passports with
 * an append-only version history, access contracts as an append-only history of actions, the
 * persons' consents to passports, and the nonces of signed requests. Contracts' and consents'
 * states are derived from their events (domain/access-contract.ts, consent/domain), never stored.
 */
export const createCatalogue: Migration = {
  number: 2,
  name: 'create-catalogue',
  up: async (db) => {
    await sql`
      create table bridge_member (
        id uuid primary key default gen_random_uuid(),
        instance text not null,
        member_class text not null,
        member_code text not null,
        name text not null check (length(name) between 1 and 300),
        registered_at timestamptz not null,
        registered_by_account_id uuid,
        unique (instance, member_class, member_code)
      )`.execute(db);
    await sql`comment on table bridge_member is 'Organisations (agencies, companies) that publish or consume services through the bridge, by X-Road identifier'`.execute(
      db,
    );
    await sql`
      create table bridge_member_manager (
        member_id uuid not null references bridge_member (id),
        account_id uuid not null,
        added_at timestamptz not null,
        primary key (member_id, account_id)
      )`.execute(db);
    await sql`comment on table bridge_member_manager is 'Accounts that act for a member: its subsystems, certificates, passports and contracts'`.execute(
      db,
    );
    await sql`
      create table bridge_subsystem (
        id uuid primary key default gen_random_uuid(),
        member_id uuid not null references bridge_member (id),
        code text not null,
        added_at timestamptz not null,
        unique (member_id, code)
      )`.execute(db);
    await sql`comment on table bridge_subsystem is 'One information system of a member: the client or provider of exchanges'`.execute(
      db,
    );
    await sql`
      create table bridge_passport (
        id uuid primary key default gen_random_uuid(),
        subsystem_id uuid not null references bridge_subsystem (id),
        service_code text not null,
        created_at timestamptz not null,
        unique (subsystem_id, service_code)
      )`.execute(db);
    await sql`comment on table bridge_passport is 'A published service of a provider subsystem; its content is in bridge_passport_version'`.execute(
      db,
    );
    await sql`
      create table bridge_passport_version (
        passport_id uuid not null references bridge_passport (id),
        version integer not null check (version > 0),
        purpose text not null,
        legal_basis text not null,
        data_classes text[] not null,
        openapi jsonb not null,
        base_url text not null,
        rate_per_second integer not null check (rate_per_second > 0),
        max_body_bytes integer not null check (max_body_bytes >= 0),
        timeout_ms integer not null check (timeout_ms > 0),
        answer_format text not null check (answer_format in ('json', 'any')),
        consent_required boolean not null,
        person_id_field text,
        published_at timestamptz not null,
        published_by_account_id uuid,
        primary key (passport_id, version)
      )`.execute(db);
    await sql`comment on table bridge_passport_version is 'Service passports, version by version (append-only): purpose, legal basis, personal-data classes, OpenAPI, provider address and limits'`.execute(
      db,
    );
    await sql`
      create table bridge_contract (
        id uuid primary key default gen_random_uuid(),
        passport_id uuid not null references bridge_passport (id),
        consumer_subsystem_id uuid not null references bridge_subsystem (id),
        purpose text not null,
        legal_basis text not null,
        expected_volume text not null,
        requested_at timestamptz not null
      )`.execute(db);
    await sql`create index bridge_contract_pair on bridge_contract (passport_id, consumer_subsystem_id)`.execute(
      db,
    );
    await sql`comment on table bridge_contract is 'Access contracts: a consumer subsystem asks to call a passport for a purpose under a legal basis; state derived from bridge_contract_event'`.execute(
      db,
    );
    await sql`
      create table bridge_contract_event (
        contract_id uuid not null references bridge_contract (id),
        seq integer not null check (seq > 0),
        action text not null check (action in ('request', 'approve', 'refuse', 'suspend', 'resume', 'revoke')),
        actor text not null check (actor in ('owner', 'consumer')),
        grant_scope jsonb,
        reason text,
        at timestamptz not null,
        account_id uuid,
        primary key (contract_id, seq)
      )`.execute(db);
    await sql`comment on table bridge_contract_event is 'The history of each access contract (append-only): request, approve with a grant, refuse, suspend, resume, revoke'`.execute(
      db,
    );
    await sql`
      create table bridge_consent_event (
        id bigint generated always as identity primary key,
        person_id uuid not null,
        passport_id uuid not null references bridge_passport (id),
        revision_hash text not null,
        opt_in boolean not null,
        at timestamptz not null,
        valid_until timestamptz
      )`.execute(db);
    await sql`create index bridge_consent_event_person on bridge_consent_event (person_id, passport_id)`.execute(
      db,
    );
    await sql`comment on table bridge_consent_event is 'A person''s consents to a passport''s revision, and their withdrawals (append-only)'`.execute(
      db,
    );
    await sql`
      create table bridge_nonce (
        key_id text not null,
        nonce text not null,
        expires_at timestamptz not null,
        primary key (key_id, nonce)
      )`.execute(db);
    await sql`comment on table bridge_nonce is 'Nonces of signed requests seen within the signature window (replay protection); expired rows are deleted'`.execute(
      db,
    );
    await makeAppendOnly(db, 'bridge', [
      'bridge_passport_version',
      'bridge_contract_event',
      'bridge_consent_event',
    ]);
  },
};
