import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { totpCode } from '../../identity/service/totp.js';
import { PASSWORD } from '../../identity/test/fixtures.js';
import { parkingPermit } from '../test/parking-permit.js';
import { createTestPorts } from '../test/ports.js';
import { SERVICE_IIN, seedWorld, type World } from '../test/world.js';

/**
 * A citizen applies in Kazakh through the real pages in Chromium (no scripts needed), the form
 * and its errors pass axe, and an officer sees the application in the queue and takes it.
 */
let server: ListeningApp;
let browser: TestBrowser;
let page: Page;
let world: World;

beforeAll(async () => {
  server = await startListeningApp();
  world = await seedWorld(server.app);
  server.app.servicesEngine.connect(await createTestPorts(server.database.db));
  server.app.servicesEngine.register(parkingPermit);
  await sql`insert into test_resident (address) values ('Abai avenue 10, Almaty')`.execute(
    server.database.db,
  );
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(iin: string, accountId?: string) {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.fill('#field-login', iin);
  await page.fill('#field-password', PASSWORD);
  await page.click('main form button[type=submit]');
  const secret = accountId ? world.totp.get(accountId) : undefined;
  if (secret) {
    await page.fill('#field-code', totpCode(secret, new Date()));
    await page.click('main form button[type=submit]');
  }
}

describe('applying for a service in a browser', () => {
  it('the form, its errors and the application pages pass axe; the summary leads to the field', async () => {
    await signIn(SERVICE_IIN.citizen);
    await page.goto(`${server.baseUrl}/services/parking-permit/apply`);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await expectNoAxeViolations(page, 'apply form');

    await page.click('main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Қате:/);
    await expectNoAxeViolations(page, 'apply form with errors');
    await page.click('.error-summary a');
    expect(await page.evaluate(() => location.hash)).toBe('#field-address');

    await page.fill('#field-address', 'Abai avenue 10, Almaty');
    await page.fill('#field-plate', '123ABC02');
    await page.check('#field-zone');
    await page.fill('#field-months', '3');
    await page.fill('#field-startDate', '2030-01-10');
    await page.check('#field-ownsVehicle');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('[role=status]');
    expect(await page.textContent('[role=status]')).toMatch(/Өтінім жіберілді/);
    await expectNoAxeViolations(page, 'application page');
    await page.goto(`${server.baseUrl}/my/applications`);
    await expectNoAxeViolations(page, 'my applications');
  });

  it('the officer’s queue and application page pass axe, and the officer takes the application', async () => {
    await page.context().clearCookies();
    await signIn(SERVICE_IIN.officer, world.officer.accountId);
    await page.goto(`${server.baseUrl}/officer/queue`);
    await expectNoAxeViolations(page, 'officer queue');
    await page.click('tbody a');
    await expectNoAxeViolations(page, 'officer application page');
    await page.click('form[action$="/transitions/take"] button');
    await page.waitForURL(/\/officer\/applications\//);
    expect(await page.textContent('main')).toContain('Қаралуда');
  });
});
