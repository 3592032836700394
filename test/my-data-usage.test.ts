import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IIN, PASSWORD, seedUser } from '../src/blocks/identity/test/fixtures.js';
import { TestBrowser, testClock } from '../src/blocks/identity/test/browser.js';
import { recordAccess, sealAccessRecord } from '../src/platform/audit/access/access-records.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** "Who used my data" (GET /my-data-usage), through a real sign-in. */
describe('Who used my data', () => {
  let test: TestApp;
  let citizen: { personId: string; accountId: string };
  let other: { personId: string };
  const clock = testClock();

  beforeAll(async () => {
    test = await createTestApp({ now: clock.now });
    citizen = await seedUser(test.app, { nationalId: IIN.citizen, role: 'citizen' });
    other = await seedUser(test.app, { nationalId: IIN.other, role: 'citizen' });
    const { db } = test.app.platform;
    const read = (personId: string, purpose: string, minute: number) =>
      recordAccess(db, new Date(Date.UTC(2025, 2, 3, 5, minute)), {
        personId,
        accessorAccountId: null,
        accessorName: 'Бекзат Омаров',
        accessorOrganisation: 'Еңбек министрлігі',
        purpose,
        legalBasis: 'ӘК 12-бап',
        fields: ['address'],
        source: 'population-registry',
      });
    for (let minute = 0; minute < 23; minute++)
      await read(citizen.personId, `case-${minute}`, minute);
    const sealed = await read(citizen.personId, 'covert-case', 40);
    await sealAccessRecord(db, clock.now(), sealed.id, {
      legalBasis: 'ЖІЗ 7-бап',
      decidedByAccountId: null,
    });
    await read(other.personId, 'not-yours', 50);
  });
  afterAll(() => test.close());

  it('sends an anonymous visitor to sign in and back', async () => {
    const response = await new TestBrowser(test.app).get('/my-data-usage');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?return=%2Fmy-data-usage');
  });

  it('lists the signed-in person’s own records, newest first, without sealed ones', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.citizen, PASSWORD);
    const page = await browser.get('/my-data-usage');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Менің деректерімді кім пайдаланды — Ortaq</title>');
    expect(page.body).toContain('барлығы 23');
    const purposes = [...page.body.matchAll(/<td>(case-\d+|covert-case|not-yours)<\/td>/g)].map(
      (match) => match[1],
    );
    expect(purposes).toEqual(Array.from({ length: 20 }, (_, index) => `case-${22 - index}`));
    expect(page.body).toContain('Бекзат Омаров');
    expect(page.body).toContain('<time datetime="2025-03-03T05:22:00.000Z">');
    // Kazakhstan's time: 05:22 UTC is 10:22 in Astana (UTC+5).
    expect(page.body).toContain('10:22');
    expect(page.body).toContain('href="/my-data-usage?page=2"');
    // No personal identifier in any address on the page.
    expect(page.body).not.toContain(IIN.citizen);
    expect(page.body).not.toContain(citizen.personId);

    const second = await browser.get('/my-data-usage?page=2');
    expect([...second.body.matchAll(/<td>(case-\d+)<\/td>/g)].map((match) => match[1])).toEqual([
      'case-2',
      'case-1',
      'case-0',
    ]);
    expect(second.body).toContain('href="/my-data-usage?page=1"');
  });

  it('speaks the chosen language and refuses a malformed page number', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.other, PASSWORD);
    await browser.get('/language/en?return=%2F');
    const page = await browser.get('/my-data-usage');
    expect(page.body).toContain('<h1>Who used my data</h1>');
    expect(page.body).toContain('not-yours');
    expect(page.body).not.toContain('case-');
    expect((await browser.get('/my-data-usage?page=0')).statusCode).toBe(400);
    expect((await browser.get('/my-data-usage?person=1')).statusCode).toBe(400);
  });

  it('tells a person nobody has read their data yet', async () => {
    await seedUser(test.app, { nationalId: IIN.admin, role: 'citizen' });
    const browser = new TestBrowser(test.app);
    await browser.signIn(IIN.admin, PASSWORD);
    const page = await browser.get('/my-data-usage');
    expect(page.body).toContain('Әзірге ешкім сіздің деректеріңізді оқымаған.');
    expect(page.body).not.toContain('<table');
  });
});
