import { sql } from 'kysely';
import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../src/cli/seed.js';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../support/browser.js';

const officer = DEMO_USERS.find((user) => user.username === 'demo-officer')!;

/**
 * The kernel's journey, as the demo officer makes it in a real Chromium: the home page in Kazakh,
 * a switch to Russian that is remembered, sign-in with password and TOTP code, the app
 * catalogue, and sign-out. Every page on the way passes axe.
 */
describe('journey: an officer signs in with a second factor and out again', () => {
  let server: ListeningApp;
  let browser: TestBrowser;
  let page: Page;
  const ru = (id: string) => server.app.platform.catalogue.translate('ru', id);

  beforeAll(async () => {
    server = await startListeningApp();
    await seedDemo(server.app.platform, server.app.log);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the home page in Kazakh', async () => {
    await page.goto(`${server.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await expectNoAxeViolations(page, 'home (kk)');
  });

  it('switches to Russian and keeps it on the next visit', async () => {
    await page.click('a[hreflang="ru"]');
    await page.waitForURL(`${server.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.goto(`${server.baseUrl}/apps`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.goto(`${server.baseUrl}/`);
  });

  it('signs in with password, then with the TOTP code', async () => {
    await page
      .getByRole('link', { name: ru('layout.signIn') })
      .first()
      .click();
    await page.waitForURL(/\/sign-in/);
    await expectNoAxeViolations(page, 'sign-in (ru)');
    await page.fill('input[name="login"]', officer.username);
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.getByRole('button', { name: ru('identity.signIn.submit') }).click();
    await page.waitForURL(/\/sign-in\/code/);
    await expectNoAxeViolations(page, 'sign-in code (ru)');

    const code = new TOTP({ secret: officer.totpSecret!, digits: 6, period: 30 }).generate();
    await page.fill('input[name="code"]', code);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${server.baseUrl}/`);
    await expect
      .poll(() => page.textContent('header'))
      .toContain(`${officer.givenName} ${officer.familyName}`);
  });

  it('sees the app catalogue while signed in', async () => {
    await page
      .getByRole('link', { name: ru('layout.nav.apps') })
      .first()
      .click();
    await page.waitForURL(`${server.baseUrl}/apps`);
    expect(await page.textContent('h1')).toBe(ru('apps.title'));
    await expectNoAxeViolations(page, 'catalogue, signed in (ru)');
    if (process.env.JOURNEY_SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.JOURNEY_SCREENSHOTS}/catalogue.png`,
        fullPage: true,
      });
    }
  });

  it('signs out, and the audit log holds the sign-in and the sign-out', async () => {
    await page.getByRole('button', { name: ru('layout.signOut') }).click();
    await page.waitForLoadState();
    expect(
      await page
        .getByRole('link', { name: ru('layout.signIn') })
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await page.textContent('header')).not.toContain(officer.familyName);
    // The session is gone server-side, not only the cookie.
    const whoami = await page.request.get(`${server.baseUrl}/api/v1/identity/whoami`);
    expect(whoami.status()).toBe(401);

    const { rows } = await sql<{ action: string; outcome: string }>`
      select action, outcome from audit_log order by seq`.execute(server.database.db);
    const actions = rows.map((row) => `${row.action}:${row.outcome}`);
    expect(actions).toContain('identity.sign-in:success');
    expect(actions).toContain('identity.sign-out:success');
  });
});
