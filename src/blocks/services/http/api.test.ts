import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { PNG } from '../../../platform/files/test-content.js';
import type { TestBrowser } from '../../identity/test/browser.js';
import { browserFor } from '../test/http.js';
import { parkingPermit } from '../test/parking-permit.js';
import { createTestPorts } from '../test/ports.js';
import { seedWorld, type World } from '../test/world.js';

const now = new Date('2026-03-10T05:00:00Z');
let test: TestApp;
let world: World;
let citizen: TestBrowser;
let officer: TestBrowser;

const values = {
  address: 'Abai avenue 10, Almaty',
  plate: '123ABC02',
  zone: 'east',
  months: 3,
  startDate: '2026-04-01',
  ownsVehicle: true,
};

const upload = (browser: TestBrowser, field: string, content: Buffer, name: string) =>
  browser.request({
    method: 'POST',
    url: `/api/v1/services/parking-permit/attachments/${field}`,
    headers: {
      accept: 'application/json',
      'content-type': 'application/octet-stream',
      'x-file-name': name,
      'x-csrf-token': browser.csrfToken,
    },
    payload: content,
  });

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  world = await seedWorld(test.app);
  test.app.servicesEngine.connect(await createTestPorts(test.database.db));
  test.app.servicesEngine.register(parkingPermit);
  await sql`insert into test_resident (address) values ('Abai avenue 10, Almaty')`.execute(
    test.database.db,
  );
  citizen = await browserFor(test.app, world, 'citizen', () => now, 'en');
  officer = await browserFor(test.app, world, 'officer', () => now, 'en');
});
afterAll(() => test.close());

describe('services JSON API', () => {
  it('lists the services and serves each one’s OpenAPI document built from its definition', async () => {
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/services' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'parking-permit',
          agency: 'akimat-almaty',
          applyUrl: '/services/parking-permit/apply',
        }),
      ]),
    );
    const doc = (
      await test.app.inject({ method: 'GET', url: '/api/v1/services/parking-permit/openapi.json' })
    ).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Form.required).toEqual([
      'address',
      'plate',
      'zone',
      'months',
      'startDate',
      'ownsVehicle',
    ]);
    expect(doc.components.schemas.Form.properties.zone).toMatchObject({
      anyOf: [{ const: 'centre' }, { const: 'east' }],
    });
    expect(doc.paths['/api/v1/services/parking-permit/applications'].post).toBeDefined();
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/services/nope' })).json(),
    ).toMatchObject({ code: 'SERVICES_NOT_FOUND', status: 404 });
    const platformDoc = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(platformDoc.paths)).toContain('/api/v1/services/{serviceId}/applications');
  });

  it('refuses an anonymous submission, and an invalid one field by field in the caller’s language', async () => {
    const anonymous = await test.app.inject({
      method: 'POST',
      url: '/api/v1/services/parking-permit/applications',
      payload: { values },
    });
    expect(anonymous.statusCode).toBe(401);
    const invalid = await citizen.json('POST', '/api/v1/services/parking-permit/applications', {
      values: { ...values, months: 0, zone: 'west', colour: 'red' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json()).toMatchObject({
      code: 'SERVICES_FORM_INVALID',
      errors: [
        { field: 'colour', code: 'SERVICES_FIELD_UNKNOWN', message: 'The form has no such field' },
        {
          field: 'zone',
          code: 'SERVICES_FIELD_NOT_AN_OPTION',
          message: 'Choose one of the options',
        },
        {
          field: 'months',
          code: 'SERVICES_FIELD_TOO_SMALL',
          message: 'The number must be 1 or more',
        },
      ],
    });
  });

  it('takes attachments as raw uploads, refusing the wrong type or size before storing', async () => {
    const before = (await sql`select 1 from platform_file`.execute(test.database.db)).rows.length;
    const tooBig = await upload(
      citizen,
      'proof',
      Buffer.concat([PNG, Buffer.alloc(4000)]),
      'scan.png',
    );
    expect([tooBig.statusCode, tooBig.json().code]).toEqual([413, 'SERVICES_ATTACHMENT_TOO_LARGE']);
    const wrong = await upload(citizen, 'proof', Buffer.from('plain text'), 'scan.txt');
    expect([wrong.statusCode, wrong.json().code]).toEqual([415, 'FILES_TYPE_NOT_ALLOWED']);
    expect((await sql`select 1 from platform_file`.execute(test.database.db)).rows.length).toBe(
      before,
    );
    const ok = await upload(citizen, 'proof', PNG, 'scan.png');
    expect(ok.statusCode).toBe(201);
    const submitted = await citizen.json('POST', '/api/v1/services/parking-permit/applications', {
      values: { ...values, proof: [ok.json().id] },
    });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({
      reference: expect.stringMatching(/^2026-/),
      state: 'submitted',
      warnings: [],
    });
  });

  it('lets officers act through the API, refusing a step their role does not allow', async () => {
    const [mine] = (await citizen.json('GET', '/api/v1/services/applications/mine')).json();
    expect(mine).toMatchObject({
      state: 'submitted',
      clocks: [{ id: 'decision', status: 'running', dueDate: '2026-04-03', workingDaysLeft: 15 }],
    });
    const queue = (await officer.json('GET', '/api/v1/services/queue')).json();
    expect(queue.map((a: { id: string }) => a.id)).toEqual([mine.id]);
    expect((await citizen.json('GET', '/api/v1/services/queue')).statusCode).toBe(403);
    const grant = await officer.json(
      'POST',
      `/api/v1/services/applications/${mine.id}/transitions`,
      { transition: 'grant' },
    );
    expect([grant.statusCode, grant.json().code]).toEqual([403, 'SERVICES_ROLE_NOT_ALLOWED']);
    const take = await officer.json(
      'POST',
      `/api/v1/services/applications/${mine.id}/transitions`,
      { transition: 'take' },
    );
    expect(take.statusCode).toBe(200);
    expect(take.json()).toMatchObject({
      state: 'in-review',
      history: [
        { action: 'submit' },
        { action: 'check' },
        { action: 'check' },
        { action: 'take', actorRole: 'officer' },
      ],
    });
    const assign = await officer.json('POST', `/api/v1/services/applications/${mine.id}/assign`, {
      assigneeAccountId: world.officer.accountId,
    });
    expect(assign.json().assigneeAccountId).toBe(world.officer.accountId);
    const detail = await citizen.json('GET', `/api/v1/services/applications/${mine.id}`);
    expect(detail.json().state).toBe('in-review');
  });
});
