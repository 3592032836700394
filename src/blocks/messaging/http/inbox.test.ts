import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD } from '../../identity/test/fixtures.js';
import { publishRegistered, seedMessagingWorld } from '../test/fixtures.js';

/** The inbox pages and API: signed in, one's own messages only, unread first, in kk/ru/en. */
describe('inbox', () => {
  let test: TestApp;
  let world: Awaited<ReturnType<typeof seedMessagingWorld>>;
  let alice: TestBrowser;
  let bob: TestBrowser;
  const ids: Record<string, string> = {};

  const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 6, minute));
  const rowsOf = (html: string) =>
    [...html.matchAll(/<tr[^>]*>\s*<td><a href="\/inbox\/([0-9a-f-]+)">/g)].map((m) => m[1]);

  beforeAll(async () => {
    test = await createTestApp();
    world = await seedMessagingWorld(test.app);
    // Alice: three messages, a minute apart. Bob: one of his own and one for his company.
    for (const [name, minute] of [
      ['a1', 1],
      ['a2', 2],
      ['a3', 3],
    ] as const) {
      const published = await publishRegistered(
        test.app,
        { personId: world.alice.personId },
        {
          subject: { kind: 'appeal', id: name },
          params: { number: name.toUpperCase(), agency: 'Әкімдік' },
          at: at(minute),
        },
      );
      ids[name] = published.messageId;
    }
    ids.b1 = (
      await publishRegistered(
        test.app,
        { personId: world.bob.personId },
        { params: { number: 'БОБ-1', agency: 'Әкімдік' }, at: at(4) },
      )
    ).messageId;
    ids.company = (
      await publishRegistered(
        test.app,
        { organisationId: world.company.id },
        { params: { number: 'ФИРМА-1', agency: 'Әкімдік' }, at: at(5) },
      )
    ).messageId;

    alice = new TestBrowser(test.app);
    await alice.signIn(IIN.citizen, PASSWORD);
    bob = new TestBrowser(test.app);
    await bob.signIn(IIN.other, PASSWORD);
  });
  afterAll(() => test.close());

  it('sends an anonymous browser to sign in, and answers an anonymous API call with 401', async () => {
    const page = await test.app.inject({ url: '/inbox', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?return=%2Finbox');
    const message = await test.app.inject({
      url: `/inbox/${ids.a1}`,
      headers: { accept: 'text/html' },
    });
    expect(message.statusCode).toBe(303);
    const api = await test.app.inject({ url: '/api/v1/messaging/inbox' });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({ code: 'AUTH_SIGN_IN_REQUIRED' });
  });

  it('shows a person only their own messages, newest first while all are unread', async () => {
    const page = await alice.get('/inbox');
    expect(page.statusCode).toBe(200);
    expect(rowsOf(page.body)).toEqual([ids.a3, ids.a2, ids.a1]);
    expect(page.body).not.toContain('БОБ-1');
    expect(page.body).not.toContain('ФИРМА-1');

    const api = await alice.json('GET', '/api/v1/messaging/inbox');
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect(body).toMatchObject({ total: 3, unread: 3, page: 1, pageCount: 1 });
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual([ids.a3, ids.a2, ids.a1]);
    expect(body.messages[0]).toMatchObject({
      subject: '№A3 өтініш тіркелді',
      link: '/e-otinish/appeals/A-1',
      readAt: null,
      organisation: null,
      about: { kind: 'appeal', id: 'a3', status: 'registered' },
    });
  });

  it('shows the members of an organisation its messages, marked with its name', async () => {
    const body = (await bob.json('GET', '/api/v1/messaging/inbox')).json();
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual([ids.company, ids.b1]);
    expect(body.messages[0].organisation).toEqual({
      id: world.company.id,
      name: '«Дала Тех» ЖШС',
    });
    const page = await bob.get('/inbox');
    expect(page.body).toContain('«Дала Тех» ЖШС');
    expect(page.body).toContain('№БОБ-1');
    expect(page.body).toContain('№ФИРМА-1');
  });

  it('refuses someone else’s message exactly like one that does not exist', async () => {
    for (const url of [
      `/inbox/${ids.b1}`,
      `/inbox/${ids.company}`,
      '/inbox/00000000-0000-4000-8000-000000000000',
      '/inbox/not-a-uuid',
    ]) {
      const page = await alice.get(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.body).not.toContain('БОБ-1');
    }
    const api = await alice.json('GET', `/api/v1/messaging/inbox/${ids.b1}`);
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'MESSAGING_MESSAGE_NOT_FOUND' });
    const mark = await alice.json('POST', `/api/v1/messaging/inbox/${ids.company}/read`);
    expect(mark.statusCode).toBe(404);
    // Nothing was marked read for Bob's messages by Alice's attempts.
    const reads = await test.database.db.selectFrom('messaging_inbox_read').selectAll().execute();
    expect(reads.filter((read) => read.person_id === world.alice.personId)).toEqual([]);
  });

  it('marks a message read when opened, once, and lists unread first', async () => {
    const opened = await alice.get(`/inbox/${ids.a3}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('<h1>№A3 өтініш тіркелді</h1>');
    expect(opened.body).toContain('Сіздің №A3 өтінішіңізді Әкімдік тіркеді.<br/>');
    expect(opened.body).toContain('href="/e-otinish/appeals/A-1"');
    const first = (await alice.json('GET', `/api/v1/messaging/inbox/${ids.a3}`)).json().readAt;
    expect(first).toEqual(expect.any(String));
    await alice.get(`/inbox/${ids.a3}`);
    expect((await alice.json('GET', `/api/v1/messaging/inbox/${ids.a3}`)).json().readAt).toBe(
      first,
    );

    const page = await alice.get('/inbox');
    expect(rowsOf(page.body)).toEqual([ids.a2, ids.a1, ids.a3]);
    const api = (await alice.json('GET', '/api/v1/messaging/inbox')).json();
    expect(api).toMatchObject({ total: 3, unread: 2 });
    // Bob's own view of his company's message is unaffected by Alice.
    expect((await bob.json('GET', '/api/v1/messaging/inbox')).json().unread).toBe(2);
  });

  it('marks read through the API (with the CSRF token of a page)', async () => {
    await alice.get('/inbox/' + ids.a1); // a page, for a CSRF token
    await bob.get('/inbox');
    const forged = await bob.request({
      method: 'POST',
      url: `/api/v1/messaging/inbox/${ids.b1}/read`,
      headers: { accept: 'application/json' },
    });
    expect(forged.statusCode).toBe(403);
    await bob.get('/sign-in');
    const marked = await bob.json('POST', `/api/v1/messaging/inbox/${ids.b1}/read`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().readAt).toEqual(expect.any(String));
  });

  it.each([
    ['kk', 'Хабарламалар', '№A2 өтініш тіркелді'],
    ['ru', 'Входящие сообщения', 'Обращение №A2 зарегистрировано'],
    ['en', 'Inbox', 'Appeal No. A2 registered'],
  ])('speaks %s', async (locale, title, subject) => {
    const reader = new TestBrowser(test.app);
    await reader.signIn(IIN.citizen, PASSWORD);
    await reader.get(`/language/${locale}?return=/`);
    const page = await reader.get('/inbox');
    expect(page.body).toContain(`<html lang="${locale}"`);
    expect(page.body).toContain(`<h1>${title}</h1>`);
    expect(page.body).toContain(subject);
    const api = (await reader.json('GET', '/api/v1/messaging/inbox')).json();
    expect(api.messages.map((m: { subject: string }) => m.subject)).toContain(subject);
  });

  it('pages through a long inbox, 20 at a time, and refuses a malformed page number', async () => {
    for (let i = 0; i < 22; i++) {
      await publishRegistered(
        test.app,
        { personId: world.bob.personId },
        { params: { number: `P${i}`, agency: 'Әкімдік' }, at: at(10 + i) },
      );
    }
    const first = await bob.get('/inbox');
    expect(rowsOf(first.body)).toHaveLength(20);
    expect(first.body).toContain('rel="next"');
    const second = await bob.get('/inbox?page=2');
    expect(rowsOf(second.body)).toHaveLength(4); // 24 in all
    expect(second.body).toContain('rel="prev"');
    const api = (await bob.json('GET', '/api/v1/messaging/inbox?page=3&pageSize=10')).json();
    expect(api).toMatchObject({ page: 3, pageSize: 10, pageCount: 3, total: 24 });
    expect(api.messages).toHaveLength(4);
    expect(api.messages.at(-1).id).toBe(ids.b1); // the read one comes last
    for (const bad of ['/inbox?page=0', '/inbox?page=abc']) {
      expect((await bob.get(bad)).statusCode, bad).toBe(400);
    }
    expect((await bob.json('GET', '/api/v1/messaging/inbox?pageSize=500')).statusCode).toBe(400);
  });

  it('lets a person set, read and remove their email address, refusing a malformed one', async () => {
    await alice.get('/inbox');
    const bad = await alice.request({
      method: 'PUT',
      url: '/api/v1/messaging/contact',
      headers: { 'content-type': 'application/json', 'x-csrf-token': alice.csrfToken },
      payload: JSON.stringify({ email: 'not an address' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'MESSAGING_EMAIL_INVALID',
      errors: [{ field: 'email', code: 'MESSAGING_EMAIL_INVALID' }],
    });
    const put = (email: string | null, locale?: string) =>
      alice.request({
        method: 'PUT',
        url: '/api/v1/messaging/contact',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-csrf-token': alice.csrfToken,
        },
        payload: JSON.stringify({ email, ...(locale ? { locale } : {}) }),
      });
    // Without a language, notices come in the language the address was set in (kk here).
    expect((await put(' alice@example.kz ')).json()).toEqual({
      email: 'alice@example.kz',
      locale: 'kk',
    });
    expect((await alice.json('GET', '/api/v1/messaging/contact')).json()).toEqual({
      email: 'alice@example.kz',
      locale: 'kk',
    });
    expect((await put(null)).json()).toEqual({ email: null, locale: null });
    expect((await put('alice@example.kz', 'ru')).json()).toEqual({
      email: 'alice@example.kz',
      locale: 'ru',
    });
    expect((await put('alice@example.kz', 'fr')).statusCode).toBe(400);
    expect((await put('')).json()).toEqual({ email: null, locale: null });
    const audited = await test.database.db
      .selectFrom('audit_log')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'messaging.contact-change')
      .orderBy('seq')
      .execute();
    expect(audited.map((entry) => entry.details.email)).toEqual([
      'set',
      'removed',
      'set',
      'removed',
    ]);
    expect(audited[0]).toMatchObject({ subject: world.alice.personId });
    expect(JSON.stringify(audited)).not.toContain('alice@example.kz');
  });
});
