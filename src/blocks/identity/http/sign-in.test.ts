import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { totpCode } from '../service/totp.js';
import { TestBrowser, testClock } from '../test/browser.js';
import { IIN, PASSWORD, seedAgency, seedUser } from '../test/fixtures.js';

describe('sign-in pages', () => {
  let test: TestApp;
  const clock = testClock();
  let officerSecret: string;
  let citizenAccount: string;

  const auditEntries = (action: string) =>
    test.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor', 'subject', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    test = await createTestApp({
      now: clock.now,
      env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' },
    });
    await seedAgency(test.app);
    citizenAccount = (
      await seedUser(test.app, { nationalId: IIN.citizen, role: 'citizen', username: 'aigerim' })
    ).accountId;
    const officer = await seedUser(test.app, {
      nationalId: IIN.officer,
      role: 'officer',
      agencyCode: 'test-ministry',
      username: 'dana',
    });
    officerSecret = officer.totpSecret as string;
  });
  afterAll(() => test.close());

  it('shows an accessible form with the CSRF field and the right autocomplete', async () => {
    const browser = new TestBrowser(test.app);
    const page = await browser.get('/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="_csrf"');
    expect(page.body).toMatch(/<label for="field-login">/);
    expect(page.body).toContain('autocomplete="username"');
    expect(page.body).toContain('autocomplete="current-password"');
    expect(page.body).toContain('<title>Жүйеге кіру');
  });

  it('signs a citizen in by IIN with a fresh HttpOnly SameSite=Lax session cookie', async () => {
    const browser = new TestBrowser(test.app);
    browser.cookies.set('ortaq_session', 'planted-by-an-attacker');
    const response = await browser.signIn(IIN.citizen, PASSWORD);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const cookie = response.cookies.find((c) => c.name === 'ortaq_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).not.toBe('planted-by-an-attacker');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await test.database.db
      .selectFrom('platform_auth_session')
      .select('token_hash')
      .where('account_id', '=', citizenAccount)
      .execute();
    expect(stored.map((s) => s.token_hash.toString('base64url'))).not.toContain(cookie?.value);

    const whoami = await browser.json('GET', '/api/v1/identity/whoami');
    expect(whoami.statusCode).toBe(200);
    expect(whoami.json()).toMatchObject({
      kind: 'person',
      accountId: citizenAccount,
      roles: ['citizen'],
    });
    const successes = await auditEntries('identity.sign-in');
    expect(successes.at(-1)).toMatchObject({ outcome: 'success', actor: citizenAccount });
  });

  it('signs in by username, case-insensitively', async () => {
    const response = await new TestBrowser(test.app).signIn('  AIGERIM ', PASSWORD);
    expect(response.statusCode).toBe(303);
  });

  it('refuses a wrong password with an error summary, the same as an unknown login', async () => {
    const browser = new TestBrowser(test.app);
    clock.advance(60 * 60_000);
    const wrong = await browser.signIn(IIN.citizen, 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('<title>Қате:');
    expect(wrong.body).toContain('href="#field-login"');
    expect(wrong.body).toContain('Логин немесе құпиясөз қате');
    expect(wrong.cookies.find((c) => c.name === 'ortaq_session' && c.value)).toBeUndefined();
    const unknown = await browser.signIn(IIN.other, 'not the password');
    expect(unknown.statusCode).toBe(401);
    const withoutToken = (body: string) => body.replace(/name="_csrf" value="[^"]*"/, '');
    expect(withoutToken(unknown.body.replace(IIN.other, IIN.citizen))).toBe(
      withoutToken(wrong.body),
    );
    const failures = await auditEntries('identity.sign-in');
    const last = failures.slice(-2);
    expect(last[0]).toMatchObject({ outcome: 'failure', actor: null, subject: citizenAccount });
    expect(last[0]?.details).toMatchObject({ code: 'IDENTITY_SIGN_IN_FAILED' });
    expect(last[1]).toMatchObject({ outcome: 'failure', subject: null });
    expect(JSON.stringify(failures)).not.toContain(IIN.citizen);
  });

  it('asks for the missing fields', async () => {
    const browser = new TestBrowser(test.app);
    const response = await browser.signIn('', '');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#field-login"');
    expect(response.body).toContain('href="#field-password"');
  });

  it('refuses a form without the CSRF token', async () => {
    const browser = new TestBrowser(test.app);
    await browser.get('/sign-in');
    browser.csrfToken = 'forged';
    const response = await browser.postForm('/sign-in', { login: IIN.citizen, password: PASSWORD });
    expect(response.statusCode).toBe(403);
  });

  it('asks officers for a TOTP code, refuses a wrong or replayed one, then signs them in', async () => {
    clock.advance(60 * 60_000);
    const browser = new TestBrowser(test.app);
    const first = await browser.signIn('dana', PASSWORD);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/sign-in/code?return=%2F');
    // Half signed in is not signed in.
    expect((await browser.json('GET', '/api/v1/identity/whoami')).statusCode).toBe(401);
    const form = await browser.get('/sign-in/code');
    expect(form.body).toContain('autocomplete="one-time-code"');
    expect(form.body).toContain('inputmode="numeric"');

    const wrong = await browser.postForm('/sign-in/code', {
      code: '000000' === totpCode(officerSecret, clock.now()) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('href="#field-code"');

    const code = totpCode(officerSecret, clock.now());
    const right = await browser.postForm('/sign-in/code', { code, return: '/apps' });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/apps');
    const whoami = (await browser.json('GET', '/api/v1/identity/whoami')).json();
    expect(whoami.roles).toEqual(['citizen', 'officer']);
    expect(whoami.agencyId).toEqual(expect.any(String));

    // The same code cannot be used again.
    const again = new TestBrowser(test.app);
    await again.signIn('dana', PASSWORD);
    await again.get('/sign-in/code');
    expect((await again.postForm('/sign-in/code', { code })).statusCode).toBe(401);
  });

  it('sends the code page back to the password when no password step is pending', async () => {
    const response = await new TestBrowser(test.app).get('/sign-in/code');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
  });

  it('ends a session idle for too long and answers 401 AUTH_SESSION_EXPIRED', async () => {
    clock.advance(60 * 60_000);
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.citizen, PASSWORD);
    clock.advance(29 * 60_000);
    expect((await browser.json('GET', '/api/v1/identity/whoami')).statusCode).toBe(200);
    clock.advance(29 * 60_000); // used 29 minutes ago: still alive
    expect((await browser.json('GET', '/api/v1/identity/whoami')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const expired = await browser.json('GET', '/api/v1/identity/whoami');
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['content-type']).toContain('application/problem+json');
    expect(expired.json().code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('ends a session at its absolute limit however busy it is', async () => {
    clock.advance(60 * 60_000);
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.citizen, PASSWORD);
    for (let i = 0; i < 4; i++) {
      clock.advance(29 * 60_000);
      expect((await browser.json('GET', '/api/v1/identity/whoami')).statusCode).toBe(200);
    }
    clock.advance(5 * 60_000); // 2 h 1 min after sign-in
    expect((await browser.json('GET', '/api/v1/identity/whoami')).json().code).toBe(
      'AUTH_SESSION_EXPIRED',
    );
  });

  it('shows why a person was sent back to sign in', async () => {
    const page = await new TestBrowser(test.app).get('/sign-in?expired=1');
    expect(page.body).toContain('Сеансыңыздың мерзімі өтті');
  });

  it('signs out with a CSRF-protected form and audits it', async () => {
    clock.advance(60 * 60_000);
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.citizen, PASSWORD);
    const home = await browser.get('/sign-in?return=/');
    expect(home.statusCode).toBe(303); // signed in: the sign-in page moves on
    await browser.get('/apps');
    const forged = await browser.request({
      method: 'POST',
      url: '/sign-out',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=forged',
    });
    expect(forged.statusCode).toBe(403);
    const out = await browser.postForm('/sign-out', {});
    expect(out.statusCode).toBe(303);
    const whoami = await browser.json('GET', '/api/v1/identity/whoami');
    expect(whoami.json().code).toBe('AUTH_SIGN_IN_REQUIRED');
    expect((await auditEntries('identity.sign-out')).at(-1)).toMatchObject({
      outcome: 'success',
      actor: citizenAccount,
    });
  });
});
