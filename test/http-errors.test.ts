import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parse } from 'node-html-parser';
import { fixtureNotesManifest } from './fixtures/apps/fixture-notes/manifest.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let test: TestApp;
beforeAll(async () => {
  // The smallest body limit the configuration allows, so an oversized body is cheap to send.
  test = await createTestApp({ apps: [fixtureNotesManifest], env: { BODY_LIMIT_BYTES: '1024' } });
});
afterAll(() => test?.close());

const countNotes = async () =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from fixture_note`.execute(test.database.db))
      .rows[0]?.n,
  );

const postNote = (payload: string) =>
  test.app.inject({
    method: 'POST',
    url: '/fixture-notes/api/notes',
    headers: { 'content-type': 'application/json' },
    payload,
  });

function expectProblem(
  response: Awaited<ReturnType<typeof postNote>>,
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = response.json();
  expect(body).toMatchObject({ status, code, type: `urn:ortaq:problem:${code}` });
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

describe('bad input to the API', () => {
  it('an oversized body: 413 HTTP_BODY_TOO_LARGE, nothing written', async () => {
    const before = await countNotes();
    const response = await postNote(JSON.stringify({ text: 'x'.repeat(2000) }));
    expectProblem(response, 413, 'HTTP_BODY_TOO_LARGE');
    expect(await countNotes()).toBe(before);
  });

  it('malformed JSON: 400 HTTP_MALFORMED_JSON, nothing written', async () => {
    const before = await countNotes();
    for (const payload of ['{"text": "unterminated', '{text: 1}', '']) {
      expectProblem(await postNote(payload), 400, 'HTTP_MALFORMED_JSON');
    }
    expect(await countNotes()).toBe(before);
  });

  it('an unknown field: 400 with VALIDATION_UNKNOWN_FIELD naming it, nothing written', async () => {
    const before = await countNotes();
    const body = expectProblem(
      await postNote(JSON.stringify({ text: 'ok', isAdmin: true })),
      400,
      'HTTP_VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([
      { field: 'isAdmin', code: 'VALIDATION_UNKNOWN_FIELD', message: 'Белгісіз өріс' },
    ]);
    expect(await countNotes()).toBe(before);
  });

  it('a missing and an invalid field are each named with their own code', async () => {
    const missing = expectProblem(await postNote('{}'), 400, 'HTTP_VALIDATION_FAILED');
    expect(missing.errors).toEqual([
      { field: 'text', code: 'VALIDATION_REQUIRED', message: 'Бұл өрісті толтырыңыз' },
    ]);
    const invalid = expectProblem(
      await postNote(JSON.stringify({ text: '' })),
      400,
      'HTTP_VALIDATION_FAILED',
    );
    expect(invalid.errors).toEqual([
      { field: 'text', code: 'VALIDATION_INVALID_VALUE', message: 'Мәні дұрыс емес' },
    ]);
  });

  it('the wrong media type: 415 HTTP_UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/fixture-notes/api/notes',
      headers: { 'content-type': 'application/xml' },
      payload: '<note/>',
    });
    expectProblem(response, 415, 'HTTP_UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('an unknown route', () => {
  it('is a 404 problem+json for API callers', async () => {
    const response = await test.app.inject({ url: '/api/no-such-thing' });
    expectProblem(response, 404, 'HTTP_NOT_FOUND');
    expect(response.json().instance).toBe('/api/no-such-thing');
  });

  it('is a 404 page for browsers, in the layout, with the request reference', async () => {
    const response = await test.app.inject({
      url: '/no-such-page?x=1',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const document = parse(response.body);
    expect(document.querySelector('h1')?.text).toBe('Бет табылмады');
    expect(document.querySelector('title')?.text).toBe('Бет табылмады — Ortaq');
    expect(document.querySelector('main')?.text).toContain(
      String(response.headers['x-request-id']),
    );
    expect(document.querySelector('a.skip-link')).not.toBeNull();
  });
});

describe('every error is translated into the chosen language', () => {
  const expected = {
    kk: {
      notFound: 'Бет табылмады',
      unknownField: 'Белгісіз өріс',
      json: 'Сұрау денесі жарамды JSON емес',
    },
    ru: {
      notFound: 'Страница не найдена',
      unknownField: 'Неизвестное поле',
      json: 'Тело запроса не является корректным JSON',
    },
    en: {
      notFound: 'Page not found',
      unknownField: 'Unknown field',
      json: 'The request body is not valid JSON',
    },
  };
  for (const [lang, text] of Object.entries(expected)) {
    it(`in ${lang}`, async () => {
      const cookie = `lang=${lang}`;
      const page = await test.app.inject({
        url: '/nowhere',
        headers: { accept: 'text/html', cookie },
      });
      expect(parse(page.body).querySelector('h1')?.text).toBe(text.notFound);
      expect(parse(page.body).querySelector('html')?.getAttribute('lang')).toBe(lang);

      const api = await test.app.inject({ url: '/api/nowhere', headers: { cookie } });
      expect(api.json().title).toBe(text.notFound);

      // The body is parsed before the CSRF check, so malformed JSON is refused as such.
      const malformed = await test.app.inject({
        method: 'POST',
        url: '/fixture-notes/api/notes',
        headers: { 'content-type': 'application/json', cookie },
        payload: '{',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().title).toBe(text.json);
    });
  }

  it('an unknown field, in every language (a signed-in script sends the CSRF token)', async () => {
    const form = await test.app.inject({
      url: '/fixture-notes/',
      headers: { accept: 'text/html' },
    });
    const secret = form.cookies.find((cookie) => cookie.name === '_csrf')!.value;
    const token = parse(form.body).querySelector('input[name=_csrf]')!.getAttribute('value')!;
    for (const [lang, text] of Object.entries(expected)) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/fixture-notes/api/notes',
        headers: { cookie: `_csrf=${secret}; lang=${lang}`, 'x-csrf-token': token },
        payload: { text: 'a', extra: 1 },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { field: 'extra', code: 'VALIDATION_UNKNOWN_FIELD', message: text.unknownField },
      ]);
    }
  });
});
