import { sql, type Kysely } from 'kysely';
import type { Migration } from '../db/migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const runAll = async (db: Kysely<any>, statements: ReturnType<typeof sql>[]) => {
  for (const statement of statements) await statement.execute(db);
};

/**
 * The audit log, its checkpoints and the access records (module `platform-audit`). Every table
 * here is a legal record: a trigger refuses UPDATE, DELETE and TRUNCATE, so history can only grow.
 * (A database owner can still disable a trigger; the hash chain and the signed checkpoints are
 * what make such tampering visible to `ortaq audit verify`.)
 */
export const platformAuditMigrations: Migration[] = [
  {
    number: 1,
    name: 'create-audit-log',
    up: (db) =>
      runAll(db, [
        sql`
          create function platform_audit_refuse_change() returns trigger language plpgsql as $$
          begin
            raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
              using errcode = 'insufficient_privilege';
          end $$`,
        sql`
          create table audit_log (
            seq bigint primary key check (seq > 0),
            at timestamptz not null,
            action text not null check (length(action) between 1 and 200),
            outcome text not null check (outcome in ('success', 'failure')),
            actor text,
            subject text,
            details jsonb not null check (jsonb_typeof(details) = 'object'),
            prev_hash bytea not null check (length(prev_hash) = 32),
            hash bytea not null check (length(hash) = 32)
          )`,
        sql`create trigger audit_log_append_only before update or delete or truncate on audit_log
            for each statement execute function platform_audit_refuse_change()`,
        sql`comment on table audit_log is 'Append-only, hash-chained log of security-relevant actions; each entry carries the SHA-256 of the previous one (see src/platform/audit/canonical.ts)'`,
        sql`comment on column audit_log.seq is 'Position in the chain: 1, 2, 3… without gaps'`,
        sql`comment on column audit_log.at is 'When the action happened'`,
        sql`comment on column audit_log.action is 'Dotted verb, stable across versions, e.g. identity.sign-in'`,
        sql`comment on column audit_log.outcome is 'success or failure of the action'`,
        sql`comment on column audit_log.actor is 'Account that acted; null for an anonymous caller or the system'`,
        sql`comment on column audit_log.subject is 'What the action was about (an account, a record id); never a national identifier'`,
        sql`comment on column audit_log.details is 'Small, non-secret facts (failure code, client address, request id)'`,
        sql`comment on column audit_log.prev_hash is 'hash of entry seq - 1; 32 zero bytes for entry 1 (genesis)'`,
        sql`comment on column audit_log.hash is 'SHA-256 of the canonical serialisation of this entry, prev_hash included'`,

        sql`
          create table audit_checkpoint (
            seq bigint primary key check (seq > 0),
            hash bytea not null check (length(hash) = 32),
            signed_at timestamptz not null,
            key_id text not null,
            signature bytea not null
          )`,
        sql`create trigger audit_checkpoint_append_only before update or delete or truncate on audit_checkpoint
            for each statement execute function platform_audit_refuse_change()`,
        sql`comment on table audit_checkpoint is 'Signed statements that audit_log entry seq had hash; they fix the chain''s past, including its end'`,
        sql`comment on column audit_checkpoint.seq is 'The audit_log entry this checkpoint covers (and every entry before it)'`,
        sql`comment on column audit_checkpoint.hash is 'audit_log.hash of that entry when the checkpoint was signed'`,
        sql`comment on column audit_checkpoint.signed_at is 'When the deployment signed it'`,
        sql`comment on column audit_checkpoint.key_id is 'SHA-256 (hex) of the DER public key of the deployment key that signed'`,
        sql`comment on column audit_checkpoint.signature is 'Ed25519 signature over the checkpoint statement (see src/platform/audit/checkpoint-statement.ts)'`,
      ]),
  },
  {
    number: 2,
    name: 'create-access-record',
    up: (db) =>
      runAll(db, [
        sql`
          create table access_record (
            id uuid primary key default gen_random_uuid(),
            person_id uuid not null,
            accessed_at timestamptz not null,
            accessor_account_id uuid,
            accessor_name text not null check (length(accessor_name) between 1 and 500),
            accessor_organisation text not null check (length(accessor_organisation) between 1 and 500),
            purpose text not null check (length(purpose) between 1 and 1000),
            legal_basis text not null check (length(legal_basis) between 1 and 1000),
            fields text[] not null check (cardinality(fields) > 0),
            source text not null check (length(source) between 1 and 200)
          )`,
        sql`create index access_record_person on access_record (person_id, accessed_at desc, id desc)`,
        sql`create trigger access_record_append_only before update or delete or truncate on access_record
            for each statement execute function platform_audit_refuse_change()`,
        sql`comment on table access_record is 'Every read of a person''s data through a registry or the bridge; the person sees them on "Who used my data" unless sealed'`,
        sql`comment on column access_record.person_id is 'The person whose data was read'`,
        sql`comment on column access_record.accessed_at is 'When the data was read'`,
        sql`comment on column access_record.accessor_account_id is 'Account that read the data; null for a system or a bridge client'`,
        sql`comment on column access_record.accessor_name is 'Who read the data, as shown to the person (officer''s name or system name)'`,
        sql`comment on column access_record.accessor_organisation is 'Organisation or agency of the reader, as shown to the person'`,
        sql`comment on column access_record.purpose is 'Why the data was read (the service or case)'`,
        sql`comment on column access_record.legal_basis is 'The law or consent that allowed the read'`,
        sql`comment on column access_record.fields is 'Which fields of the person''s data were read'`,
        sql`comment on column access_record.source is 'Registry or bridge service the data came from'`,

        sql`
          create table access_seal_decision (
            id bigint generated always as identity primary key,
            access_record_id uuid not null references access_record (id),
            sealed boolean not null,
            legal_basis text not null check (length(legal_basis) between 1 and 1000),
            decided_by_account_id uuid,
            decided_at timestamptz not null
          )`,
        sql`create index access_seal_decision_record on access_seal_decision (access_record_id, id desc)`,
        sql`create trigger access_seal_decision_append_only before update or delete or truncate on access_seal_decision
            for each statement execute function platform_audit_refuse_change()`,
        sql`comment on table access_seal_decision is 'Decisions that seal an access record (disclosure deferred) or lift the seal; the latest decision for a record is in force'`,
        sql`comment on column access_seal_decision.sealed is 'true: hidden from the person; false: the seal is lifted'`,
        sql`comment on column access_seal_decision.legal_basis is 'Legal basis of the deferral (covert investigation, a will before the testator''s death) or of lifting it'`,
        sql`comment on column access_seal_decision.decided_by_account_id is 'Account that recorded the decision; null for the system'`,
        sql`comment on column access_seal_decision.decided_at is 'When the decision was recorded'`,
      ]),
  },
];
