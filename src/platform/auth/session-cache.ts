import { ChangeCache, EVERY_KEY } from '../db/change-cache.js';
import type { ChangeFeed } from '../db/change-feed.js';
import { notifyChange } from '../db/change-feed.js';
import type { Database } from '../db/database.js';
import type { Principal } from './principal.js';
import type { Session } from './session-store.js';

/** The change channel of sessions; the payload is the token's SHA-256 in hex. */
export const SESSION_CHANNEL = 'platform_auth_session';
/** The change channel of principals; the payload is the account id (or `*`: every account). */
export const PRINCIPAL_CHANNEL = 'platform_auth_principal';

/**
 * A principal is reloaded after this long even when no change was announced: a safety net only
 * (the identity block announces appointments of officers and administrators).
 */
const PRINCIPAL_MAX_AGE_MS = 60_000;

/** A session row as the cache keeps it; `lastSeenAt` moves when this process touches it. */
export type StoredSession = Session;

/**
 * The sessions and principals of signed-in requests, kept in the process (platform ChangeCache)
 * so a request costs no query to know who is calling. Kept correct across processes: ending a
 * session (sign-out, expiry) announces its token in the same statement that deletes it, and a
 * change of an account's roles is announced with principalChanged, so every process refuses a
 * revoked session and sees new roles at once. The idle and absolute limits are checked on every
 * request against the copy; only the stored row can say a session ended (another process may
 * have used it since), so an expiry the copy suggests is checked against the database.
 */
export class SessionCache {
  readonly sessions: ChangeCache<StoredSession | null>;
  readonly principals: ChangeCache<Principal | null>;

  constructor(feed: ChangeFeed) {
    this.sessions = new ChangeCache(feed, SESSION_CHANNEL);
    this.principals = new ChangeCache(feed, PRINCIPAL_CHANNEL, { maxAgeMs: PRINCIPAL_MAX_AGE_MS });
  }
}

// The cache of each running platform, by its Database, for the functions that change what it
// holds (endSession, principalChanged) to forget at once in this process too.
const caches = new WeakMap<Database, SessionCache>();

export function registerSessionCache(db: Database, cache: SessionCache): void {
  caches.set(db, cache);
}

export const sessionCacheOf = (db: Database): SessionCache | undefined => caches.get(db);

/**
 * Announces that an account's principal (its person's name, roles or agency) changed, to every
 * process (this one included) once the transaction `db` belongs to commits; called outside a
 * transaction, this process forgets it at once. Without an account id, every principal is
 * forgotten. The block that changes roles calls it in the transaction that changes them.
 */
export async function principalChanged(db: Database, accountId: string = EVERY_KEY): Promise<void> {
  await notifyChange(db, PRINCIPAL_CHANNEL, accountId);
  caches.get(db)?.principals.invalidate(accountId);
}
