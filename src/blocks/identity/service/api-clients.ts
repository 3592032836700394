import { API_KEY_PREFIX, type ApiCaller } from '../../../platform/auth/api-caller.js';
import { hashSecret, newSecret } from '../../../platform/auth/session-token.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { SCOPE_PATTERN } from '../domain/api-scopes.js';
import '../repo/tables.js';
import type { IdentityDeps, RequestFacts } from './deps.js';
import { resolveApiKey } from './principal.js';

export interface ApiClientView {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * Registers an API client and returns its key. The key is shown this once: only its SHA-256 is
 * kept, with its first characters so operators can tell keys apart.
 * Outcomes: the client and key; IDENTITY_SCOPE_INVALID (400) for a malformed scope.
 */
export async function createApiClient(
  deps: IdentityDeps,
  input: { name: string; scopes: string[] },
  actorAccountId: string | null,
  facts: RequestFacts = {},
): Promise<{ client: ApiClientView; key: string }> {
  const invalid = input.scopes.findIndex((scope) => !SCOPE_PATTERN.test(scope));
  if (invalid >= 0) {
    throw new DomainError('IDENTITY_SCOPE_INVALID', 400, {}, [
      { field: `scopes.${invalid}`, code: 'IDENTITY_SCOPE_INVALID' },
    ]);
  }
  const key = API_KEY_PREFIX + newSecret();
  const scopes = [...new Set(input.scopes)];
  const now = deps.now();
  const row = await deps.db.transaction().execute((trx) =>
    trx
      .insertInto('identity_api_client')
      .values({
        name: input.name.trim(),
        key_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        key_hash: hashSecret(key),
        scopes,
        created_by_account_id: actorAccountId,
        created_at: now,
      })
      .returning(['id', 'name', 'key_prefix', 'scopes', 'created_at', 'revoked_at'])
      .executeTakeFirstOrThrow(),
  );
  await deps.audit.append({
    action: 'identity.api-client-create',
    outcome: 'success',
    actorAccountId,
    subject: row.id,
    details: { ...facts, scopes },
  });
  return {
    key,
    client: {
      id: row.id,
      name: row.name,
      keyPrefix: row.key_prefix,
      scopes: row.scopes,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
    },
  };
}

/**
 * Revokes an API client's key at once (the next request with it to this process gets 401; other
 * processes see it within API_KEY_CACHE_TTL_MS). Revoking twice keeps the first time.
 * Outcomes: the client; IDENTITY_API_CLIENT_NOT_FOUND (404).
 */
export async function revokeApiClient(
  deps: IdentityDeps,
  clientId: string,
  actorAccountId: string | null,
  facts: RequestFacts = {},
): Promise<ApiClientView> {
  const row = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('identity_api_client')
      .set({ revoked_at: deps.now() })
      .where('id', '=', clientId)
      .where('revoked_at', 'is', null)
      .execute();
    return trx
      .selectFrom('identity_api_client')
      .select(['id', 'name', 'key_prefix', 'scopes', 'created_at', 'revoked_at'])
      .where('id', '=', clientId)
      .executeTakeFirst();
  });
  if (!row) throw new DomainError('IDENTITY_API_CLIENT_NOT_FOUND', 404);
  apiKeyCacheFor(deps.db).forget(row.id);
  await deps.audit.append({
    action: 'identity.api-client-revoke',
    outcome: 'success',
    actorAccountId,
    subject: row.id,
    details: { ...facts },
  });
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    scopes: row.scopes,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * How long a resolved API key is trusted without asking the database again. A key revoked by
 * this process stops working at once (revokeApiClient drops it); a key revoked by another
 * process (another node, `ortaq` on the command line) works for at most this long.
 */
export const API_KEY_CACHE_TTL_MS = 5_000;
const API_KEY_CACHE_MAX = 10_000;

/**
 * The API clients that keys resolved to recently, by key hash, so an API request costs no query
 * for its key. Only keys that resolved are kept: an unknown key is asked about every time, so a
 * new key works at once. A look-up that started before a revocation never stores its (stale)
 * answer after it.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { caller: ApiCaller; until: number }>();
  /** Bumped by every `forget`: an answer read before it is not stored. */
  private generation = 0;

  constructor(
    private readonly resolve: (keyHash: Buffer) => Promise<ApiCaller | null>,
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  /** The API client whose key has this SHA-256, or null when unknown or revoked. */
  async get(keyHash: Buffer): Promise<ApiCaller | null> {
    const now = this.now();
    const key = keyHash.toString('base64');
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.caller;
    if (entry) this.entries.delete(key);
    const generation = this.generation;
    const caller = await this.resolve(keyHash);
    if (caller && generation === this.generation) {
      if (this.entries.size >= API_KEY_CACHE_MAX) this.entries.clear();
      this.entries.set(key, { caller, until: now + (this.options.ttlMs ?? API_KEY_CACHE_TTL_MS) });
    }
    return caller;
  }

  /** Drops every key of the client (after its revocation committed). */
  forget(clientId: string): void {
    this.generation += 1;
    for (const [key, entry] of this.entries)
      if (entry.caller.clientId === clientId) this.entries.delete(key);
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}

const keyCaches = new WeakMap<Database, ApiKeyCache>();

/** The key cache of a database (one per connection pool, shared by the app and its services). */
export function apiKeyCacheFor(db: Database): ApiKeyCache {
  let cache = keyCaches.get(db);
  if (!cache) {
    cache = new ApiKeyCache((keyHash) => resolveApiKey(db, keyHash));
    keyCaches.set(db, cache);
  }
  return cache;
}
