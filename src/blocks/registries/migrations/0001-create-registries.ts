import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * Registries and their versioned records. A record's history is append-only
 * (registry_record_version); registry_record is its current view, kept in the same transaction
 * as each version so that look-ups read one row. Per-registry expression indexes on
 * `data->>'field'` are created when a registry is defined (service/definitions.ts), not here.
 */
export const createRegistries: Migration = {
  number: 1,
  name: 'create-registries',
  up: async (db) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(db);
    await run(sql`
      create function registry_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
          using errcode = 'insufficient_privilege';
      end $$`);

    await run(sql`
      create table registry (
        id integer generated always as identity primary key,
        name text not null,
        version text not null,
        definition jsonb not null,
        revision integer not null check (revision > 0),
        created_at timestamptz not null,
        modified_at timestamptz not null,
        modified_by text not null,
        archived_at timestamptz
      )`);
    // Names are compared without case: GovStack clients write `MCTS` for `mcts`.
    await run(sql`create unique index registry_name_version on registry (lower(name), version)`);
    await run(
      sql`comment on table registry is 'Registries defined by a definition file or the GovStack Database API; id is the GovStack database id'`,
    );
    await run(
      sql`comment on column registry.definition is 'The checked definition (fields, key, subject, permissions, legal basis, seal rule); see domain/definition.ts'`,
    );
    await run(
      sql`comment on column registry.revision is 'How many times the definition has been written; its history is in registry_definition_version'`,
    );
    await run(
      sql`comment on column registry.archived_at is 'Set by the Database API delete: the registry takes no more writes; its records and history stay'`,
    );

    await run(sql`
      create table registry_definition_version (
        registry_id integer not null references registry (id),
        revision integer not null,
        definition jsonb not null,
        recorded_at timestamptz not null,
        author_account_id uuid,
        author_name text not null,
        reason text not null,
        primary key (registry_id, revision)
      )`);
    await run(sql`create trigger registry_definition_version_append_only
      before update or delete or truncate on registry_definition_version
      for each statement execute function registry_refuse_change()`);
    await run(
      sql`comment on table registry_definition_version is 'Every definition a registry has had, append-only: which rules applied to a record when it was written'`,
    );

    await run(sql`
      create table registry_record (
        id uuid primary key default gen_random_uuid(),
        registry_id integer not null references registry (id),
        revision integer not null check (revision > 0),
        data jsonb not null,
        subject_person_id uuid,
        deleted boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    await run(
      sql`create index registry_record_listing on registry_record (registry_id, created_at, id) where not deleted`,
    );
    await run(
      sql`create index registry_record_subject on registry_record (subject_person_id) where subject_person_id is not null`,
    );
    await run(
      sql`comment on table registry_record is 'Current view of each registry record: the latest of its versions in registry_record_version, written in the same transaction'`,
    );
    await run(
      sql`comment on column registry_record.data is 'Field values by field name; dates as YYYY-MM-DD, identifiers as digit strings'`,
    );
    await run(
      sql`comment on column registry_record.subject_person_id is 'The identity person the record is about (from the subject field), whose reads write access records'`,
    );
    await run(
      sql`comment on column registry_record.deleted is 'Logically deleted: kept with its history, hidden from look-ups'`,
    );

    await run(sql`
      create table registry_record_version (
        record_id uuid not null references registry_record (id),
        revision integer not null check (revision > 0),
        registry_id integer not null references registry (id),
        operation text not null check (operation in ('create', 'update', 'delete')),
        data jsonb not null,
        author_account_id uuid,
        author_name text not null check (length(author_name) between 1 and 500),
        author_organisation text not null check (length(author_organisation) between 1 and 500),
        reason text not null check (length(reason) between 1 and 2000),
        recorded_at timestamptz not null,
        primary key (record_id, revision)
      )`);
    await run(sql`create trigger registry_record_version_append_only
      before update or delete or truncate on registry_record_version
      for each statement execute function registry_refuse_change()`);
    await run(
      sql`comment on table registry_record_version is 'Every version of every registry record, append-only: who wrote it, for which organisation, when and why'`,
    );
    await run(
      sql`comment on column registry_record_version.operation is 'create, update, or delete (a logical delete: the data is the last state)'`,
    );
    await run(
      sql`comment on column registry_record_version.author_account_id is 'Account that wrote the version; null for an API client or the system'`,
    );
    await run(
      sql`comment on column registry_record_version.author_name is 'Who wrote it: a person''s name, an API client (Information-Mediator-Client) or the system'`,
    );
    await run(
      sql`comment on column registry_record_version.reason is 'Why the record was written: the case, act or import it comes from'`,
    );

    await run(sql`
      create table registry_access_link (
        access_record_id uuid primary key,
        registry_id integer not null references registry (id),
        record_id uuid not null references registry_record (id)
      )`);
    await run(sql`create index registry_access_link_record on registry_access_link (record_id)`);
    await run(sql`create trigger registry_access_link_append_only
      before update or delete or truncate on registry_access_link
      for each statement execute function registry_refuse_change()`);
    await run(
      sql`comment on table registry_access_link is 'Which registry record each access record is about, so a seal can be lifted for all reads of one record (e.g. a will once the testator has died)'`,
    );
  },
};
