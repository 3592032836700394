import { API_KEY_PREFIX } from '../../../platform/auth/api-caller.js';
import { hashSecret, newSecret } from '../../../platform/auth/session-token.js';
import { DomainError } from '../../../platform/errors.js';
import { SCOPE_PATTERN } from '../domain/api-scopes.js';
import '../repo/tables.js';
import type { IdentityDeps, RequestFacts } from './deps.js';

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
 * Revokes an API client's key at once (the next request with it gets 401). Revoking twice keeps
 * the first time. Outcomes: the client; IDENTITY_API_CLIENT_NOT_FOUND (404).
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
