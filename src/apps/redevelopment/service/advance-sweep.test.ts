import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { uploadAttachment, type Actor } from '../../../blocks/services/index.js';
import { pdf } from '../../../platform/files/test-content.js';
import { REDEV_SERVICE } from '../definition/redevelopment-service.js';
import { fixedClock, planForm, seedWorld, type RedevWorld } from '../test/world.js';
import { sweepDecidedFilings } from './advance-sweep.js';
import { answerConsent } from './consents.js';
import { createRedevDeps, type RedevDeps } from './deps.js';
import { fileRedevelopment } from './file-plan.js';
import { filingView } from './queries.js';

const clock = fixedClock();
let test: TestApp;
let world: RedevWorld;
let deps: RedevDeps;

const fileOne = async (actor: Actor) => {
  const plan = await uploadAttachment(deps.engine, {
    serviceId: REDEV_SERVICE,
    field: 'plan',
    content: pdf('plan'),
    originalName: 'plan.pdf',
    actor,
  });
  return fileRedevelopment(deps, actor, { ...planForm({}), plan: [plan.id] });
};
const stateOf = async (id: string) => (await filingView(deps, world.architect, id)).summary.state;
const registrations = async () =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from redev_registration`.execute(
        test.app.platform.db,
      )
    ).rows[0]!.n,
  );

beforeAll(async () => {
  test = await createTestApp({ now: clock.now });
  world = await seedWorld(test.app);
  deps = createRedevDeps(test.app);
});
afterAll(() => test.close());

describe('the sweep of steps decided by a consent', () => {
  it('keeps the deciding answer when the registration fails, and registers later on the sweep', async () => {
    const { applicationId: id } = await fileOne(world.architect);
    const db = test.app.platform.db;
    // The registration breaks (as a full disk or a lost connection would break it) …
    await sql`create function redev_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'registration unavailable'; end $$`.execute(db);
    await sql`create trigger redev_test_refuse before insert on redev_registration
      for each row execute function redev_test_refuse()`.execute(db);
    // … so the answer is recorded and the filing waits, on the due list.
    expect(await answerConsent(deps, world.owner, id, 'given')).toBe('awaiting-consents');
    expect(await stateOf(id)).toBe('awaiting-consents');
    const before = await registrations();

    // Within the grace period the sweep leaves it to the request that decided it.
    await sql`drop trigger redev_test_refuse on redev_registration`.execute(db);
    expect(await sweepDecidedFilings(deps)).toBe(0);

    clock.advanceDays(1);
    expect(await sweepDecidedFilings(deps)).toBe(1);
    expect(await stateOf(id)).toBe('registered');
    expect(await registrations()).toBe(before + 1);
    // Done once: the list is empty and a second sweep does nothing.
    expect(await sweepDecidedFilings(deps)).toBe(0);
    const left = await db.selectFrom('redev_advance_due').selectAll().execute();
    expect(left).toEqual([]);
  });

  it('clears from the list a filing whose step completed in the answering request', async () => {
    const { applicationId: id } = await fileOne(world.architect);
    expect(await answerConsent(deps, world.owner, id, 'given')).toBe('registered');
    clock.advanceDays(1);
    expect(await sweepDecidedFilings(deps)).toBe(0);
    const left = await test.app.platform.db.selectFrom('redev_advance_due').selectAll().execute();
    expect(left).toEqual([]);
  });
});
