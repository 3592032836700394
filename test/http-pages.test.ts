import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { fixtureNotesManifest } from './fixtures/apps/fixture-notes/manifest.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ apps: [fixtureNotesManifest] });
});
afterAll(() => test?.close());

const open = async (url: string, lang?: string) => {
  const response = await test.app.inject({
    url,
    headers: { accept: 'text/html', ...(lang ? { cookie: `lang=${lang}` } : {}) },
  });
  return { response, page: parse(response.body) };
};

describe('the layout, as every page shows it', () => {
  it('starts with a skip link to the main content', async () => {
    const { page } = await open('/apps');
    const first = page.querySelector('body')?.childNodes.find((node) => node.nodeType === 1);
    expect(first?.toString()).toMatch(/^<a class="skip-link" href="#main">/);
    expect(page.querySelector('main#main')).not.toBeNull();
  });

  it('has a header with the platform name linking home, navigation and a footer', async () => {
    const { page } = await open('/apps', 'en');
    expect(page.querySelector('header a.site-header__brand')?.getAttribute('href')).toBe('/');
    expect(page.querySelector('.site-header__name')?.text).toBe('Ortaq');
    const nav = page.querySelector('nav.site-nav');
    expect(nav?.getAttribute('aria-label')).toBe('Main menu');
    const links = nav?.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.text]);
    expect(links).toEqual([
      ['/apps', 'Services'],
      ['/api/reference', 'API for developers'],
    ]);
    expect(nav?.querySelector('a[href="/apps"]')?.getAttribute('aria-current')).toBe('page');
    expect(page.querySelector('footer')?.text).toContain('open-source');
  });

  it('offers sign-in, returning to the current page, when nobody is signed in', async () => {
    const { page } = await open('/apps?x=1');
    expect(page.querySelector('a.sign-in-link')?.getAttribute('href')).toBe(
      '/sign-in?return=%2Fapps%3Fx%3D1',
    );
    expect(page.querySelector('form[action="/sign-out"]')).toBeNull();
  });

  it('has a language switch: each language in itself, with lang and hreflang, the current marked', async () => {
    const { page } = await open('/apps', 'ru');
    const links = page.querySelectorAll('nav.language-switch a');
    expect(
      links.map((a) => [
        a.getAttribute('href'),
        a.getAttribute('lang'),
        a.getAttribute('hreflang'),
        a.getAttribute('aria-current') ?? null,
        a.text,
      ]),
    ).toEqual([
      ['/language/kk?return=%2Fapps', 'kk', 'kk', null, 'Қазақша'],
      ['/language/ru?return=%2Fapps', 'ru', 'ru', 'true', 'Русский'],
      ['/language/en?return=%2Fapps', 'en', 'en', null, 'English'],
    ]);
  });

  it('switching language remembers the choice and returns to the page', async () => {
    const switched = await test.app.inject({ url: '/language/en?return=%2Fapps' });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/apps');
    const lang = switched.cookies.find((cookie) => cookie.name === 'lang');
    expect(lang?.value).toBe('en');
    const { page } = await open('/apps', lang?.value);
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('h1')?.text).toBe('Service catalogue');
  });

  it('is Kazakh by default, whatever the browser asks for', async () => {
    const response = await test.app.inject({
      url: '/',
      headers: { accept: 'text/html', 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' },
    });
    expect(parse(response.body).querySelector('html')?.getAttribute('lang')).toBe('kk');
  });

  it('prefixes the title with "Error:" when a form failed, and links the summary to the field', async () => {
    const form = await open('/fixture-notes/', 'en');
    const secret = form.response.cookies.find((cookie) => cookie.name === '_csrf')!.value;
    const token = form.page.querySelector('input[name=_csrf]')!.getAttribute('value')!;
    const response = await test.app.inject({
      method: 'POST',
      url: '/fixture-notes/',
      headers: { accept: 'text/html', cookie: `_csrf=${secret}; lang=en` },
      payload: { _csrf: token, text: '   ' },
    });
    expect(response.statusCode).toBe(400);
    const page = parse(response.body);
    expect(page.querySelector('title')?.text).toBe('Error: Notes — Ortaq');
    const summary = page.querySelector('.error-summary');
    expect(summary?.getAttribute('role')).toBe('alert');
    const link = summary?.querySelector('a');
    expect(link?.text).toBe('Fill in this field');
    const input = page.querySelector(link!.getAttribute('href')!);
    expect(input?.tagName).toBe('INPUT');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the home page', () => {
  it('says what Ortaq is for and links to the services and the API', async () => {
    for (const [lang, heading] of [
      ['kk', 'Мемлекеттік қызметтер бір жерде'],
      ['ru', 'Государственные услуги в одном месте'],
      ['en', 'Public services in one place'],
    ] as const) {
      const { response, page } = await open('/', lang);
      expect(response.statusCode).toBe(200);
      expect(page.querySelector('h1')?.text).toBe(heading);
      expect(page.querySelector('title')?.text).toBe(`${heading} — Ortaq`);
    }
    const { page } = await open('/', 'en');
    expect(page.querySelector('main a[href="/apps"]')?.text).toBe('Browse services');
    expect(page.querySelector('main a[href="/api/reference"]')).not.toBeNull();
    expect(page.querySelector('main')?.text).toContain('Services on this platform (1)');
  });
});

describe('the catalogue page', () => {
  it('says so when no app is enabled', async () => {
    const empty = await createTestApp({ apps: [] });
    try {
      const response = await empty.app.inject({ url: '/apps', headers: { cookie: 'lang=en' } });
      const page = parse(response.body);
      expect(page.querySelectorAll('.app-card')).toHaveLength(0);
      expect(page.querySelector('.empty-state')?.text).toBe(
        'No services have been enabled on this platform yet.',
      );
    } finally {
      await empty.close();
    }
  });
});
