import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parse } from 'node-html-parser';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { fixtureNotesManifest } from './fixtures/apps/fixture-notes/manifest.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ apps: [fixtureNotesManifest] });
});
afterAll(() => test?.close());

const countNotes = async () =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from fixture_note`.execute(test.database.db))
      .rows[0]?.n,
  );

/** The `_csrf` cookie a page set and the token its form carries, as a browser would keep them. */
async function openForm() {
  const page = await test.app.inject({ url: '/fixture-notes/', headers: { accept: 'text/html' } });
  const secret = page.cookies.find((cookie) => cookie.name === '_csrf');
  const token = parse(page.body).querySelector('input[name=_csrf]')?.getAttribute('value');
  expect(secret?.value).toBeTruthy();
  expect(secret?.httpOnly).toBe(true);
  expect(secret?.sameSite).toBe('Strict');
  expect(token).toBeTruthy();
  return { cookie: `_csrf=${secret!.value}`, token: token! };
}

describe('security headers', () => {
  it('send a CSP that allows no inline script, style or foreign origin, on pages and errors', async () => {
    for (const url of ['/', '/apps', '/no-such-page', '/api/openapi.json', '/assets/ortaq.css']) {
      const response = await test.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.headers['content-security-policy'], url).toBe(
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
      );
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
    }
  });

  it('pages contain no inline script, style attribute or external resource', async () => {
    for (const url of ['/', '/apps', '/api/reference', '/fixture-notes/']) {
      const body = (await test.app.inject({ url, headers: { accept: 'text/html' } })).body;
      const document = parse(body);
      expect(document.querySelectorAll('script'), url).toHaveLength(0);
      expect(document.querySelectorAll('[style]'), url).toHaveLength(0);
      expect(document.querySelectorAll('style'), url).toHaveLength(0);
      expect(body, url).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });

  it('serves Pico CSS and the platform style sheet from the deployment itself', async () => {
    const pico = await test.app.inject({ url: '/assets/pico.min.css' });
    expect(pico.statusCode).toBe(200);
    expect(pico.headers['content-type']).toMatch(/^text\/css/);
    expect(pico.body).toContain('Pico CSS');
    expect((await test.app.inject({ url: '/assets/ortaq.css' })).statusCode).toBe(200);
    expect((await test.app.inject({ url: '/assets/../package.json' })).statusCode).toBe(404);
  });
});

describe('CSRF protection', () => {
  it('makes no token (and sets no cookie) for API answers or pages without a form', async () => {
    const api = await test.app.inject({ url: '/fixture-notes/api/notes' });
    expect(api.headers['set-cookie']).toBeUndefined();
    const home = await test.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(home.headers['set-cookie']).toBeUndefined();
  });

  it('accepts a form post with the token of our own page', async () => {
    const before = await countNotes();
    const { cookie, token } = await openForm();
    const response = await test.app.inject({
      method: 'POST',
      url: '/fixture-notes/',
      headers: { cookie, accept: 'text/html' },
      payload: { _csrf: token, text: 'from the form' },
    });
    expect(response.statusCode).toBe(303);
    expect(await countNotes()).toBe(before + 1);
  });

  it('refuses a browser form post without a token, or with a wrong one: 403 page, nothing written', async () => {
    const before = await countNotes();
    const { cookie, token } = await openForm();
    const attempts = [
      { cookie, body: 'text=forged' },
      { cookie, body: `_csrf=${token.slice(0, -2)}xx&text=forged` },
      { cookie: '_csrf=another-secret', body: `_csrf=${encodeURIComponent(token)}&text=forged` },
      { cookie: undefined, body: `_csrf=${encodeURIComponent(token)}&text=forged` },
    ];
    for (const attempt of attempts) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/fixture-notes/',
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          ...(attempt.cookie ? { cookie: `${attempt.cookie}; lang=en` } : {}),
        },
        payload: attempt.body,
      });
      expect(response.statusCode, attempt.body).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(parse(response.body).querySelector('h1')?.text).toMatch(
        attempt.cookie ? /^The form has expired/ : /^Форманың мерзімі өтті/,
      );
    }
    expect(await countNotes()).toBe(before);
  });

  it('refuses a JSON call that carries cookies but no token: 403 problem+json, nothing written', async () => {
    const before = await countNotes();
    const { cookie } = await openForm();
    const response = await test.app.inject({
      method: 'POST',
      url: '/fixture-notes/api/notes',
      headers: { cookie, 'x-csrf-token': 'wrong' },
      payload: { text: 'forged' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 403, code: 'HTTP_CSRF_INVALID' });
    expect(await countNotes()).toBe(before);
  });

  it('lets a script on our page send the token in the x-csrf-token header', async () => {
    const { cookie, token } = await openForm();
    const response = await test.app.inject({
      method: 'POST',
      url: '/fixture-notes/api/notes',
      headers: { cookie, 'x-csrf-token': token },
      payload: { text: 'from a script' },
    });
    expect(response.statusCode).toBe(201);
  });
});

describe('request ids', () => {
  it('every answer carries x-request-id, the id pino logs for that request', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({ LOG_LEVEL: 'info', DATABASE_URL: test.database.url });
    const app = await buildApp({
      config,
      db: test.database.db,
      apps: [fixtureNotesManifest],
      logger: { level: 'info', stream },
    });
    try {
      const ids = new Set<string>();
      for (const url of ['/', '/no-such-page', '/fixture-notes/api/notes?limit=0']) {
        const response = await app.inject({ url });
        const id = String(response.headers['x-request-id']);
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        ids.add(id);
        const logged = lines.filter((line) => line.reqId === id);
        expect(logged.length, url).toBeGreaterThan(0);
        expect(logged.some((line) => line.msg === 'request completed')).toBe(true);
      }
      expect(ids.size).toBe(3);
    } finally {
      await app.close();
    }
  });
});
