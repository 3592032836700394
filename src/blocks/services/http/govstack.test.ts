import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
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
let head: TestBrowser;
const p = '/govstack/registration';

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
  head = await browserFor(test.app, world, 'head', () => now, 'en');
});
afterAll(() => test.close());

describe('GovStack Registration API over the engine', () => {
  it('lists services (one service as an array) and their eForms with the generated schema', async () => {
    const services = (
      await test.app.inject({ method: 'GET', url: `${p}/services?name=parking` })
    ).json();
    expect(services).toEqual([
      expect.objectContaining({
        id: 'parking-permit',
        name: 'Resident parking permit',
        version: '1',
        type: 'Public',
      }),
    ]);
    expect(
      (await test.app.inject({ method: 'GET', url: `${p}/services?name=tax` })).json(),
    ).toEqual([]);
    const one = (
      await test.app.inject({ method: 'GET', url: `${p}/services/parking-permit` })
    ).json();
    expect(Array.isArray(one) && one[0].id).toBe('parking-permit');
    const [form] = (
      await test.app.inject({ method: 'GET', url: `${p}/services/parking-permit/eForms` })
    ).json();
    const eForm = (
      await test.app.inject({ method: 'GET', url: `${p}/eForms/${form.eFormId}` })
    ).json();
    expect(eForm.schema.required).toContain('plate');
  });

  it('takes a form-encoded application, shows it, and completes tasks idempotently', async () => {
    const formData = JSON.stringify({
      data: {
        address: 'Abai avenue 10, Almaty',
        plate: '123ABC02',
        zone: 'centre',
        months: 2,
        startDate: '2026-04-01',
        ownsVehicle: true,
      },
    });
    const created = await citizen.request({
      method: 'POST',
      url: `${p}/services/parking-permit/applications`,
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': citizen.csrfToken,
      },
      payload: new URLSearchParams({ applicantId: world.citizen.personId, formData }).toString(),
    });
    expect(created.statusCode).toBe(200);
    const file = created.json();
    expect(file).toMatchObject({
      serviceId: 'parking-permit',
      status: { code: 'PENDING' },
      ended: false,
    });
    const someoneElse = await citizen.json('POST', `${p}/services/parking-permit/applications`, {
      applicantId: world.neighbour.personId,
      formData: { data: {} },
    });
    expect(someoneElse.statusCode).toBe(403);

    expect(
      (await citizen.json('GET', `${p}/applications`))
        .json()
        .map((a: { fileId: string }) => a.fileId),
    ).toEqual([file.fileId]);
    const tasks = (await officer.json('GET', `${p}/tasks`)).json();
    expect(tasks.map((t: { name: string }) => t.name).sort()).toEqual(['Forward', 'Start review']);
    const take = tasks.find((t: { name: string }) => t.name === 'Start review');
    expect((await officer.json('GET', `${p}/tasks/${take.taskId}`)).json().fileId).toBe(
      file.fileId,
    );
    const done = await officer.json('POST', `${p}/tasks/${take.taskId}/complete`, { data: {} });
    expect(done.json()).toMatchObject({
      taskId: take.taskId,
      status: { code: 'PENDING', title: 'In review' },
    });
    const again = await officer.json('POST', `${p}/tasks/${take.taskId}/complete`, { data: {} });
    expect(again.statusCode).toBe(200);
    const actions =
      await sql`select 1 from services_action where application_id = ${file.fileId} and action = 'take'`.execute(
        test.database.db,
      );
    expect(actions.rows).toHaveLength(1);

    const headTasks = (await head.json('GET', `${p}/tasks`)).json();
    const grant = headTasks.find((t: { name: string }) => t.name === 'Grant');
    const granted = await head.json('POST', `${p}/tasks/${grant.taskId}/complete`, { data: {} });
    expect(granted.json().status.code).toBe('APPROVED');
    const stats = (
      await test.app.inject({ method: 'GET', url: `${p}/data/statistics?startDate=2026-03-01` })
    ).json();
    expect(stats).toEqual([
      {
        processed: 1,
        approved: 1,
        sentBack: 0,
        rejected: 0,
        references: { startDate: '2026-03-01' },
      },
    ]);
  });
});
