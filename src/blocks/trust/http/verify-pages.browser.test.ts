import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { seedCertificate, seedDocument } from '../test/fixtures.js';

let server: ListeningApp;
let browser: TestBrowser;
let page: Page;
let code: string;

beforeAll(async () => {
  server = await startListeningApp();
  const certificate = await seedCertificate(server.app);
  code = (await seedDocument(server.app, certificate.id, { registerNumber: 'N-AXE-1' }))
    .verificationCode;
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(['kk', 'ru', 'en'])('the public verification pages in %s', (lang) => {
  beforeAll(async () => {
    await page.goto(`${server.baseUrl}/language/${lang}?return=%2F`);
  });

  it('pass axe: the form, its error state, a result and an unknown code', async () => {
    await page.goto(`${server.baseUrl}/verify`);
    await expectNoAxeViolations(page, `/verify (${lang})`);

    await page.click('main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^(Қате|Ошибка|Error):/);
    await expectNoAxeViolations(page, `/verify with an error (${lang})`);

    await page.fill('input[name=code]', code.toLowerCase());
    await page.click('main form button[type=submit]');
    await page.waitForSelector('[role=status]');
    expect(await page.textContent('main')).toContain('N-AXE-1');
    await expectNoAxeViolations(page, `result (${lang})`);

    await page.goto(`${server.baseUrl}/verify/0000-0000-0000-0000-0000`);
    await expectNoAxeViolations(page, `unknown code (${lang})`);
  });
});
