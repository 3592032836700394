import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { buildApp } from '../../../app.js';
import { generateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { createDatabase, type Database } from '../../../platform/db/database.js';
import { parkingPermit } from '../test/parking-permit.js';
import { createTestPorts } from '../test/ports.js';
import { seedWorld, type World } from '../test/world.js';
import { fireDeadline, sweepDueDeadlines } from './clocks.js';
import { DEADLINE_JOB, DEADLINE_SWEEP_JOB } from './deps.js';
import { submitApplication } from './submit-application.js';

/**
 * Deadlines with two server processes on one database (two whole apps, each with its own pool
 * and job workers), and across a restart: each deadline fires exactly once.
 */
let now = new Date('2026-03-10T05:00:00Z');
let test: TestApp;
let world: World;
const others: { app: FastifyInstance; db: Database }[] = [];

async function secondApp() {
  const db = createDatabase(test.database.url, { max: 3 });
  const app = await buildApp({
    config: test.config,
    db,
    deploymentKey: generateDeploymentKey(),
    now: () => now,
  });
  await app.ready();
  app.servicesEngine.connect(await createTestPorts(db));
  app.servicesEngine.register(parkingPermit);
  others.push({ app, db });
  return app;
}

const form = {
  address: 'Abai avenue 10, Almaty',
  plate: '123ABC02',
  zone: 'centre',
  months: '6',
  startDate: '2026-04-01',
  ownsVehicle: 'yes',
};
const actionsOf = async (id: string, action: string) =>
  (
    await sql`select seq from services_action where application_id = ${id} and action = ${action}`.execute(
      test.database.db,
    )
  ).rows.length;
const deadlineOf = async (id: string) =>
  (
    await sql<{
      id: string;
      status: string;
    }>`select id, status from services_deadline where application_id = ${id}`.execute(
      test.database.db,
    )
  ).rows;

/** A permit applied for on 10 March 2026, whose deadline falls before June. */
async function submitOnMarch10(): Promise<string> {
  now = new Date('2026-03-10T05:00:00Z');
  const { id } = await submitApplication(test.app.servicesEngine, {
    serviceId: 'parking-permit',
    actor: world.citizen,
    values: form,
  });
  return id;
}

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  world = await seedWorld(test.app);
  test.app.servicesEngine.connect(await createTestPorts(test.database.db));
  test.app.servicesEngine.register(parkingPermit);
  await sql`insert into test_resident (address) values ('Abai avenue 10, Almaty')`.execute(
    test.database.db,
  );
});
afterAll(async () => {
  for (const other of others) {
    await other.app.close().catch(() => undefined);
    await other.db.destroy().catch(() => undefined);
  }
  await test.close();
});

describe('deadlines across server processes', () => {
  it('two apps on one database firing the same deadline at once fire it exactly once', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const a = test.app;
    const b = await secondApp();
    const { id } = await submitApplication(a.servicesEngine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    const [deadline] = await deadlineOf(id);
    now = new Date('2026-06-01T05:00:00Z');
    const outcomes = await Promise.all([
      fireDeadline(a.servicesEngine, deadline!.id),
      fireDeadline(b.servicesEngine, deadline!.id),
      sweepDueDeadlines(a.servicesEngine),
      sweepDueDeadlines(b.servicesEngine),
      fireDeadline(b.servicesEngine, deadline!.id),
    ]);
    expect(
      outcomes
        .slice(0, 2)
        .concat(outcomes.slice(4))
        .filter((o) => o === 'fired').length +
        (outcomes[2] as number) +
        (outcomes[3] as number),
    ).toBe(1);
    expect(await actionsOf(id, 'clock-expired')).toBe(1);
    expect(await actionsOf(id, 'deem-refused')).toBe(1);
    const notices = await sql`select 1 from test_notice where application_id = ${id}`.execute(
      test.database.db,
    );
    expect(notices.rows).toHaveLength(1);
    expect((await deadlineOf(id)).map((d) => d.status)).toEqual(['fired']);
  });

  it('the sweep job (pg-boss) fires a due deadline, on whichever app takes it', async () => {
    const id = await submitOnMarch10();
    now = new Date('2026-06-01T05:00:00Z');
    // As pg-boss sends it every minute, sent by hand: the job runs on either app's worker.
    await test.app.platform.jobs.send(DEADLINE_SWEEP_JOB, {});
    for (let i = 0; i < 60 && (await actionsOf(id, 'clock-expired')) === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await actionsOf(id, 'clock-expired')).toBe(1);
    expect((await deadlineOf(id)).map((d) => d.status)).toEqual(['fired']);
  });

  it('a deadline job queued by an earlier version still fires its deadline, once', async () => {
    const id = await submitOnMarch10();
    const [deadline] = await deadlineOf(id);
    now = new Date('2026-06-01T05:00:00Z');
    await test.app.platform.jobs.send(DEADLINE_JOB, { deadlineId: deadline!.id });
    await test.app.platform.jobs.send(DEADLINE_JOB, { deadlineId: deadline!.id });
    for (let i = 0; i < 60 && (await actionsOf(id, 'clock-expired')) === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await deadlineOf(id)).map((d) => d.status)).toEqual(['fired']);
    expect(await actionsOf(id, 'clock-expired')).toBe(1);
  });

  it('the sweep goes through every due deadline, a page at a time', async () => {
    const ids = [await submitOnMarch10(), await submitOnMarch10(), await submitOnMarch10()];
    now = new Date('2026-06-01T05:00:00Z');
    // Pages of one: each page starts after the last deadline of the one before.
    expect(await sweepDueDeadlines(test.app.servicesEngine, 1)).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(await actionsOf(id, 'clock-expired')).toBe(1);
    expect(await sweepDueDeadlines(test.app.servicesEngine, 1)).toBe(0);
  });

  it('a restart loses no deadline: a new process finds the pending one and fires it once due', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const before = await secondApp();
    const { id } = await submitApplication(before.servicesEngine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    await before.close();
    expect((await deadlineOf(id)).map((d) => d.status)).toEqual(['pending']);
    const after = await secondApp();
    expect(await sweepDueDeadlines(after.servicesEngine)).toBe(0); // not due yet
    now = new Date('2026-06-01T05:00:00Z');
    expect(await sweepDueDeadlines(after.servicesEngine)).toBeGreaterThanOrEqual(1);
    expect(await actionsOf(id, 'clock-expired')).toBe(1);
    expect(await sweepDueDeadlines(after.servicesEngine)).toBe(0);
  });
});
