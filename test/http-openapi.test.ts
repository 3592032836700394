import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { fixtureNotesManifest } from './fixtures/apps/fixture-notes/manifest.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ apps: [fixtureNotesManifest] });
});
afterAll(() => test?.close());

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document of the routes, with the shared Problem schema', async () => {
    const response = await test.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Ortaq API', version: expect.any(String) });
    expect(document.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'code']),
    });
    expect(document.tags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'platform' }),
        { name: 'fixture-notes', description: fixtureNotesManifest.descriptions.en },
      ]),
    );
    const post = document.paths['/fixture-notes/api/notes'].post;
    expect(post.summary).toBe('Add a note');
    expect(post.tags).toEqual(['fixture-notes']);
    expect(post.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['text'],
    });
    expect(post.responses['400'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(Object.keys(post.responses)).toEqual(['201', '400', '403', '413', '415']);
  });

  it('leaves out routes marked schema.hide (pages, redirects, internal routes)', async () => {
    const paths = Object.keys((await test.app.inject({ url: '/api/openapi.json' })).json().paths);
    expect(paths).toContain('/fixture-notes/api/notes');
    for (const hidden of [
      '/',
      '/apps',
      '/api/reference',
      '/api/openapi.json',
      '/language/{locale}',
      '/fixture-notes/',
      '/fixture-notes/api/internal',
    ]) {
      expect(paths).not.toContain(hidden);
    }
    expect(paths.some((path) => path.startsWith('/assets'))).toBe(false);
  });
});

describe('GET /api/reference', () => {
  it('renders the document as a page: operations by tag with parameters, body and responses', async () => {
    const response = await test.app.inject({
      url: '/api/reference',
      headers: { cookie: 'lang=en' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const page = parse(response.body);
    expect(page.querySelector('h1')?.text).toBe('API reference');
    expect(page.querySelectorAll('script')).toHaveLength(0);

    const section = page.querySelector('#tag-fixture-notes');
    expect(section?.querySelector('h2')?.text).toBe('fixture-notes');
    const post = section?.querySelector('#op-post-fixture-notes-api-notes');
    expect(post?.querySelector('h3')?.text.replace(/\s+/g, ' ')).toBe(
      'POST /fixture-notes/api/notes',
    );
    expect(post?.querySelector('.api-summary')?.text).toBe('Add a note');
    expect(post?.text).toContain('Request body');
    expect(post?.querySelector('.schema-table th code')?.text).toBe('text');
    expect(post?.querySelector('a[href="#schema-Problem"]')).not.toBeNull();

    const get = section?.querySelector('#op-get-fixture-notes-api-notes');
    expect(get?.text).toContain('Parameters');
    expect(get?.querySelector('tbody th code')?.text).toBe('limit');
    expect(get?.querySelector('tbody td')?.text).toBe('query');

    expect(post?.text).toMatch(/Authentication:\s*bearer\s*\|\s*session/);
    expect(page.querySelector('#schema-Problem h3')?.text).toBe('Problem');
    expect(page.querySelector('#schema-Problem')?.text).toContain('Stable error code');
    expect(response.body).not.toContain('/fixture-notes/api/internal');
  });

  it('is translated', async () => {
    const response = await test.app.inject({
      url: '/api/reference',
      headers: { cookie: 'lang=ru' },
    });
    expect(parse(response.body).querySelector('h1')?.text).toBe('Справочник API');
  });
});
