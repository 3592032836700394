import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IIN, PASSWORD, seedUser } from '../src/blocks/identity/test/fixtures.js';
import { recordAccess } from '../src/platform/audit/access/access-records.js';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from './support/browser.js';

/** "Who used my data" in a real browser: reached by signing in, and accessible. */
let server: ListeningApp;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startListeningApp();
  const citizen = await seedUser(server.app, { nationalId: IIN.citizen, role: 'citizen' });
  for (let minute = 0; minute < 25; minute++) {
    await recordAccess(server.app.platform.db, new Date(Date.UTC(2025, 2, 3, 5, minute)), {
      personId: citizen.personId,
      accessorAccountId: null,
      accessorName: 'Бекзат Омаров',
      accessorOrganisation: 'Еңбек және халықты әлеуметтік қорғау министрлігі',
      purpose: 'Зейнетақы тағайындау',
      legalBasis: 'Әлеуметтік кодекс, 12-бап',
      fields: ['address', 'birthDate'],
      source: 'population-registry',
    });
  }
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Who used my data, in a browser', () => {
  it('takes an anonymous visitor through sign-in to the list, which passes axe', async () => {
    await page.goto(`${server.baseUrl}/my-data-usage`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.fill('input[name="login"]', IIN.citizen);
    await page.fill('input[name="password"]', PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${server.baseUrl}/my-data-usage`);
    expect(await page.locator('tbody tr').count()).toBe(20);
    await expectNoAxeViolations(page, '/my-data-usage (kk)');

    await page.click('a[rel="next"]');
    await page.waitForURL(`${server.baseUrl}/my-data-usage?page=2`);
    expect(await page.locator('tbody tr').count()).toBe(5);
    await expectNoAxeViolations(page, '/my-data-usage?page=2 (kk)');
  });
});
