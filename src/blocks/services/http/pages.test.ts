import { parse } from 'node-html-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { PNG } from '../../../platform/files/test-content.js';
import type { TestBrowser } from '../../identity/test/browser.js';
import { browserFor, postMultipart } from '../test/http.js';
import { parkingPermit } from '../test/parking-permit.js';
import { createTestPorts } from '../test/ports.js';
import { seedWorld, type World } from '../test/world.js';

const now = new Date('2026-03-10T05:00:00Z');
let test: TestApp;
let world: World;
let citizen: TestBrowser;
/** Signed in once: a TOTP code (same fixed time) cannot be used twice. */
let officer: TestBrowser;

const form = {
  address: 'Abai avenue 10, Almaty',
  plate: '123ABC02',
  zone: 'centre',
  months: '6',
  startDate: '2026-04-01',
  ownsVehicle: 'yes',
  note: '',
};
const count = async (table: string) =>
  (await sql`select 1 from ${sql.table(table)}`.execute(test.database.db)).rows.length;

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  world = await seedWorld(test.app);
  test.app.servicesEngine.connect(await createTestPorts(test.database.db));
  test.app.servicesEngine.register(parkingPermit);
  await sql`insert into test_resident (address) values ('Abai avenue 10, Almaty')`.execute(
    test.database.db,
  );
  citizen = await browserFor(test.app, world, 'citizen', () => now);
  officer = await browserFor(test.app, world, 'officer', () => now, 'en');
});
afterAll(() => test.close());

describe('the application form page', () => {
  it('sends an anonymous visitor to sign in', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/services/parking-permit/apply',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toContain('/sign-in?return=');
  });

  it('renders every field from the definition, labelled, in Kazakh, with conditions as hints', async () => {
    const response = await citizen.get('/services/parking-permit/apply');
    expect(response.statusCode).toBe(200);
    const page = parse(response.body);
    expect(page.querySelector('h1')?.text).toBe('Тұрғындарға арналған тұрақ рұқсаты');
    expect(page.querySelector('main form')?.getAttribute('enctype')).toBe('multipart/form-data');
    expect(page.querySelector('label[for=field-address]')?.text).toBe('Үй мекенжайы');
    expect(page.querySelector('#field-plate-hint')?.text).toContain('123ABC02');
    expect(page.querySelectorAll('input[name=zone][type=radio]')).toHaveLength(2);
    expect(page.querySelector('#field-ownerId-hint')?.text).toContain(
      '«Көлік сіздікі ме?» сұрағына «Жоқ»',
    );
    expect(page.querySelector('input[name=proof]')?.getAttribute('accept')).toBe(
      'application/pdf,image/png',
    );
    expect(page.querySelector('textarea#field-note')).not.toBeNull();
    expect(page.querySelector('input#field-startDate')?.getAttribute('type')).toBe('date');
  });

  it('re-renders a wrong form with an error summary linking to each field, and stores nothing', async () => {
    const applications = await count('services_application');
    const files = await count('platform_file');
    const response = await postMultipart(citizen, '/services/parking-permit/apply', {
      ...form,
      plate: 'bad',
      months: '',
      ownsVehicle: 'no',
      ownerId: '850725400025',
      proof: { filename: 'proof.png', content: Buffer.from('not an image at all') },
    });
    expect(response.statusCode).toBe(400);
    const page = parse(response.body);
    expect(page.querySelector('title')?.text).toMatch(/^Қате:/);
    const links = page.querySelectorAll('.error-summary a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#field-plate', '#field-months', '#field-ownerId', '#field-proof']);
    expect(page.querySelector('#field-months-error')?.text).toContain('Бұл өрісті толтырыңыз');
    expect(page.querySelector('#field-proof-error')?.text).toContain('PDF, PNG');
    expect(page.querySelector('#field-ownerId-error')?.text).toContain('бақылау цифры');
    expect(page.querySelector('#field-address')?.getAttribute('value')).toBe(form.address);
    expect(await count('services_application')).toBe(applications);
    expect(await count('platform_file')).toBe(files);
  });

  it('refuses a file larger than the field allows before storing it', async () => {
    const files = await count('platform_file');
    const response = await postMultipart(citizen, '/services/parking-permit/apply', {
      ...form,
      proof: { filename: 'big.png', content: Buffer.concat([PNG, Buffer.alloc(5000)]) },
    });
    expect(response.statusCode).toBe(400);
    expect(parse(response.body).querySelector('#field-proof-error')?.text).toContain('2 KB');
    expect(await count('platform_file')).toBe(files);
  });

  it('submits a valid form with its attachment and shows the number, steps and deadline', async () => {
    const response = await postMultipart(citizen, '/services/parking-permit/apply', {
      ...form,
      proof: { filename: 'proof.png', content: PNG, type: 'image/png' },
    });
    expect(response.statusCode).toBe(303);
    const location = response.headers.location as string;
    expect(location).toMatch(/^\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
    const page = parse((await citizen.get(location)).body);
    expect(page.querySelector('[role=status]')?.text).toMatch(
      /Өтінім жіберілді\. Оның нөмірі: 2026-\d{6}/,
    );
    expect(page.text).toContain('Соңғы күні 2026-04-03.');
    expect(page.text).toContain('15 жұмыс күні қалды');
    const list = parse((await citizen.get('/my/applications')).body);
    expect(list.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(list.querySelector('tbody tr')?.text).toContain('Берілді');
  });
});

describe('officer pages', () => {
  it('shows the queue with time left, lets the officer take it and refuses (and audits) a grant by the officer', async () => {
    const [application] = (
      await sql<{
        id: string;
        reference: string;
      }>`select id, reference from services_application`.execute(test.database.db)
    ).rows;
    const queue = parse((await officer.get('/officer/queue')).body);
    expect(queue.querySelector('tbody tr')?.text).toContain(application!.reference);
    expect(queue.querySelector('tbody tr')?.text).toContain('15 working day(s) left');

    const detail = parse((await officer.get(`/officer/applications/${application!.id}`)).body);
    const actions = detail.querySelectorAll('form').map((f) => f.getAttribute('action'));
    expect(actions).toContain(`/officer/applications/${application!.id}/transitions/take`);
    expect(actions).not.toContain(`/officer/applications/${application!.id}/transitions/grant`);
    expect(detail.text).toContain('Applicant’s answers');

    const take = await officer.postForm(
      `/officer/applications/${application!.id}/transitions/take`,
      {},
    );
    expect(take.statusCode).toBe(303);
    await officer.get(`/officer/applications/${application!.id}`);
    const grant = await officer.postForm(
      `/officer/applications/${application!.id}/transitions/grant`,
      {},
    );
    expect(grant.statusCode).toBe(403);
    expect(grant.body).toContain('Your role may not perform this action');
    const audit = await sql<{
      outcome: string;
    }>`select outcome from audit_log where action = 'services.transition' and subject = ${application!.id} order by seq`.execute(
      test.database.db,
    );
    expect(audit.rows.map((r) => r.outcome)).toEqual(['success', 'failure']);

    await officer.get(`/officer/applications/${application!.id}`);
    const ask = await officer.postForm(`/officer/applications/${application!.id}/transitions/ask`, {
      reason: '',
    });
    expect(ask.statusCode).toBe(400);
    const asked = parse(ask.body);
    expect(asked.querySelector('.error-summary a')?.getAttribute('href')).toBe('#field-reason-ask');
    expect(asked.querySelector('.error-summary a')?.text).toBe('Give the reason');
  });

  it('lets the applicant answer a request for information from their page', async () => {
    const [application] = (
      await sql<{ id: string }>`select id from services_application`.execute(test.database.db)
    ).rows;
    await officer.get(`/officer/applications/${application!.id}`);
    expect(
      (
        await officer.postForm(`/officer/applications/${application!.id}/transitions/ask`, {
          reason: 'Send the lease',
        })
      ).statusCode,
    ).toBe(303);
    const mine = parse((await citizen.get(`/my/applications/${application!.id}`)).body);
    expect(mine.text).toContain('Send the lease');
    expect(mine.querySelectorAll('form').map((f) => f.getAttribute('action'))).toContain(
      `/my/applications/${application!.id}/transitions/answer`,
    );
    const answer = await citizen.postForm(
      `/my/applications/${application!.id}/transitions/answer`,
      { reason: 'Lease attached at the office' },
    );
    expect(answer.statusCode, answer.body).toBe(303);
    const other = await browserFor(test.app, world, 'neighbour', () => now);
    expect((await other.get(`/my/applications/${application!.id}`)).statusCode).toBe(404);
  });
});

describe('a file attached on a failed try', () => {
  it('is kept for the next try, so the applicant need not upload it again', async () => {
    const failed = await postMultipart(citizen, '/services/parking-permit/apply', {
      ...form,
      plate: 'bad',
      proof: { filename: 'lease.png', content: PNG, type: 'image/png' },
    });
    expect(failed.statusCode).toBe(400);
    const page = parse(failed.body);
    expect(page.querySelector('[role=status]')?.text).toContain('lease.png');
    const kept = page.querySelector('input[name=proof__kept]')?.getAttribute('value');
    expect(kept).toMatch(/^[0-9a-f-]{36}$/);
    const sent = await postMultipart(citizen, '/services/parking-permit/apply', {
      ...form,
      proof__kept: kept!,
    });
    expect(sent.statusCode).toBe(303);
    const [row] = (
      await sql<{
        form_values: { proof: string[] };
      }>`select form_values from services_application order by submitted_at desc, reference desc limit 1`.execute(
        test.database.db,
      )
    ).rows;
    expect(row!.form_values.proof).toEqual([kept]);
  });
});
