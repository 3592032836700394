import { sql } from 'kysely';
import type { Migration } from '../db/migration.js';

/**
 * Server-side sessions. The kernel owns them so that every node behind a load balancer sees the
 * same sessions; it knows only the account id, and the identity block says who that is.
 */
export const platformAuthMigrations: Migration[] = [
  {
    number: 1,
    name: 'create-session',
    up: async (db) => {
      await sql`
        create table platform_auth_session (
          id uuid primary key default gen_random_uuid(),
          token_hash bytea not null unique,
          account_id uuid not null,
          stage text not null check (stage in ('second-factor', 'signed-in')),
          created_at timestamptz not null,
          last_seen_at timestamptz not null,
          expires_at timestamptz not null
        )`.execute(db);
      await sql`create index platform_auth_session_account on platform_auth_session (account_id)`.execute(
        db,
      );
      await sql`comment on table platform_auth_session is 'Signed-in browser sessions; the cookie holds a random token, this table only its SHA-256'`.execute(
        db,
      );
      await sql`comment on column platform_auth_session.stage is 'second-factor: password accepted, one-time code still due; signed-in: fully signed in'`.execute(
        db,
      );
      await sql`comment on column platform_auth_session.expires_at is 'Absolute end (SESSION_MAX_HOURS after sign-in); the idle limit is counted from last_seen_at'`.execute(
        db,
      );
    },
  },
];
