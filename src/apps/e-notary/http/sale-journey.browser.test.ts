import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { PASSWORD } from '../../../blocks/identity/test/fixtures.js';
import { addRecord, changeRecord, seedWorld, WORLD } from '../test/world.js';

/**
 * The e-Notary journey in a real Chromium, without a line of script on the pages: a notary opens
 * the sale of a flat, the registered owner finds the alert in the inbox, the checks fail on an
 * arrest entered meanwhile and signing is refused, the arrest is lifted, the checks pass, the act
 * is signed, and anybody verifies it by its QR link without signing in. Every page passes axe.
 */
describe('journey: a notary signs a flat sale after a failing and a passing check', () => {
  let server: ListeningApp;
  let browser: TestBrowser;
  let page: Page;
  let actPath = '';
  const t = (id: string, params?: Record<string, string | number>) =>
    server.app.platform.catalogue.translate('kk', id, params);

  const signIn = async (iin: string) => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('input[name="login"]', iin);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByRole('button', { name: t('identity.signIn.submit') }).click();
    await page.waitForURL(`${server.baseUrl}/`);
  };

  beforeAll(async () => {
    server = await startListeningApp();
    await seedWorld(server.app);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the notary opens the sale of the flat', async () => {
    await signIn(WORLD.notary);
    await page.goto(`${server.baseUrl}/e-notary`);
    await expectNoAxeViolations(page, 'e-notary home');
    await page.getByRole('link', { name: t('enotary.nav.newAct') }).click();
    await page.waitForURL(/\/e-notary\/acts\/new$/);
    await expectNoAxeViolations(page, 'new act');
    // A mistyped cadastral number first: the form comes back with its error summary.
    await page.fill('#field-cadastralNumber', '20:311:004');
    await page.fill('#field-sellerId', WORLD.owner);
    await page.fill('#field-buyerId', WORLD.buyer);
    await page.getByRole('button', { name: t('enotary.action.open') }).click();
    expect(await page.title()).toMatch(new RegExp(`^${t('layout.errorPrefix')}`));
    await expectNoAxeViolations(page, 'new act with errors');
    await page.fill('#field-cadastralNumber', WORLD.flat);
    await page.getByRole('button', { name: t('enotary.action.open') }).click();
    await page.waitForURL(/\/e-notary\/acts\/[0-9a-f-]{36}$/);
    actPath = new URL(page.url()).pathname;
    expect(page.url()).not.toContain(WORLD.owner);
    await expectNoAxeViolations(page, 'act page');
  });

  it('the owner finds the alert in the inbox', async () => {
    await signIn(WORLD.owner);
    await page.goto(`${server.baseUrl}/inbox`);
    await page.locator('main a[href^="/inbox/"]').first().click();
    await page.getByRole('link', { name: t('messaging.message.openLink') }).click();
    await page.waitForURL(/\/e-notary\/alerts\//);
    expect(await page.textContent('main')).toContain(WORLD.flat);
    expect(await page.getByRole('button', { name: t('enotary.action.notMe') }).count()).toBe(1);
    await expectNoAxeViolations(page, 'owner alert');
  });

  it('the checks fail on an arrest entered meanwhile, and signing is refused', async () => {
    await addRecord(server.app, 'encumbrances', {
      registrationNumber: 'KZ-E-2026-0099001',
      cadastralNumber: WORLD.flat,
      kind: 'arrest',
      authority: 'Алматы қаласының сот орындаушысы',
      documentNumber: 'Қаулы № 1',
      startDate: '2026-01-05',
      status: 'active',
    });
    await signIn(WORLD.notary);
    await page.goto(`${server.baseUrl}${actPath}`);
    await page.getByRole('button', { name: t('enotary.action.runChecks') }).click();
    await page.waitForURL(`${server.baseUrl}${actPath}`);
    expect(await page.getAttribute('[data-check="encumbrances"]', 'data-passed')).toBe('false');
    await expectNoAxeViolations(page, 'act with a failed check');
    await page.getByRole('button', { name: t('enotary.action.sign') }).click();
    expect(await page.title()).toMatch(new RegExp(`^${t('layout.errorPrefix')}`));
    expect(await page.textContent('.error-summary')).toContain(
      t('error.ENOTARY_ACT_CHECKS_BLOCKING'),
    );
    await expectNoAxeViolations(page, 'refused signing');
  });

  it('after the arrest is lifted the checks pass and the act is signed', async () => {
    await changeRecord(
      server.app,
      'encumbrances',
      { registrationNumber: 'KZ-E-2026-0099001' },
      { status: 'lifted', endDate: '2026-03-01' },
    );
    await page.goto(`${server.baseUrl}${actPath}`);
    await page.getByRole('button', { name: t('enotary.action.runChecks') }).click();
    await page.waitForURL(`${server.baseUrl}${actPath}`);
    expect(await page.getAttribute('[data-check="encumbrances"]', 'data-passed')).toBe('true');
    await page.getByRole('button', { name: t('enotary.action.sign') }).click();
    await page.waitForURL(`${server.baseUrl}${actPath}`);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('signed');
    await expectNoAxeViolations(page, 'signed act');
  });

  it('anybody verifies the act by its QR link, without signing in', async () => {
    const href = await page
      .getByRole('link', { name: t('enotary.act.verifyLink') })
      .getAttribute('href');
    expect(href).toMatch(/^\/verify\//);
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}${href}`);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toMatch(/A-NOT0000451-\d{4}-000001/);
    expect(text).not.toContain(WORLD.owner);
    expect(text).not.toContain(WORLD.buyer);
    await expectNoAxeViolations(page, 'public verification');
  });
});
