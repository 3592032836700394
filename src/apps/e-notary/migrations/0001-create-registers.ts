import { sql, type Kysely } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const runAll = async (db: Kysely<any>, statements: ReturnType<typeof sql>[]) => {
  for (const statement of statements) await statement.execute(db);
};

const appendOnly = (table: string) =>
  sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete or truncate
      on ${sql.raw(table)} for each statement execute function enotary_refuse_change()`;

/**
 * The registers of the e-Notary app. Acts, their parties, their action history (status is
 * derived from it), their register entries, powers of attorney and their revocations, wills
 * and inheritance cases are legal records: a trigger refuses UPDATE, DELETE and TRUNCATE on them.
 * Only the per-notary sequence counters change in place.
 */
export const createRegisters: Migration = {
  number: 1,
  name: 'create-registers',
  up: (db) =>
    runAll(db, [
      sql`
        create function enotary_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
            using errcode = 'insufficient_privilege';
        end $$`,

      sql`
        create table enotary_act (
          id uuid primary key,
          kind text not null check (kind in ('real-estate-sale', 'power-of-attorney', 'consent', 'copy-certification')),
          notary_person_id uuid not null references identity_person (id),
          notary_iin text not null check (notary_iin ~ '^[0-9]{12}$'),
          notary_licence text not null,
          cadastral_number text,
          draft jsonb not null check (jsonb_typeof(draft) = 'object'),
          created_at timestamptz not null
        )`,
      sql`create index enotary_act_notary on enotary_act (notary_person_id, created_at desc)`,
      sql`create index enotary_act_cadastral on enotary_act (cadastral_number) where cadastral_number is not null`,
      appendOnly('enotary_act'),
      sql`comment on table enotary_act is 'Notarial acts as the notary prepared them (Law "On Notaries"); status comes from enotary_act_action, never from this row'`,
      sql`comment on column enotary_act.kind is 'real-estate-sale, power-of-attorney, consent or copy-certification'`,
      sql`comment on column enotary_act.notary_iin is 'IIN of the notary performing the act'`,
      sql`comment on column enotary_act.notary_licence is 'Number of the notary licence in the licence registry when the act was opened'`,
      sql`comment on column enotary_act.cadastral_number is 'The real estate the act concerns, spelled as the real-estate register spells it'`,
      sql`comment on column enotary_act.draft is 'The act as drafted: parties, shares, representatives, attached consents, PoA scope'`,

      sql`
        create table enotary_act_party (
          act_id uuid not null references enotary_act (id),
          position int not null check (position >= 0),
          role text not null,
          party_kind text not null check (party_kind in ('person', 'organisation')),
          party_id text not null check (party_id ~ '^[0-9]{12}$'),
          representative_iin text check (representative_iin ~ '^[0-9]{12}$'),
          power_of_attorney text,
          primary key (act_id, position)
        )`,
      sql`create index enotary_act_party_id on enotary_act_party (party_id)`,
      sql`create index enotary_act_party_representative on enotary_act_party (representative_iin) where representative_iin is not null`,
      appendOnly('enotary_act_party'),
      sql`comment on table enotary_act_party is 'Parties of each act by IIN or BIN, so a citizen finds the acts they are party to'`,
      sql`comment on column enotary_act_party.power_of_attorney is 'Register number of the PoA the representative acts under'`,

      sql`
        create table enotary_act_action (
          act_id uuid not null references enotary_act (id),
          seq int not null check (seq >= 1),
          type text not null,
          at timestamptz not null,
          actor_account_id uuid,
          payload jsonb not null check (jsonb_typeof(payload) = 'object'),
          primary key (act_id, seq)
        )`,
      appendOnly('enotary_act_action'),
      sql`comment on table enotary_act_action is 'The act''s file: every action in order (drafted, checks-run with every check result, owner-alerted, owner-reported-not-me, review, signed, cancelled); the act''s status is derived from it'`,
      sql`comment on column enotary_act_action.payload is 'The action as the domain records it; checks-run holds each check, passed or not, with its findings'`,
      sql`comment on column enotary_act_action.actor_account_id is 'The account that took the action; null for one taken by the platform'`,

      sql`
        create table enotary_register_counter (
          register text not null check (register in ('A', 'W', 'I')),
          licence text not null,
          year int not null,
          last int not null check (last >= 1),
          primary key (register, licence, year)
        )`,
      sql`comment on table enotary_register_counter is 'The last sequence number used in each register, per notary licence and year; taken inside the transaction that writes the entry'`,

      sql`
        create table enotary_act_entry (
          act_id uuid primary key references enotary_act (id),
          register_number text not null unique,
          document_id uuid not null,
          verification_code text not null,
          signed_at timestamptz not null,
          ledger_seq bigint not null
        )`,
      appendOnly('enotary_act_entry'),
      sql`comment on table enotary_act_entry is 'Register A: a signed act, its unique register number, its signed document (trust block) and its place in the e-notary-acts ledger'`,

      sql`
        create table enotary_power_of_attorney (
          register_number text primary key references enotary_act_entry (register_number),
          principal_kind text not null check (principal_kind in ('person', 'organisation')),
          principal_id text not null check (principal_id ~ '^[0-9]{12}$'),
          representative_iin text not null check (representative_iin ~ '^[0-9]{12}$'),
          issued_on date not null,
          valid_until date not null,
          scope jsonb not null,
          created_at timestamptz not null
        )`,
      sql`create index enotary_poa_principal on enotary_power_of_attorney (principal_id)`,
      sql`create index enotary_poa_representative on enotary_power_of_attorney (representative_iin)`,
      appendOnly('enotary_power_of_attorney'),
      sql`comment on table enotary_power_of_attorney is 'Powers of attorney certified here (Civil Code Art. 167-170); valid_until already capped by Art. 168'`,

      sql`
        create table enotary_poa_revocation (
          register_number text primary key references enotary_power_of_attorney (register_number),
          revoked_at timestamptz not null,
          reason text not null,
          reason_text text,
          requester jsonb not null,
          actor_account_id uuid
        )`,
      appendOnly('enotary_poa_revocation'),
      sql`comment on table enotary_poa_revocation is 'Revocations of powers of attorney (Civil Code Art. 170), effective at revoked_at for every later check'`,

      sql`
        create table enotary_will (
          id uuid primary key,
          register_number text not null unique,
          testator_iin text not null check (testator_iin ~ '^[0-9]{12}$'),
          certified_by_iin text not null check (certified_by_iin ~ '^[0-9]{12}$'),
          certified_at timestamptz not null,
          content_sha256 text not null,
          checks jsonb not null
        )`,
      sql`create index enotary_will_testator on enotary_will (testator_iin)`,
      appendOnly('enotary_will'),
      sql`comment on table enotary_will is 'Register W: wills, sealed (secrecy of a will, Civil Code); visible only to the notary of an open inheritance case of the testator after the death is recorded'`,
      sql`comment on column enotary_will.content_sha256 is 'Hash of the will''s text; the text itself stays with the notary'`,

      sql`
        create table enotary_inheritance_case (
          id uuid primary key,
          register_number text not null unique,
          testator_iin text not null check (testator_iin ~ '^[0-9]{12}$'),
          notary_iin text not null check (notary_iin ~ '^[0-9]{12}$'),
          opened_on date not null,
          acceptance_ends date not null,
          opened_at timestamptz not null
        )`,
      sql`create unique index enotary_inheritance_case_one_per_testator on enotary_inheritance_case (testator_iin)`,
      appendOnly('enotary_inheritance_case'),
      sql`comment on table enotary_inheritance_case is 'Register I: inheritance cases (Civil Code, Special Part, Section 6), one per testator'`,
      sql`comment on column enotary_inheritance_case.opened_on is 'Opening of the inheritance: the recorded date of death'`,
    ]),
};
