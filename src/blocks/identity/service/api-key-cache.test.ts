import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { ApiCaller } from '../../../platform/auth/api-caller.js';
import { hashSecret } from '../../../platform/auth/session-token.js';
import {
  API_KEY_CACHE_TTL_MS,
  ApiKeyCache,
  createApiClient,
  revokeApiClient,
} from './api-clients.js';
import { identityDeps } from './deps.js';

const caller: ApiCaller = { clientId: 'c-1', name: 'KZ/GOV/1/sys', scopes: ['identity:read'] };

describe('ApiKeyCache', () => {
  it('asks once per key within the TTL, and again after it', async () => {
    let clock = 1_000;
    let asked = 0;
    const cache = new ApiKeyCache(
      async () => {
        asked += 1;
        return caller;
      },
      { ttlMs: 100, now: () => clock },
    );
    const hash = Buffer.from('aa', 'hex');
    expect(await cache.get(hash)).toEqual(caller);
    clock += 99;
    expect(await cache.get(hash)).toEqual(caller);
    expect(asked).toBe(1);
    clock += 1;
    await cache.get(hash);
    expect(asked).toBe(2);
  });

  it('never keeps an unknown key, so a key made later works at once', async () => {
    let known = false;
    const cache = new ApiKeyCache(async () => (known ? caller : null));
    const hash = Buffer.from('bb', 'hex');
    expect(await cache.get(hash)).toBeNull();
    known = true;
    expect(await cache.get(hash)).toEqual(caller);
  });

  it('refuses a forgotten client at once, even when a look-up was under way', async () => {
    let revoked = false;
    let release: () => void = () => undefined;
    const cache = new ApiKeyCache(async () => {
      const answer = revoked ? null : caller;
      await new Promise<void>((resolve) => (release = resolve));
      return answer;
    });
    const hash = Buffer.from('cc', 'hex');
    // A look-up reads "valid", then the revocation commits and is forgotten before it returns.
    const racing = cache.get(hash);
    revoked = true;
    cache.forget(caller.clientId);
    release();
    expect(await racing).toEqual(caller);
    // Its stale answer was not stored: the next request asks again and is refused.
    const next = cache.get(hash);
    release();
    expect(await next).toBeNull();
  });
});

describe('API keys through the app', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const whoami = (key: string) =>
    test.app.inject({
      method: 'GET',
      url: '/api/v1/identity/whoami',
      headers: { authorization: `Bearer ${key}` },
    });

  it('refuses a key on the next request after revokeApiClient, though it was cached', async () => {
    const deps = identityDeps(test.app.platform);
    const { client, key } = await createApiClient(
      deps,
      { name: 'Cached', scopes: ['identity:read'] },
      null,
    );
    expect((await whoami(key)).statusCode).toBe(200);
    expect((await whoami(key)).statusCode).toBe(200);
    await revokeApiClient(deps, client.id, null);
    const refused = await whoami(key);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('AUTH_INVALID_API_KEY');
  });

  it('a key revoked by another process stops working within the TTL', async () => {
    const deps = identityDeps(test.app.platform);
    const { key } = await createApiClient(deps, { name: 'Elsewhere', scopes: [] }, null);
    // This process's view, with a clock the test moves.
    let clock = 0;
    const cache = new ApiKeyCache(
      async (hash) =>
        (await test.database.db
          .selectFrom('identity_api_client')
          .select(['id', 'name', 'scopes'])
          .where('key_hash', '=', hash)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
          .then((row) => row && { clientId: row.id, name: row.name, scopes: row.scopes })) ?? null,
      { now: () => clock },
    );
    const hash = hashSecret(key);
    expect(await cache.get(hash)).not.toBeNull();
    // Another node revokes it: a plain update this process does not hear about.
    await test.database.db
      .updateTable('identity_api_client')
      .set({ revoked_at: new Date() })
      .where('key_hash', '=', hash)
      .execute();
    clock = API_KEY_CACHE_TTL_MS - 1;
    expect(await cache.get(hash)).not.toBeNull();
    clock = API_KEY_CACHE_TTL_MS;
    expect(await cache.get(hash)).toBeNull();
  });
});
