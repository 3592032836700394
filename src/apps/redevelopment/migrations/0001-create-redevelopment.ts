import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * The redevelopment's legal records beside the services engine's application: what each filing
 * was filed on (the registry facts at filing), the owners' answers, the registrations with their
 * audit picks, and the inspectors' decisions. All append-only.
 */
export const createRedevelopment: Migration = {
  number: 1,
  name: 'create-redevelopment',
  up: async (db) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(db);
    await run(sql`
      create table redev_filing (
        application_id uuid primary key references services_application (id),
        cadastral_number text not null,
        building text not null,
        architect_person_id uuid not null references identity_person (id),
        licence_number text not null,
        route text not null check (route in ('self-certification', 'expert-review')),
        expert_reasons jsonb not null,
        changes jsonb not null,
        flat jsonb not null,
        flat_owners jsonb not null,
        building_owners jsonb not null,
        encumbrances jsonb not null,
        self_certification jsonb not null,
        filed_at timestamptz not null
      )`);
    await run(sql`create index redev_filing_architect on redev_filing (architect_person_id)`);
    await run(sql`create index redev_filing_flat on redev_filing (cadastral_number)`);
    await run(
      sql`comment on table redev_filing is 'A flat redevelopment filed by an architect: the route the rules decided and the real-estate registry facts (flat, owners with shares, building owners, encumbrances) at filing; never updated'`,
    );
    await run(
      sql`comment on column redev_filing.self_certification is 'The architect''s self-certification: licence, plan file digest, changes digest and its entry in the trust ledger'`,
    );

    await run(sql`
      create table redev_consent (
        application_id uuid not null references redev_filing (application_id),
        owner_key text not null,
        answer text not null check (answer in ('given', 'refused')),
        answered_by_person_id uuid not null references identity_person (id),
        at timestamptz not null,
        primary key (application_id, owner_key)
      )`);
    await run(
      sql`comment on table redev_consent is 'An owner''s e-consent to a redevelopment (or refusal), one answer per owner (person:IIN or organisation:BIN), given by the owner or the organisation''s director'`,
    );

    await run(sql`
      create table redev_counter (
        name text primary key,
        last_value integer not null check (last_value >= 1)
      )`);
    await run(
      sql`comment on table redev_counter is 'The last registration sequence handed out (the audit sampling counts registrations in this order)'`,
    );

    await run(sql`
      create table redev_registration (
        application_id uuid primary key references redev_filing (application_id),
        number text not null unique,
        sequence integer not null unique,
        registered_at timestamptz not null,
        registry_record_id text not null,
        audit_picked boolean not null,
        audit_reasons jsonb not null
      )`);
    await run(
      sql`comment on table redev_registration is 'A registered redevelopment: its number, its place in the registration order and whether it was picked for a post-registration inspection, with the reasons'`,
    );

    await run(sql`
      create table redev_registration_document (
        application_id uuid primary key references redev_registration (application_id),
        document_id uuid not null,
        verification_code text not null
      )`);
    await run(
      sql`comment on table redev_registration_document is 'The signed registration document (trust block) of a registration, with the code its QR carries'`,
    );

    await run(sql`
      create table redev_audit_decision (
        application_id uuid primary key references redev_registration (application_id),
        decision text not null check (decision in ('confirmed', 'revoked')),
        reasons text not null check (length(reasons) between 1 and 4000),
        inspector_account_id uuid not null,
        architect_person_id uuid not null references identity_person (id),
        decided_at timestamptz not null,
        decided_on date not null
      )`);
    await run(
      sql`create index redev_audit_decision_architect on redev_audit_decision (architect_person_id, decision)`,
    );
    await run(
      sql`comment on table redev_audit_decision is 'An inspector''s decision on a picked registration: confirmed or revoked, with reasons; revocations drive the sanction ladder'`,
    );
    await run(sql`
      create function redev_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
      end $$`);
    for (const table of [
      'redev_filing',
      'redev_consent',
      'redev_registration',
      'redev_registration_document',
      'redev_audit_decision',
    ]) {
      await run(sql`
        create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
        for each row execute function redev_append_only()`);
    }
  },
};
