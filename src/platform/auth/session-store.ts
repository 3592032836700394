import type { Generated } from 'kysely';
import type { Database } from '../db/database.js';
import { hashSecret, newSecret } from './session-token.js';

export interface SessionTable {
  id: Generated<string>;
  token_hash: Buffer;
  account_id: string;
  stage: SessionStage;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

declare module '../db/tables.js' {
  interface Tables {
    platform_auth_session: SessionTable;
  }
}

/** `second-factor`: the password was right and a one-time code is still due. */
export type SessionStage = 'second-factor' | 'signed-in';

export interface Session {
  id: string;
  accountId: string;
  stage: SessionStage;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

/** How long the step between the password and the one-time code may take. */
export const SECOND_FACTOR_MINUTES = 5;

/** last_seen_at is written at most this often, so a busy session is not a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionLookup =
  { status: 'active'; session: Session } | { status: 'expired' } | { status: 'unknown' };

/**
 * Starts a session with a fresh token and returns the token for the cookie (only its hash is
 * stored). Called at every sign-in step, so a token seen before sign-in is never reused after.
 */
export async function startSession(
  db: Database,
  input: { accountId: string; stage: SessionStage; now: Date; limits: SessionLimits },
): Promise<{ token: string; session: Session }> {
  const token = newSecret();
  const expiresAt =
    input.stage === 'second-factor'
      ? new Date(input.now.getTime() + SECOND_FACTOR_MINUTES * 60_000)
      : new Date(input.now.getTime() + input.limits.maxHours * 3_600_000);
  const row = await db
    .insertInto('platform_auth_session')
    .values({
      token_hash: hashSecret(token),
      account_id: input.accountId,
      stage: input.stage,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    token,
    session: {
      id: row.id,
      accountId: input.accountId,
      stage: input.stage,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
    },
  };
}

/**
 * Finds the session a token belongs to. A session past its absolute end or idle for longer than
 * the limit is deleted and reported as expired; an active one has its last use recorded.
 */
export async function findSession(
  db: Database,
  token: string,
  now: Date,
  limits: SessionLimits,
): Promise<SessionLookup> {
  const row = await db
    .selectFrom('platform_auth_session')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) return { status: 'unknown' };
  const idleEnd = row.last_seen_at.getTime() + limits.idleMinutes * 60_000;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleEnd) {
    await db.deleteFrom('platform_auth_session').where('id', '=', row.id).execute();
    return { status: 'expired' };
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('platform_auth_session')
      .set({ last_seen_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    status: 'active',
    session: {
      id: row.id,
      accountId: row.account_id,
      stage: row.stage,
      createdAt: row.created_at,
      lastSeenAt: now,
      expiresAt: row.expires_at,
    },
  };
}

/** Ends a session (sign-out, or the step before a new token is issued). */
export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.deleteFrom('platform_auth_session').where('id', '=', sessionId).execute();
}

/**
 * Deletes every session past its absolute end or idle for longer than the limit. findSession
 * already deletes an expired session when its token comes back; this removes the ones whose
 * token never does (a closed browser), so the table holds live sessions only.
 *
 * Outcomes: how many sessions were deleted.
 */
export async function deleteExpiredSessions(
  db: Database,
  now: Date,
  limits: SessionLimits,
): Promise<number> {
  const idleSince = new Date(now.getTime() - limits.idleMinutes * 60_000);
  const result = await db
    .deleteFrom('platform_auth_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
