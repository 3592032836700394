import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * The deployment certificate authority, issued certificates and their revocations, signed
 * documents and their withdrawals, and the hash-chained ledgers of legal registers (module
 * `trust`). Every table is a legal record: a trigger refuses UPDATE, DELETE and TRUNCATE, so a
 * certificate's or a document's status is derived from the rows added after it, never overwritten.
 * (A database owner can still disable a trigger: signatures, the hash chains and their signed
 * checkpoints make such tampering visible.)
 */
export const createTrust: Migration = {
  number: 1,
  name: 'create-trust',
  up: async (db) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(db);
    await run(sql`
      create function trust_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
          using errcode = 'insufficient_privilege';
      end $$`);
    const appendOnly = async (table: string) =>
      run(
        sql.raw(`create trigger ${table}_append_only before update or delete or truncate on ${table}
                 for each statement execute function trust_refuse_change()`),
      );

    await run(sql`
      create table trust_authority (
        id uuid primary key default gen_random_uuid(),
        serial text not null unique check (serial ~ '^[0-9a-f]{2,40}$'),
        subject text not null,
        certificate_pem text not null,
        sealed_private_key bytea not null,
        sealing_key_id text not null,
        not_before timestamptz not null,
        not_after timestamptz not null,
        created_at timestamptz not null
      )`);
    await appendOnly('trust_authority');
    await run(
      sql`comment on table trust_authority is 'The deployment certificate authority: a self-signed root created on first use; the latest row is in force'`,
    );
    await run(
      sql`comment on column trust_authority.sealed_private_key is 'The CA''s Ed25519 PKCS#8 private key, sealed with AES-256-GCM under a key derived from the deployment key (see src/blocks/trust/service/key-sealing.ts)'`,
    );
    await run(
      sql`comment on column trust_authority.sealing_key_id is 'Key id of the deployment key whose derived key sealed the private key'`,
    );

    await run(sql`
      create table trust_certificate (
        id uuid primary key default gen_random_uuid(),
        authority_id uuid not null references trust_authority (id),
        serial text not null unique check (serial ~ '^[0-9a-f]{2,40}$'),
        holder_kind text not null check (holder_kind in ('agency', 'notary', 'officer', 'bridge-member')),
        holder_id text not null check (length(holder_id) between 1 and 100),
        holder_name text not null check (length(holder_name) between 1 and 300),
        certificate_pem text not null,
        sealed_private_key bytea not null,
        sealing_key_id text not null,
        not_before timestamptz not null,
        not_after timestamptz not null,
        issued_at timestamptz not null,
        issued_by_account_id uuid
      )`);
    await run(
      sql`create index trust_certificate_holder on trust_certificate (holder_kind, holder_id)`,
    );
    await appendOnly('trust_certificate');
    await run(
      sql`comment on table trust_certificate is 'End-entity signing certificates the deployment CA issued to agencies, notaries, officers and bridge members; the holder''s key is generated and kept sealed by the platform (server-side signing)'`,
    );
    await run(
      sql`comment on column trust_certificate.serial is 'X.509 serial number, lower-case hex'`,
    );
    await run(
      sql`comment on column trust_certificate.holder_id is 'Id of the holder in its own register (agency, person, bridge member); never a national identifier'`,
    );
    await run(
      sql`comment on column trust_certificate.certificate_pem is 'The certificate as issued (PEM); its public key verifies the holder''s signatures'`,
    );
    await run(
      sql`comment on column trust_certificate.sealed_private_key is 'The holder''s Ed25519 PKCS#8 private key, sealed (AES-256-GCM) under a key derived from the deployment key'`,
    );

    await run(sql`
      create table trust_certificate_revocation (
        certificate_id uuid primary key references trust_certificate (id),
        reason text not null check (reason in ('unspecified', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn')),
        revoked_at timestamptz not null,
        revoked_by_account_id uuid,
        note text check (length(note) <= 1000)
      )`);
    await appendOnly('trust_certificate_revocation');
    await run(
      sql`comment on table trust_certificate_revocation is 'Revocation of a certificate, with its RFC 5280 reason and time; published in the CRL (GET /trust/crl)'`,
    );

    await run(sql`
      create table trust_document (
        id uuid primary key,
        verification_code text not null unique check (verification_code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
        register_number text unique check (length(register_number) between 1 and 100),
        kind text not null check (kind ~ '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$'),
        certificate_id uuid not null references trust_certificate (id),
        issued_at timestamptz not null,
        issued_by_account_id uuid,
        subject_person_ids uuid[] not null,
        statement text not null,
        signature bytea not null
      )`);
    await appendOnly('trust_document');
    await run(
      sql`comment on table trust_document is 'Signed documents (acts, decisions, certificates): the signed statement, its detached Ed25519 signature and the signing certificate'`,
    );
    await run(
      sql`comment on column trust_document.verification_code is 'Opaque, unguessable code printed on the document and in its QR; opens the public verification page'`,
    );
    await run(
      sql`comment on column trust_document.register_number is 'Number of the document in the issuing register (e.g. a notarial act number), when it has one'`,
    );
    await run(
      sql`comment on column trust_document.statement is 'The signed bytes: RFC 8785 canonical JSON of the document (id, kind, title, content, summary, issuer, time)'`,
    );
    await run(
      sql`comment on column trust_document.signature is 'Ed25519 signature of statement by the key of certificate_id'`,
    );
    await run(
      sql`comment on column trust_document.subject_person_ids is 'People the document is about (they may download it); never shown publicly'`,
    );

    await run(sql`
      create table trust_document_withdrawal (
        document_id uuid primary key references trust_document (id),
        reason text not null check (length(reason) between 1 and 1000),
        withdrawn_at timestamptz not null,
        withdrawn_by_account_id uuid
      )`);
    await appendOnly('trust_document_withdrawal');
    await run(
      sql`comment on table trust_document_withdrawal is 'Withdrawal of a signed document by its issuer (annulment, correction); verification then reports it withdrawn'`,
    );

    await run(sql`
      create table trust_ledger (
        name text primary key check (name ~ '^[a-z][a-z0-9-]{0,62}$'),
        created_at timestamptz not null
      )`);
    await appendOnly('trust_ledger');
    await run(
      sql`comment on table trust_ledger is 'Named tamper-evident logs of legal registers (e.g. notarial acts), each a hash chain in trust_ledger_entry'`,
    );
    await run(sql`
      create table trust_ledger_entry (
        ledger text not null references trust_ledger (name),
        seq bigint not null check (seq > 0),
        at timestamptz not null,
        kind text not null check (length(kind) between 1 and 200),
        actor text,
        subject text,
        entry jsonb not null check (jsonb_typeof(entry) = 'object'),
        prev_hash bytea not null check (length(prev_hash) = 32),
        hash bytea not null check (length(hash) = 32),
        primary key (ledger, seq)
      )`);
    await appendOnly('trust_ledger_entry');
    await run(
      sql`comment on table trust_ledger_entry is 'Append-only, hash-chained entries of a ledger; canonical form as the audit log''s with the tag ortaq.ledger.v1 and the ledger name in place of the outcome (see src/blocks/trust/README.md)'`,
    );
    await run(
      sql`comment on column trust_ledger_entry.seq is 'Position in the ledger: 1, 2, 3… without gaps'`,
    );
    await run(
      sql`comment on column trust_ledger_entry.kind is 'What was recorded, a dotted verb (e.g. act.registered)'`,
    );
    await run(
      sql`comment on column trust_ledger_entry.actor is 'Account that recorded the entry; null for the system'`,
    );
    await run(
      sql`comment on column trust_ledger_entry.subject is 'The register record the entry is about; never a national identifier'`,
    );
    await run(
      sql`comment on column trust_ledger_entry.entry is 'The recorded facts (small JSON object)'`,
    );
    await run(
      sql`comment on column trust_ledger_entry.hash is 'SHA-256 of the canonical serialisation of this entry, prev_hash included'`,
    );

    await run(sql`
      create table trust_ledger_checkpoint (
        ledger text not null references trust_ledger (name),
        seq bigint not null check (seq > 0),
        hash bytea not null check (length(hash) = 32),
        signed_at timestamptz not null,
        key_id text not null,
        signature bytea not null,
        primary key (ledger, seq)
      )`);
    await appendOnly('trust_ledger_checkpoint');
    await run(
      sql`comment on table trust_ledger_checkpoint is 'Deployment-key signatures that ledger entry seq had hash; they fix the ledger''s past, including its end'`,
    );
  },
};
