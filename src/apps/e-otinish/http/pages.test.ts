import { parse } from 'node-html-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { postMultipart } from '../../../blocks/services/test/http.js';
import { PNG } from '../../../platform/files/test-content.js';
import { appealForm, seedOtinishWorld, signedIn, type OtinishWorld } from '../test/world.js';

/**
 * The pages through app.inject: the form and its translated errors, attachments refused before
 * storage, the coupon, the appeal page showing the feed's status, the officer's answer form
 * refusing an answer without legal grounds, and the public statistics.
 */
const now = new Date('2026-03-20T05:00:00Z');
let test: TestApp;
let world: OtinishWorld;
let citizen: TestBrowser;
let officer: TestBrowser;

const files = async () =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from platform_file`.execute(test.database.db))
      .rows[0]!.n,
  );
const errorsOf = (html: string) =>
  parse(html)
    .querySelectorAll('.error-summary a')
    .map((a) => [a.getAttribute('href'), a.text]);

beforeAll(async () => {
  test = await createTestApp({ now: () => now, env: { UPLOAD_LIMIT_BYTES: '4096' } });
  world = await seedOtinishWorld(test.app);
  citizen = await signedIn(test.app, world, 'citizen', () => now);
  officer = await signedIn(test.app, world, 'officer', () => now, 'en');
});
afterAll(() => test.close());

describe('filing an appeal', () => {
  it('renders the form in Kazakh with every field labelled', async () => {
    const response = await citizen.get('/e-otinish/appeals/new');
    expect(response.statusCode).toBe(200);
    const page = parse(response.body);
    expect(page.querySelector('h1')?.text).toBe('Өтініш беру');
    expect(page.querySelector('label[for=field-topic]')?.text).toBe('Қысқаша тақырыбы');
    expect(page.querySelectorAll('input[name=region][type=radio]').length).toBe(20);
  });

  it('an empty form is sent back with every missing field named in Kazakh, linked from the summary', async () => {
    const response = await postMultipart(citizen, '/e-otinish/appeals', { intent: 'file' });
    expect(response.statusCode).toBe(400);
    const page = parse(response.body);
    expect(page.querySelector('title')?.text).toMatch(/^Қате:/);
    const errors = errorsOf(response.body);
    expect(errors.map(([href]) => href)).toEqual([
      '#field-kind',
      '#field-category',
      '#field-region',
      '#field-topic',
      '#field-text',
      '#field-anonymous',
    ]);
    for (const [, text] of errors) expect(text).not.toMatch(/error\.|SERVICES_/);
    expect(page.querySelector('#field-topic-error')?.text).toBeTruthy();
  });

  it('a wrong-typed or oversized attachment is refused before anything is stored', async () => {
    const before = await files();
    const wrong = await postMultipart(citizen, '/e-otinish/appeals', {
      ...appealForm(),
      intent: 'file',
      attachments: { filename: 'a.pdf', content: Buffer.from('not a pdf at all') },
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorsOf(wrong.body).map(([href]) => href)).toEqual(['#field-attachments']);
    const big = await postMultipart(citizen, '/e-otinish/appeals', {
      ...appealForm(),
      intent: 'file',
      attachments: { filename: 'big.png', content: Buffer.concat([PNG, Buffer.alloc(10_000)]) },
    });
    expect(big.statusCode).toBe(400);
    expect(errorsOf(big.body)[0]![1]).toMatch(/KB|MB/);
    expect(await files()).toBe(before);
    expect(
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from services_application`.execute(
            test.database.db,
          )
        ).rows[0]!.n,
      ),
    ).toBe(0);
  });

  it('a valid appeal leads to its coupon; the appeal page and the inbox show the same status', async () => {
    const response = await postMultipart(citizen, '/e-otinish/appeals', {
      ...appealForm(),
      intent: 'file',
      attachments: { filename: 'photo.png', content: PNG },
    });
    expect(response.statusCode).toBe(303);
    const coupon = await citizen.get(response.headers.location as string);
    expect(coupon.statusCode).toBe(200);
    const page = parse(coupon.body);
    expect(page.querySelector('h1')?.text).toMatch(/AKIMAT-ALMATY-2026-000001/);
    expect(page.querySelector('dl')?.text).toContain('2026-03-20 10:00');
    const link = page.querySelector('main a[href^="/e-otinish/appeals/"]')!.getAttribute('href')!;
    const appeal = parse((await citizen.get(link)).body);
    const status = appeal.querySelector('[data-status]');
    expect(status?.getAttribute('data-status')).toBe('registered');
    const inbox = await citizen.get('/inbox');
    expect(inbox.body).toContain(status!.text.trim());
  });

  it('"look for similar proposals" shows a public proposal to join instead of filing', async () => {
    await postMultipart(citizen, '/e-otinish/appeals', {
      ...appealForm({ kind: 'proposal', category: 'ecology', topic: 'Plant trees in Medeu park' }),
      intent: 'file',
    });
    const response = await postMultipart(officer, '/e-otinish/appeals', {
      ...appealForm({ category: 'ecology', topic: 'More trees in Medeu park' }),
      intent: 'check',
    });
    expect(response.statusCode).toBe(200);
    const page = parse(response.body);
    expect(page.querySelector('#similar-title')).not.toBeNull();
    expect(page.querySelector('form[action$="/join"]')).not.toBeNull();
  });
});

describe('officer and public pages', () => {
  it('an answer without legal grounds and appeal route is refused next to those fields', async () => {
    const appeal = await test.database.db
      .selectFrom('otinish_appeal')
      .select('application_id')
      .where('kind', '=', 'application')
      .executeTakeFirstOrThrow();
    const page = await officer.get(`/e-otinish/appeals/${appeal.application_id}`);
    expect(page.statusCode).toBe(200);
    const response = await officer.postForm(`/e-otinish/appeals/${appeal.application_id}/answer`, {
      text: 'Repaired',
      legalGrounds: '',
      appealRoute: '',
      adverse: 'no',
    });
    expect(response.statusCode).toBe(422);
    expect(parse(response.body).querySelector('title')?.text).toMatch(/^Error:/);
    expect(errorsOf(response.body).map(([href]) => href)).toEqual([
      '#field-legalGrounds',
      '#field-appealRoute',
    ]);
  });

  it('the officer page lists the body’s open appeals; a hearing invites the applicant’s comment', async () => {
    const officerPage = parse((await officer.get('/e-otinish/officer')).body);
    const links = officerPage.querySelectorAll('main a[href^="/e-otinish/appeals/"]');
    expect(links.length).toBeGreaterThan(0);
    const url = links[0]!.getAttribute('href')!;
    await officer.get(url);
    const hearing = await officer.postForm(`${url}/hearing`, {
      reasons: 'The road is not the city’s',
    });
    expect(hearing.statusCode).toBe(303);
    // The hearing notice is the officer's decision, signed: the applicant can verify it publicly.
    const applicantPage = parse((await citizen.get(url)).body);
    const verify = applicantPage.querySelector('section[aria-labelledby="signed-title"] a');
    expect(verify?.getAttribute('href')).toMatch(/^\/verify\/[0-9A-Z]+$/);
    const verification = await test.app.inject({
      method: 'GET',
      url: verify!.getAttribute('href')!,
    });
    expect(verification.statusCode).toBe(200);
    expect(verification.body).toContain('verification--valid');
    const blank = await citizen.postForm(`${url}/comment`, { comment: '' });
    expect(blank.statusCode).toBe(422);
    expect(errorsOf(blank.body).map(([href]) => href)).toEqual(['#field-comment']);
    const sent = await citizen.postForm(`${url}/comment`, { comment: 'It is: see the 2019 act' });
    expect(sent.statusCode).toBe(303);
    expect((await officer.get(url)).body).toContain('It is: see the 2019 act');
  });

  it('statistics are public', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/e-otinish/statistics',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(200);
    expect(parse(response.body).querySelector('#by-agency')?.text).toContain('Akimat of Almaty');
  });
});
