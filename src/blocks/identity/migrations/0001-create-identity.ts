import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/** People, organisations, agencies, officers, administrators, accounts and API clients. */
export const createIdentity: Migration = {
  number: 1,
  name: 'create-identity',
  up: async (db) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(db);
    await run(sql`
      create table identity_person (
        id uuid primary key default gen_random_uuid(),
        country text not null,
        national_id text not null,
        family_name text not null check (length(family_name) between 1 and 200),
        given_name text not null check (length(given_name) between 1 and 200),
        patronymic text check (length(patronymic) between 1 and 200),
        birth_date date,
        created_at timestamptz not null,
        unique (country, national_id)
      )`);
    await run(
      sql`comment on table identity_person is 'People known to the deployment, one row per national identifier'`,
    );
    await run(
      sql`comment on column identity_person.national_id is 'National identifier of the person (IIN, PIN, PINFL, INN) in the format of identity_person.country; never shown in a URL'`,
    );

    await run(sql`
      create table identity_organisation (
        id uuid primary key default gen_random_uuid(),
        country text not null,
        national_id text not null,
        name text not null check (length(name) between 1 and 500),
        director_person_id uuid references identity_person (id),
        created_at timestamptz not null,
        unique (country, national_id)
      )`);
    await run(
      sql`comment on table identity_organisation is 'Legal entities and registered businesses, one row per BIN (or the country''s equivalent)'`,
    );
    await run(
      sql`comment on column identity_organisation.director_person_id is 'The person who heads the organisation and acts for it'`,
    );

    await run(sql`
      create table identity_agency (
        id uuid primary key default gen_random_uuid(),
        code text not null unique check (code ~ '^[a-z][a-z0-9-]{1,62}$'),
        name_kk text not null,
        name_ru text not null,
        name_en text not null,
        parent_id uuid references identity_agency (id),
        created_at timestamptz not null
      )`);
    await run(
      sql`comment on table identity_agency is 'State bodies (ministries, akimats, committees) that own services and employ officers'`,
    );
    await run(
      sql`comment on column identity_agency.parent_id is 'The body this one reports to (a committee to its ministry)'`,
    );

    await run(sql`
      create table identity_officer (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null unique references identity_person (id),
        agency_id uuid not null references identity_agency (id),
        roles text[] not null check (
          cardinality(roles) > 0 and roles <@ array['officer', 'agency-head', 'agency-deputy']
        ),
        created_at timestamptz not null
      )`);
    await run(
      sql`comment on table identity_officer is 'Civil servants: the agency each serves (one at a time) and their roles in it'`,
    );

    await run(sql`
      create table identity_administrator (
        person_id uuid primary key references identity_person (id),
        created_at timestamptz not null
      )`);
    await run(
      sql`comment on table identity_administrator is 'People who administer this deployment (role admin)'`,
    );

    await run(sql`
      create table identity_account (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null unique references identity_person (id),
        username text unique check (username ~ '^[a-z][a-z0-9._-]{2,63}$'),
        password_hash text not null,
        totp_secret text,
        totp_last_step bigint,
        failed_sign_ins integer not null default 0,
        last_failed_sign_in_at timestamptz,
        locked_until timestamptz,
        created_at timestamptz not null
      )`);
    await run(
      sql`comment on table identity_account is 'Sign-in credentials of a person; login by national identifier or username'`,
    );
    await run(
      sql`comment on column identity_account.password_hash is 'argon2id PHC string; the password itself is never stored'`,
    );
    await run(
      sql`comment on column identity_account.totp_secret is 'Base32 TOTP secret (RFC 6238); required for officers and administrators'`,
    );
    await run(
      sql`comment on column identity_account.totp_last_step is 'Last accepted TOTP time step, so a code cannot be used twice'`,
    );

    await run(sql`
      create table identity_unknown_login (
        login_hash bytea primary key,
        failed_sign_ins integer not null default 0,
        last_failed_sign_in_at timestamptz,
        locked_until timestamptz
      )`);
    await run(
      sql`comment on table identity_unknown_login is 'Failed sign-ins for logins that match no account, throttled like real ones so that answers never reveal whether an account exists; keyed by SHA-256 of the login'`,
    );

    await run(sql`
      create table identity_api_client (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 200),
        key_prefix text not null,
        key_hash bytea not null unique,
        scopes text[] not null,
        created_by_account_id uuid references identity_account (id),
        created_at timestamptz not null,
        revoked_at timestamptz
      )`);
    await run(
      sql`comment on table identity_api_client is 'Machine callers of the API; the key is shown once at creation, only its SHA-256 is kept'`,
    );
    await run(
      sql`comment on column identity_api_client.key_prefix is 'First characters of the key, so an operator can tell keys apart'`,
    );
  },
};
