import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { totpCode } from '../../../blocks/identity/service/totp.js';
import { PASSWORD, seedAgency, seedUser } from '../../../blocks/identity/test/fixtures.js';
import { saleBody, seedWorld, signedIn, WORLD } from '../test/world.js';

/**
 * The reviewer's pages in a real Chromium, without script: the queue of frozen acts, the act
 * with the owner's report, a decision refused for want of a reason, then a release. Every page
 * passes axe.
 */
describe('journey: an officer reviews an act frozen by "this is not me"', () => {
  let server: ListeningApp;
  let browser: TestBrowser;
  let page: Page;
  let actId = '';
  const t = (id: string, params?: Record<string, string | number>) =>
    server.app.platform.catalogue.translate('kk', id, params);

  beforeAll(async () => {
    server = await startListeningApp();
    await seedWorld(server.app);
    const notary = await signedIn(server.app, WORLD.notary);
    actId = (await notary.json('POST', '/e-notary/api/acts', saleBody())).json().actId;
    const owner = await signedIn(server.app, WORLD.owner);
    await owner.get(`/e-notary/alerts/${actId}`);
    await owner.postForm(`/e-notary/alerts/${actId}/not-me`, {});
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the officer signs in and finds the frozen act with the report', async () => {
    await seedAgency(server.app);
    const officer = await seedUser(server.app, {
      nationalId: WORLD.officer,
      role: 'officer',
      agencyCode: 'test-ministry',
    });
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('input[name="login"]', WORLD.officer);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByRole('button', { name: t('identity.signIn.submit') }).click();
    await page.waitForURL(/\/sign-in\/code/);
    await page.fill('input[name="code"]', totpCode(officer.totpSecret as string, new Date()));
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${server.baseUrl}/`);

    await page.goto(`${server.baseUrl}/e-notary`);
    await page.getByRole('link', { name: t('enotary.nav.reviews') }).click();
    expect(await page.textContent('main')).toContain(WORLD.owner);
    await expectNoAxeViolations(page, 'frozen acts');
    await page.locator(`a[href="/e-notary/reviews/${actId}"]`).click();
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('frozen');
    await expectNoAxeViolations(page, 'frozen act');
  });

  it('a decision without a reason is refused, then the act is released', async () => {
    await page.getByRole('button', { name: t('enotary.action.release') }).click();
    expect(await page.title()).toMatch(new RegExp(`^${t('layout.errorPrefix')}`));
    expect(await page.textContent('.error-summary')).toContain(
      t('error.ENOTARY_ACT_REVIEW_REASON_REQUIRED'),
    );
    await expectNoAxeViolations(page, 'review refused');
    await page.fill('#field-reason', 'The owner confirmed the sale in person.');
    await page.getByRole('button', { name: t('enotary.action.release') }).click();
    await page.waitForURL(/\/e-notary\/reviews\?decided=cleared/);
    expect(await page.textContent('main')).toContain(t('enotary.reviews.notice.cleared'));
    await expectNoAxeViolations(page, 'act released');
  });
});
