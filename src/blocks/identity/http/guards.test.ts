import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { AppManifest } from '../../../platform/apps/manifest.js';
import { requireRole, requireSignedIn } from '../../../platform/auth/guards.js';
import { TestBrowser, testClock } from '../test/browser.js';
import { IIN, PASSWORD, seedUser } from '../test/fixtures.js';

/** A fixture app with one page for signed-in people and one for administrators. */
const guardFixture: AppManifest = {
  id: 'guard-fixture',
  names: { kk: 'Сынақ', ru: 'Тест', en: 'Test' },
  descriptions: { kk: 'Сынақ', ru: 'Тест', en: 'Test' },
  owningAgency: 'test',
  routePrefix: '/guard-fixture',
  permissions: [],
  migrations: [],
  messages: {},
  publishedServices: [],
  plugin: async (app: FastifyInstance) => {
    app.get('/page', { preHandler: requireSignedIn() }, async () => 'signed in');
    app.get('/admin', { preHandler: requireRole('admin') }, async () => 'admin');
  },
};

describe('route guards', () => {
  let test: TestApp;
  const clock = testClock();
  beforeAll(async () => {
    test = await createTestApp({ apps: [guardFixture], now: clock.now });
    await seedUser(test.app, { nationalId: IIN.citizen, role: 'citizen' });
  });
  afterAll(() => test.close());

  it('sends a browser without a session to sign in, and back afterwards', async () => {
    const browser = new TestBrowser(test.app);
    const page = await browser.get('/guard-fixture/page');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?return=%2Fguard-fixture%2Fpage');
    await browser.get(page.headers.location as string);
    const signedIn = await browser.postForm('/sign-in', {
      login: IIN.citizen,
      password: PASSWORD,
      return: '/guard-fixture/page',
    });
    expect(signedIn.headers.location).toBe('/guard-fixture/page');
    expect((await browser.get('/guard-fixture/page')).body).toBe('signed in');
  });

  it('says the session expired when it did', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.citizen, PASSWORD);
    clock.advance(31 * 60_000);
    const page = await browser.get('/guard-fixture/page');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?return=%2Fguard-fixture%2Fpage&expired=1');
    expect((await browser.get(page.headers.location as string)).body).toContain(
      'Сеансыңыздың мерзімі өтті',
    );
  });

  it('refuses a signed-in person without the role with 403', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.citizen, PASSWORD);
    const page = await browser.get('/guard-fixture/admin');
    expect(page.statusCode).toBe(403);
    const api = await browser.get('/guard-fixture/admin', { accept: 'application/json' });
    expect(api.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
  });
});
