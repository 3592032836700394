import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedApps } from '../src/apps/installed.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The installed apps as the catalogue shows them: every card leads somewhere. Each app's front
 * page (its route prefix, where the catalogue links) answers a page in the visitor's language,
 * signed in or not.
 */
describe('the installed apps', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it.each(installedApps.map((m) => [m.id, m.routePrefix] as const))(
    '%s has a front page where the catalogue links',
    async (_id, prefix) => {
      const catalogue = parse((await test.app.inject({ url: '/apps' })).body);
      expect(catalogue.querySelector(`a[href="${prefix}"]`)).not.toBeNull();
      for (const lang of ['kk', 'ru', 'en']) {
        const page = await test.app.inject({
          url: prefix,
          headers: { accept: 'text/html', cookie: `lang=${lang}` },
        });
        expect(page.statusCode, `${prefix} in ${lang}`).toBe(200);
        const document = parse(page.body);
        expect(document.querySelector('html')?.getAttribute('lang')).toBe(lang);
        expect(document.querySelector('h1')?.text.trim()).not.toBe('');
      }
    },
  );
});
