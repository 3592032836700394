import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createApiClient, revokeApiClient } from '../service/api-clients.js';
import { identityDeps } from '../service/deps.js';
import { totpCode } from '../service/totp.js';
import { TestBrowser } from '../test/browser.js';
import { IIN, PASSWORD, seedAgency, seedUser } from '../test/fixtures.js';

describe('identity JSON API', () => {
  let test: TestApp;
  let admin: TestBrowser;
  let citizen: TestBrowser;

  const count = async (table: 'identity_person' | 'identity_organisation' | 'identity_officer') =>
    Number(
      (
        await test.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    test = await createTestApp();
    await seedAgency(test.app, 'akimat-almaty');
    await seedUser(test.app, { nationalId: IIN.citizen, role: 'citizen' });
    const created = await seedUser(test.app, {
      nationalId: IIN.admin,
      role: 'admin',
      username: 'root',
    });
    admin = new TestBrowser(test.app);
    await admin.signIn('root', PASSWORD);
    await admin.get('/sign-in/code');
    const done = await admin.postForm('/sign-in/code', {
      code: totpCode(created.totpSecret as string, new Date()),
    });
    expect(done.statusCode).toBe(303);
    await admin.get('/sign-in'); // a page, for a CSRF token
    citizen = new TestBrowser(test.app);
    await citizen.signIn(IIN.citizen, PASSWORD);
    await citizen.get('/sign-in');
  });
  afterAll(() => test.close());

  describe('whoami', () => {
    it('answers 401 problem+json to an anonymous caller', async () => {
      const response = await test.app.inject({ method: 'GET', url: '/api/v1/identity/whoami' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'AUTH_SIGN_IN_REQUIRED', status: 401 });
    });

    it('accepts an API key with identity:read, refuses one without it, and one revoked', async () => {
      const deps = identityDeps(test.app.platform);
      const reader = await createApiClient(
        deps,
        { name: 'Benchmark', scopes: ['identity:read'] },
        null,
      );
      expect(reader.key).toMatch(/^ortaq_[A-Za-z0-9_-]{43}$/);
      const stored = await test.database.db
        .selectFrom('identity_api_client')
        .selectAll()
        .where('id', '=', reader.client.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(reader.key.slice(6));
      const call = (key: string) =>
        test.app.inject({
          method: 'GET',
          url: '/api/v1/identity/whoami',
          headers: { authorization: `Bearer ${key}` },
        });
      const ok = await call(reader.key);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({
        kind: 'api-client',
        clientId: reader.client.id,
        name: 'Benchmark',
        scopes: ['identity:read'],
      });

      const other = await createApiClient(deps, { name: 'Other', scopes: ['files:write'] }, null);
      const forbidden = await call(other.key);
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json().code).toBe('AUTH_SCOPE_MISSING');

      await revokeApiClient(deps, reader.client.id, null);
      expect((await call(reader.key)).json().code).toBe('AUTH_INVALID_API_KEY');
      expect((await call('ortaq_made-up')).statusCode).toBe(401);
      const malformed = await test.app.inject({
        method: 'GET',
        url: '/api/v1/identity/whoami',
        headers: { authorization: 'Basic abc' },
      });
      expect(malformed.statusCode).toBe(401);
    });
  });

  describe('POST /api/v1/identity/people', () => {
    it('registers a person and takes the birth date from the IIN', async () => {
      const response = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: '870909300081',
        familyName: 'Абенов',
        givenName: 'Ерлан',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ birthDate: '1987-09-09', patronymic: null });
    });

    it.each([
      ['870909300082', 'IDENTITY_ID_BAD_CHECK_DIGIT'],
      ['87090930008', 'IDENTITY_ID_WRONG_LENGTH'],
      ['87090930008x', 'IDENTITY_ID_NOT_DIGITS'],
      ['873009300081', 'IDENTITY_ID_BAD_BIRTH_DATE'],
      ['150440012344', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ])('refuses IIN %s with 400 %s and writes nothing', async (nationalId, code) => {
      const before = await count('identity_person');
      const response = await admin.json('POST', '/api/v1/identity/people', {
        nationalId,
        familyName: 'X',
        givenName: 'Y',
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code, errors: [{ field: 'nationalId', code }] });
      expect(await count('identity_person')).toBe(before);
    });

    it('refuses a birth date in the future, or one that contradicts the IIN', async () => {
      // 920315500037 encodes 15 March 2092.
      const future = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: '920315500037',
        familyName: 'X',
        givenName: 'Y',
      });
      expect(future.json().code).toBe('IDENTITY_BIRTH_DATE_FUTURE');
      const mismatch = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: IIN.other,
        familyName: 'X',
        givenName: 'Y',
        birthDate: '1990-01-02',
      });
      expect(mismatch.json().code).toBe('IDENTITY_BIRTH_DATE_MISMATCH');
    });

    it('refuses unknown fields, a duplicate, and callers who are not administrators', async () => {
      const before = await count('identity_person');
      const unknown = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: IIN.other,
        familyName: 'X',
        givenName: 'Y',
        role: 'admin',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toContainEqual(
        expect.objectContaining({ field: 'role', code: 'VALIDATION_UNKNOWN_FIELD' }),
      );
      const duplicate = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: IIN.citizen,
        familyName: 'X',
        givenName: 'Y',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('IDENTITY_PERSON_EXISTS');
      const asCitizen = await citizen.json('POST', '/api/v1/identity/people', {
        nationalId: IIN.other,
        familyName: 'X',
        givenName: 'Y',
      });
      expect(asCitizen.statusCode).toBe(403);
      expect(asCitizen.json().code).toBe('AUTH_FORBIDDEN');
      const withoutCsrf = await test.app.inject({
        method: 'POST',
        url: '/api/v1/identity/people',
        headers: {
          'content-type': 'application/json',
          cookie: [...admin.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
        },
        payload: JSON.stringify({ nationalId: IIN.other, familyName: 'X', givenName: 'Y' }),
      });
      expect(withoutCsrf.statusCode).toBe(403);
      expect(await count('identity_person')).toBe(before);
    });
  });

  describe('organisations and officers', () => {
    it('registers an organisation with its director, and refuses a bad BIN', async () => {
      const director = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: IIN.other,
        familyName: 'Бекова',
        givenName: 'Алия',
      });
      const before = await count('identity_organisation');
      const bad = await admin.json('POST', '/api/v1/identity/organisations', {
        nationalId: '150440012345',
        name: 'Dala Tech',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('IDENTITY_ID_BAD_CHECK_DIGIT');
      const iinAsBin = await admin.json('POST', '/api/v1/identity/organisations', {
        nationalId: IIN.citizen,
        name: 'Dala Tech',
      });
      expect(iinAsBin.json().code).toBe('IDENTITY_ID_BAD_ENTITY_TYPE');
      expect(await count('identity_organisation')).toBe(before);
      const ok = await admin.json('POST', '/api/v1/identity/organisations', {
        nationalId: '150440012344',
        name: 'Dala Tech',
        directorPersonId: director.json().id,
      });
      expect(ok.statusCode).toBe(201);
    });

    it('appoints an officer, and refuses an unknown agency or role', async () => {
      const person = await admin.json('POST', '/api/v1/identity/people', {
        nationalId: '950604400057',
        familyName: 'Омарова',
        givenName: 'Дана',
      });
      const personId = person.json().id;
      const before = await count('identity_officer');
      const noAgency = await admin.json('POST', '/api/v1/identity/officers', {
        personId,
        agencyCode: 'no-such-agency',
        roles: ['officer'],
      });
      expect(noAgency.json()).toMatchObject({ status: 400, code: 'IDENTITY_AGENCY_NOT_FOUND' });
      const badRole = await admin.json('POST', '/api/v1/identity/officers', {
        personId,
        agencyCode: 'akimat-almaty',
        roles: ['admin'],
      });
      expect(badRole.statusCode).toBe(400);
      expect(await count('identity_officer')).toBe(before);
      const ok = await admin.json('POST', '/api/v1/identity/officers', {
        personId,
        agencyCode: 'akimat-almaty',
        roles: ['agency-head'],
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().roles).toEqual(['officer', 'agency-head']);
    });

    it('gives a signed-in person their new officer role on the next request', async () => {
      const whoami = async () =>
        (await citizen.json('GET', '/api/v1/identity/whoami')).json<{ roles: string[] }>();
      expect((await whoami()).roles).not.toContain('officer');
      const person = await test.app.platform.db
        .selectFrom('identity_person')
        .select('id')
        .where('national_id', '=', IIN.citizen)
        .executeTakeFirstOrThrow();
      const ok = await admin.json('POST', '/api/v1/identity/officers', {
        personId: person.id,
        agencyCode: 'akimat-almaty',
        roles: ['officer'],
      });
      expect(ok.statusCode).toBe(201);
      expect((await whoami()).roles).toContain('officer');
    });

    it('creates and revokes API clients for administrators only', async () => {
      const created = await admin.json('POST', '/api/v1/identity/api-clients', {
        name: 'Smart Bridge',
        scopes: ['identity:read'],
      });
      expect(created.statusCode).toBe(201);
      const { client, key } = created.json();
      const bad = await admin.json('POST', '/api/v1/identity/api-clients', {
        name: 'Bad',
        scopes: ['everything'],
      });
      expect(bad.json().code).toBe('IDENTITY_SCOPE_INVALID');
      const byKey = await test.app.inject({
        method: 'POST',
        url: '/api/v1/identity/api-clients',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'Escalate', scopes: ['identity:read'] }),
      });
      expect(byKey.statusCode).toBe(403);
      const revoked = await admin.json('POST', `/api/v1/identity/api-clients/${client.id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().revokedAt).toEqual(expect.any(String));
      const missing = await admin.json(
        'POST',
        '/api/v1/identity/api-clients/00000000-0000-4000-8000-000000000000/revoke',
      );
      expect(missing.statusCode).toBe(404);
    });
  });
});
