import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { connectServicePorts, registerService, ServiceDefinitionError } from './index.js';
import { browserFor } from './test/http.js';
import { createTestPorts } from './test/ports.js';
import { seedWorld, type World } from './test/world.js';

/**
 * The engine is general: a second service, unlike the parking permit, defined here purely as
 * data (JSON, as an agency would load it), with no code of its own, is submitted, worked and
 * decided through the same pages and API.
 */
const residenceCertificate = JSON.parse(`{
  "id": "residence-certificate",
  "version": 1,
  "names": { "kk": "Тұрақты тіркеу туралы анықтама", "ru": "Справка о регистрации по месту жительства", "en": "Residence registration certificate" },
  "agency": "ministry-digital",
  "legalBasis": { "kk": "Халықтың көші-қоны туралы заң, 43-бап", "ru": "Закон о миграции населения, ст. 43", "en": "Law on Population Migration, art. 43" },
  "applicants": [{ "kind": "person" }],
  "fields": [
    { "name": "purpose", "type": "choice", "required": true,
      "label": { "kk": "Мақсаты", "ru": "Цель", "en": "Purpose" },
      "options": [
        { "value": "bank", "label": { "kk": "Банк", "ru": "Банк", "en": "Bank" } },
        { "value": "other", "label": { "kk": "Басқа", "ru": "Другое", "en": "Other" } }
      ] },
    { "name": "purposeOther", "type": "text", "required": true, "maxLength": 100,
      "when": { "field": "purpose", "equals": "other" },
      "label": { "kk": "Қандай мақсат?", "ru": "Какая цель?", "en": "Which purpose?" } },
    { "name": "since", "type": "date", "required": true, "range": "past",
      "label": { "kk": "Қашаннан бері тұрасыз", "ru": "С какой даты проживаете", "en": "Living there since" } }
  ],
  "states": [
    { "id": "submitted", "names": { "kk": "Берілді", "ru": "Подано", "en": "Submitted" } },
    { "id": "registered", "names": { "kk": "Тіркелді", "ru": "Зарегистрировано", "en": "Registered" } },
    { "id": "issued", "names": { "kk": "Берілді (анықтама)", "ru": "Справка выдана", "en": "Certificate issued" }, "final": true },
    { "id": "refused", "names": { "kk": "Бас тартылды", "ru": "Отказано", "en": "Refused" }, "final": true }
  ],
  "initial": "submitted",
  "transitions": [
    { "id": "register", "from": ["submitted"], "to": "registered", "roles": ["officer"],
      "names": { "kk": "Тіркеу", "ru": "Зарегистрировать", "en": "Register" } },
    { "id": "issue", "from": ["registered"], "to": "issued", "roles": ["officer"],
      "names": { "kk": "Анықтама беру", "ru": "Выдать справку", "en": "Issue the certificate" },
      "outputs": [{ "kind": "document", "template": "residence-certificate" }, { "kind": "message", "template": "certificate-issued" }] },
    { "id": "refuse", "from": ["registered"], "to": "refused", "roles": ["officer"], "requiresReason": true,
      "names": { "kk": "Бас тарту", "ru": "Отказать", "en": "Refuse" } },
    { "id": "lapse", "from": ["registered"], "to": "refused", "roles": ["system"],
      "names": { "kk": "Мерзім өтті", "ru": "Срок истёк", "en": "Lapsed" } }
  ],
  "clocks": [
    { "id": "issue", "names": { "kk": "Беру мерзімі", "ru": "Срок выдачи", "en": "Issue by" },
      "length": { "workingDays": 3 }, "startOn": ["register"], "stopOn": ["issue", "refuse", "lapse"], "onExpiry": "lapse" }
  ]
}`);

let test: TestApp;
let world: World;
const now = new Date('2026-03-10T05:00:00Z');

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  world = await seedWorld(test.app);
  connectServicePorts(test.app, await createTestPorts(test.database.db));
});
afterAll(() => test.close());

describe('a second service, defined only as data', () => {
  it('is refused at load while it names a state nothing reaches', () => {
    const broken = structuredClone(residenceCertificate);
    broken.transitions = broken.transitions.filter((t: { id: string }) => t.id !== 'issue');
    expect(() => registerService(test.app, broken)).toThrow(ServiceDefinitionError);
    expect(() => registerService(test.app, broken)).toThrow(
      /states\.2: SERVICES_DEFINITION_UNREACHABLE_STATE/,
    );
  });

  it('is registered, submitted, worked and decided through the same engine, pages and API', async () => {
    registerService(test.app, residenceCertificate);
    const citizen = await browserFor(test.app, world, 'citizen', () => now, 'ru');
    const officer = await browserFor(test.app, world, 'foreignOfficer', () => now, 'en');

    const form = await citizen.get('/services/residence-certificate/apply');
    expect(form.body).toContain('Справка о регистрации по месту жительства');
    const missing = await citizen.postForm('/services/residence-certificate/apply', {
      purpose: 'other',
      since: '2030-01-01',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Какая цель?: Заполните это поле');
    expect(missing.body).toContain('Дата не может быть позже сегодняшней');
    const sent = await citizen.postForm('/services/residence-certificate/apply', {
      purpose: 'bank',
      purposeOther: 'ignored',
      since: '2020-05-01',
    });
    expect(sent.statusCode).toBe(303);
    const id = /applications\/([0-9a-f-]{36})/.exec(sent.headers.location as string)![1]!;

    // No clock runs until the application is registered.
    let detail = (await citizen.json('GET', `/api/v1/services/applications/${id}`)).json();
    expect(detail).toMatchObject({
      agency: 'ministry-digital',
      values: { purpose: 'bank', since: '2020-05-01' },
      clocks: [{ id: 'issue', status: 'idle' }],
    });
    expect(detail.values).not.toHaveProperty('purposeOther');

    await officer.get(`/officer/applications/${id}`);
    expect(
      (await officer.postForm(`/officer/applications/${id}/transitions/register`, {})).statusCode,
    ).toBe(303);
    detail = (await citizen.json('GET', `/api/v1/services/applications/${id}`)).json();
    expect(detail.clocks[0]).toMatchObject({
      status: 'running',
      dueDate: '2026-03-13',
      workingDaysLeft: 3,
    });

    const issued = await officer.json('POST', `/api/v1/services/applications/${id}/transitions`, {
      transition: 'issue',
    });
    expect(issued.json()).toMatchObject({
      state: 'issued',
      final: true,
      clocks: [{ status: 'stopped' }],
    });
    const documents =
      await sql`select template from test_document where application_id = ${id}`.execute(
        test.database.db,
      );
    expect(documents.rows).toEqual([{ template: 'residence-certificate' }]);
    const notices =
      await sql`select template from test_notice where application_id = ${id}`.execute(
        test.database.db,
      );
    expect(notices.rows).toEqual([{ template: 'certificate-issued' }]);
    const page = await citizen.get(`/my/applications/${id}`);
    expect(page.body).toContain('Справка выдана');
    expect(page.body).toContain('Выдать справку');
  });
});
