import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureNotesManifest } from './fixtures/apps/fixture-notes/manifest.js';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from './support/browser.js';

let server: ListeningApp;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startListeningApp({ apps: [fixtureNotesManifest] });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Public pages every visitor can reach; the sign-in page joins once the identity block serves it. */
async function publicPages(): Promise<string[]> {
  const pages = ['/', '/apps', '/api/reference', '/no-such-page', '/fixture-notes/'];
  const signIn = await server.app.inject({ url: '/sign-in', headers: { accept: 'text/html' } });
  if (signIn.statusCode === 200) pages.push('/sign-in');
  return pages;
}

/** Chooses the language the way a person does: with the language switch's link. */
async function chooseLanguage(lang: string) {
  await page.goto(`${server.baseUrl}/language/${lang}?return=%2F`);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
}

describe.each(['kk', 'ru'])('every public page in %s passes axe (WCAG 2.1 A and AA)', (lang) => {
  beforeAll(() => chooseLanguage(lang));

  it('pages as they first load', async () => {
    for (const path of await publicPages()) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectNoAxeViolations(page, `${path} (${lang})`);
    }
  });

  it('a form page showing errors', async () => {
    await page.goto(`${server.baseUrl}/fixture-notes/`);
    await page.click('main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^(Қате|Ошибка):/);
    await expectNoAxeViolations(page, `form with errors (${lang})`);
    // The summary's link leads to the field.
    await page.click('.error-summary a');
    expect(await page.evaluate(() => location.hash)).toBe('#field-text');
  });

  it('the skip link is the first thing the keyboard reaches and leads to the main content', async () => {
    await page.goto(`${server.baseUrl}/apps`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });
});

describe('the CSP holds in a real browser', () => {
  it('loads the style sheets and reports no CSP violation', async () => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${server.baseUrl}/`);
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('.site-header__band')!).backgroundColor,
    );
    expect(background).toBe('rgb(11, 58, 91)');
    expect(problems).toEqual([]);
  });
});

describe('expectNoAxeViolations', () => {
  it('fails on a page that breaks a WCAG rule (so the checks above can fail)', async () => {
    await page.goto(`${server.baseUrl}/apps`);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'text';
      document.querySelector('main')!.append(input);
    });
    await expect(expectNoAxeViolations(page, 'unlabelled input')).rejects.toThrow(/label/);
  });
});
