import { sql, type Generated } from 'kysely';
import type { ChangeCache } from '../db/change-cache.js';
import type { Database } from '../db/database.js';
import { SESSION_CHANNEL, sessionCacheOf, type StoredSession } from './session-cache.js';
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
 * the limit is deleted and reported as expired; an active one has its last use recorded (at most
 * once a minute). With a cache (the session plugin's), an active session costs no query.
 */
export async function findSession(
  db: Database,
  token: string,
  now: Date,
  limits: SessionLimits,
  cache?: ChangeCache<StoredSession | null>,
): Promise<SessionLookup> {
  const hash = hashSecret(token);
  const key = hash.toString('hex');
  const read = () => readSession(db, hash);
  let row = cache ? await cache.get(key, read) : await read();
  if (row && cache && hasEnded(row, now, limits)) {
    // The copy may be older than the row: another process may have used the session since.
    cache.invalidate(key);
    row = await cache.get(key, read);
  }
  if (!row) return { status: 'unknown' };
  if (hasEnded(row, now, limits)) {
    await deleteSession(db, row.id);
    return { status: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('platform_auth_session')
      .set({ last_seen_at: now })
      .where('id', '=', row.id)
      .execute();
    row.lastSeenAt = now;
  }
  return { status: 'active', session: { ...row, lastSeenAt: now } };
}

const hasEnded = (row: StoredSession, now: Date, limits: SessionLimits) =>
  now.getTime() >= row.expiresAt.getTime() ||
  now.getTime() >= row.lastSeenAt.getTime() + limits.idleMinutes * 60_000;

async function readSession(db: Database, hash: Buffer): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('platform_auth_session')
    .select(['id', 'account_id', 'stage', 'created_at', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    accountId: row.account_id,
    stage: row.stage,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** Ends a session (sign-out, or the step before a new token is issued). */
export async function endSession(db: Database, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

/**
 * Deletes a session and, in the same statement, announces its end to every process's cache (when
 * the surrounding transaction commits), and forgets it in this process now.
 */
async function deleteSession(db: Database, sessionId: string): Promise<void> {
  const { rows } = await sql<{ key: string }>`
    with gone as (delete from platform_auth_session where id = ${sessionId} returning token_hash)
    select encode(token_hash, 'hex') as key,
           pg_notify(${SESSION_CHANNEL}, encode(token_hash, 'hex'))
    from gone`.execute(db);
  const cache = sessionCacheOf(db);
  for (const row of rows) cache?.sessions.invalidate(row.key);
}

/**
 * Deletes every session past its absolute end or idle for longer than the limit. findSession
 * already deletes an expired session when its token comes back; this removes the ones whose
 * token never does (a closed browser), so the table holds live sessions only. Nothing is
 * announced: a cached copy is never used more recently than the row, so every process's copy
 * of such a session has ended too (findSession then checks the row and finds none).
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
