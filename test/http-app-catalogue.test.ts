import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { parse } from 'node-html-parser';
import { buildApp } from '../src/app.js';
import type { AppManifest } from '../src/platform/apps/manifest.js';
import { ManifestError } from '../src/platform/apps/manifest-error.js';
import { validateManifests } from '../src/platform/apps/validate-manifests.js';
import { enabledApps } from '../src/platform/apps/enabled-apps.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createDatabase } from '../src/platform/db/database.js';
import { fixtureNotesManifest } from './fixtures/apps/fixture-notes/manifest.js';
import { fixtureOtherManifest } from './fixtures/apps/fixture-other/manifest.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const fixtures = [fixtureNotesManifest, fixtureOtherManifest];
const html = { accept: 'text/html' };
const inLocale = (lang: string) => ({ ...html, cookie: `lang=${lang}` });

describe('an enabled app (the fixture) mounted by the platform', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ apps: fixtures });
  });
  afterAll(() => test?.close());

  it('answers under its route prefix, and only there', async () => {
    const page = await test.app.inject({ url: '/fixture-notes/', headers: html });
    expect(page.statusCode).toBe(200);
    expect(parse(page.body).querySelector('h1')?.text).toBe('Жазбалар');
    const api = await test.app.inject({ url: '/fixture-notes/api/notes' });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual([]);
    expect((await test.app.inject({ url: '/api/notes' })).statusCode).toBe(404);
  });

  it('keeps its decorators inside its own scope', async () => {
    const inside = await test.app.inject({ url: '/fixture-notes/api/internal' });
    expect(inside.json()).toEqual({ ownDecorator: true });
    expect(test.app.hasDecorator('fixtureNotes')).toBe(false);
  });

  it('ran its migrations, recorded under its own module', async () => {
    const rows = await sql<{ number: number; name: string }>`
      select number, name from ortaq_migration where module = 'fixture-notes' order by number`.execute(
      test.database.db,
    );
    expect(rows.rows).toEqual([
      { number: 1, name: 'create-fixture-note' },
      { number: 2, name: 'comment-fixture-note' },
    ]);
    const created = await test.app.inject({
      method: 'POST',
      url: '/fixture-notes/api/notes',
      payload: { text: 'first' },
    });
    expect(created.statusCode).toBe(201);
    const stored = await sql<{ text: string }>`select text from fixture_note`.execute(
      test.database.db,
    );
    expect(stored.rows).toEqual([{ text: 'first' }]);
  });

  it('has its messages translated into each UI language', async () => {
    const titles: Record<string, string> = { kk: 'Жазбалар', ru: 'Заметки', en: 'Notes' };
    for (const [lang, title] of Object.entries(titles)) {
      const page = await test.app.inject({ url: '/fixture-notes/', headers: inLocale(lang) });
      const document = parse(page.body);
      expect(document.querySelector('h1')?.text).toBe(title);
      expect(document.querySelector('html')?.getAttribute('lang')).toBe(lang);
    }
  });

  it('is listed on the public catalogue page with its name, description, agency and link', async () => {
    const page = await test.app.inject({ url: '/apps', headers: inLocale('ru') });
    expect(page.statusCode).toBe(200);
    const card = parse(page.body).querySelector('#app-fixture-notes');
    expect(card?.querySelector('h2 a')?.getAttribute('href')).toBe('/fixture-notes');
    expect(card?.querySelector('h2 a')?.text).toBe('Заметки (тест)');
    expect(card?.text).toContain('Тестовое приложение, проверяющее контракт приложений.');
    expect(card?.querySelector('.agency-code')?.text).toBe('TEST-AGENCY');
    expect(parse(page.body).querySelectorAll('.app-card')).toHaveLength(2);
  });

  it('names the owning agency in the page’s language once the agency exists', async () => {
    await test.app.platform.db
      .insertInto('identity_agency')
      .values({
        id: crypto.randomUUID(),
        code: 'fixture-agency',
        name_kk: 'Сынақ агенттігі',
        name_ru: 'Тестовое агентство',
        name_en: 'Test Agency',
        parent_id: null,
        created_at: new Date(),
      })
      .execute();
    for (const [lang, name] of [
      ['ru', 'Тестовое агентство'],
      ['en', 'Test Agency'],
    ] as const) {
      const page = await test.app.inject({ url: '/apps', headers: inLocale(lang) });
      const card = parse(page.body).querySelector('#app-fixture-other');
      expect(card?.querySelector('.app-card__meta')?.text).toContain(name);
      expect(card?.querySelector('.agency-code')).toBeNull();
    }
  });
});

describe('an app wrapped with fastify-plugin (which skips encapsulation)', () => {
  it('still cannot leak its decorators to the platform', async () => {
    const leaky: AppManifest = {
      ...fixtureOtherManifest,
      plugin: fp(async (scope) => {
        scope.decorate('leakyDecorator', 1);
        scope.get('/leaky', async () => ({ ok: true }));
      }),
    };
    const test = await createTestApp({ apps: [leaky] });
    try {
      expect((await test.app.inject({ url: '/fixture-other/leaky' })).json()).toEqual({ ok: true });
      expect(test.app.hasDecorator('leakyDecorator')).toBe(false);
    } finally {
      await test.close();
    }
  });
});

describe('ENABLED_APPS', () => {
  it('leaves an installed app that is not named unmounted and out of the catalogue', async () => {
    const test = await createTestApp({ apps: fixtures, env: { ENABLED_APPS: 'fixture-other' } });
    try {
      expect((await test.app.inject({ url: '/fixture-notes/' })).statusCode).toBe(404);
      expect((await test.app.inject({ url: '/fixture-other/' })).json()).toEqual({
        app: 'fixture-other',
      });
      const catalogue = parse((await test.app.inject({ url: '/apps', headers: html })).body);
      expect(catalogue.querySelector('#app-fixture-notes')).toBeNull();
      expect(catalogue.querySelector('#app-fixture-other')).not.toBeNull();
      // Its messages are not loaded either: the catalogue holds only enabled apps' messages.
      expect(test.app.platform.catalogue.has('fixtureNotes.title')).toBe(false);
    } finally {
      await test.close();
    }
  });

  it('refuses an id that is not installed', () => {
    expect(() => enabledApps(fixtures, ['fixture-notes', 'no-such-app'])).toThrow(
      /ENABLED_APPS names apps that are not installed: no-such-app/,
    );
  });
});

describe('manifest validation at boot', () => {
  const problemsOf = (manifests: AppManifest[]): string[] => {
    try {
      validateManifests(manifests);
    } catch (error) {
      expect(error).toBeInstanceOf(ManifestError);
      return (error as ManifestError).problems;
    }
    return [];
  };
  const variant = (changes: Partial<AppManifest>): AppManifest => ({
    ...fixtureOtherManifest,
    ...changes,
  });

  it('accepts the fixtures', () => {
    expect(problemsOf(fixtures)).toEqual([]);
  });

  it('refuses an id that is not lower-case kebab case', () => {
    expect(problemsOf([variant({ id: 'Fixture_Other' })])).toEqual([
      `app 'Fixture_Other': id "Fixture_Other" must be lower-case kebab case, e.g. 'e-otinish'`,
    ]);
  });

  it('refuses two apps with one id', () => {
    expect(problemsOf([fixtureOtherManifest, variant({ routePrefix: '/elsewhere' })])).toEqual([
      `app 'fixture-other': id is already used by the app listed at position 0`,
    ]);
  });

  it('refuses a route prefix without a leading slash, a reserved one and a taken one', () => {
    expect(problemsOf([variant({ routePrefix: 'fixture-other' })])).toEqual([
      `app 'fixture-other': routePrefix "fixture-other" must start with '/'`,
    ]);
    expect(problemsOf([variant({ routePrefix: '/api/things' })])).toEqual([
      `app 'fixture-other': routePrefix '/api/things' overlaps the platform's own '/api'`,
    ]);
    expect(
      problemsOf([fixtureNotesManifest, variant({ routePrefix: '/fixture-notes/sub' })]),
    ).toEqual([
      `app 'fixture-other': routePrefix '/fixture-notes/sub' overlaps '/fixture-notes' of app 'fixture-notes'`,
    ]);
    expect(problemsOf([variant({ routePrefix: '/Fixture/' })])).toHaveLength(1);
  });

  it('refuses a name or description missing in a UI language', () => {
    expect(
      problemsOf([
        variant({
          names: { kk: 'Басқа', ru: '', en: 'Other' },
          descriptions: { kk: 'Сипаттама', ru: 'Описание' } as AppManifest['descriptions'],
        }),
      ]),
    ).toEqual([
      `app 'fixture-other': names.ru is missing or empty`,
      `app 'fixture-other': descriptions.en is missing or empty`,
    ]);
  });

  it('refuses migrations that are not numbered 1..n', () => {
    const [first, second] = fixtureNotesManifest.migrations;
    expect(
      problemsOf([{ ...fixtureNotesManifest, migrations: [first!, { ...second!, number: 3 }] }]),
    ).toEqual([
      `app 'fixture-notes': migration 'comment-fixture-note' is numbered 3 but is at position 2; migrations are numbered 1..n in order`,
    ]);
  });

  it('refuses a message without a translation', () => {
    expect(
      problemsOf([
        variant({ messages: { 'fixtureOther.x': { note: 'n', kk: 'к', ru: 'р', en: '' } } }),
      ]),
    ).toEqual([`app 'fixture-other': message 'fixtureOther.x' has no en`]);
  });

  it('stops buildApp before anything is mounted', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    // Never connected to: the manifest check fails first.
    const db = createDatabase('postgres://nobody@127.0.0.1:1/none');
    try {
      await expect(
        buildApp({ config, db, apps: [variant({ routePrefix: 'no-slash' })] }),
      ).rejects.toThrow(
        /Invalid app manifests:\n {2}- app 'fixture-other': routePrefix "no-slash"/,
      );
    } finally {
      await db.destroy();
    }
  });
});
