import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { TestBrowser } from '../blocks/identity/test/browser.js';
import { totpCode } from '../blocks/identity/service/totp.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed.js';

describe('seedDemo', () => {
  let test: TestApp;
  const rows = async () => ({
    people: await test.database.db.selectFrom('identity_person').select('id').execute(),
    accounts: await test.database.db.selectFrom('identity_account').select('id').execute(),
    agencies: await test.database.db.selectFrom('identity_agency').select('code').execute(),
    officers: await test.database.db.selectFrom('identity_officer').select('roles').execute(),
    admins: await test.database.db
      .selectFrom('identity_administrator')
      .select('person_id')
      .execute(),
    organisations: await test.database.db
      .selectFrom('identity_organisation')
      .select(['national_id', 'director_person_id'])
      .execute(),
  });

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemo(test.app.platform, test.app.log);
  });
  afterAll(() => test.close());

  it('creates a citizen, a business with its director, two agencies with officers, an admin', async () => {
    const seeded = await rows();
    // The five platform users, plus the people of the registries' demo population, two of whom
    // (the notary and the architect) sign in too.
    expect(seeded.people).toHaveLength(15);
    expect(seeded.accounts).toHaveLength(7);
    expect(seeded.agencies.map((a) => a.code).sort()).toEqual([
      'akimat-almaty',
      'ministry-digital',
      'ministry-justice',
    ]);
    expect(seeded.officers.map((o) => o.roles)).toEqual(
      expect.arrayContaining([['officer'], ['officer', 'agency-head']]),
    );
    expect(seeded.admins).toHaveLength(1);
    expect(seeded.organisations).toEqual([
      { national_id: '150440012344', director_person_id: expect.any(String) },
    ]);
  });

  it('is idempotent', async () => {
    const before = await rows();
    await seedDemo(test.app.platform, test.app.log);
    expect(await rows()).toEqual(before);
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    'lets %s sign in with the documented password (and TOTP secret)',
    async (_name, user) => {
      const browser = new TestBrowser(test.app);
      const response = await browser.signIn(user.username, DEMO_PASSWORD);
      expect(response.statusCode).toBe(303);
      if (user.totpSecret) {
        expect(response.headers.location).toMatch(/^\/sign-in\/code/);
        await browser.get('/sign-in/code');
        const done = await browser.postForm('/sign-in/code', {
          code: totpCode(user.totpSecret, new Date()),
        });
        expect(done.statusCode).toBe(303);
      }
      const whoami = await browser.json('GET', '/api/v1/identity/whoami');
      expect(whoami.json().roles).toContain(
        user.role === 'agency-head' ? 'agency-head' : user.role,
      );
    },
  );
});
