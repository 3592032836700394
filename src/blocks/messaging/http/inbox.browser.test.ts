import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { IIN, PASSWORD } from '../../identity/test/fixtures.js';
import { publishRegistered, seedMessagingWorld, setEmail } from '../test/fixtures.js';

/** The inbox in a real browser: reached through sign-in, readable, and accessible in kk/ru/en. */
let server: ListeningApp;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startListeningApp();
  const world = await seedMessagingWorld(server.app);
  await setEmail(server.app, world.alice.personId, 'alice@example.kz');
  for (let i = 0; i < 23; i++) {
    await publishRegistered(
      server.app,
      { personId: world.alice.personId },
      { params: { number: `ЖТ-${i}`, agency: 'Алматы қаласының әкімдігі' } },
    );
  }
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the inbox, in a browser', () => {
  it('takes an anonymous visitor through sign-in to the inbox', async () => {
    await page.goto(`${server.baseUrl}/inbox`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.fill('input[name="login"]', IIN.citizen);
    await page.fill('input[name="password"]', PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${server.baseUrl}/inbox`);
    expect(await page.locator('tbody tr').count()).toBe(20);
  });

  describe.each(['kk', 'ru', 'en'])('in %s', (lang) => {
    beforeAll(async () => {
      await page.goto(`${server.baseUrl}/language/${lang}?return=%2Finbox`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
    });

    it('the list and its second page pass axe', async () => {
      await page.goto(`${server.baseUrl}/inbox`);
      await expectNoAxeViolations(page, `/inbox (${lang})`);
      await page.click('a[rel="next"]');
      await page.waitForURL(`${server.baseUrl}/inbox?page=2`);
      expect(await page.locator('tbody tr').count()).toBe(3);
      await expectNoAxeViolations(page, `/inbox?page=2 (${lang})`);
    });

    it('a message passes axe, and going back shows it read and last', async () => {
      await page.goto(`${server.baseUrl}/inbox`);
      const first = page.locator('tbody tr a').first();
      const subject = (await first.textContent())!.trim();
      await first.click();
      await page.waitForSelector('main h1');
      expect((await page.locator('main h1').textContent())!.trim()).toBe(subject);
      await expectNoAxeViolations(page, `message (${lang})`);
      await page.click(`main a[href="/inbox"]`);
      await page.waitForURL(`${server.baseUrl}/inbox`);
      expect((await page.locator('tbody tr a').first().textContent())!.trim()).not.toBe(subject);
    });
  });
});
