import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { parseCouponNumber } from '../domain/coupon.js';
import { appealForm, seedOtinishWorld, type OtinishWorld } from '../test/world.js';
import { otinishDeps, type OtinishDeps } from './deps.js';
import { fileAppeal, registerApplications } from './file-appeal.js';
import { IntakeQueue, type IntakeRequest } from './intake-queue.js';

/** A request the fake batch writers below tell apart by its form's `id`. */
const request = (id: string) =>
  ({ prepared: { input: { values: { id } } } }) as unknown as IntakeRequest;
const idOf = (r: IntakeRequest) => String(r.prepared.input.values.id);
const filed = (r: IntakeRequest) => ({ applicationId: idOf(r), couponNumber: `coupon-${idOf(r)}` });

describe('the intake queue', () => {
  it('writes what arrives while a batch commits in the next batch, in order', async () => {
    const batches: string[][] = [];
    const queue = new IntakeQueue(async (requests) => {
      batches.push(requests.map(idOf));
      await new Promise((resolve) => setTimeout(resolve, 10));
      return requests.map(filed);
    });
    const coupons = await Promise.all(['a', 'b', 'c', 'd'].map((id) => queue.file(request(id))));
    expect(coupons.map((c) => c.couponNumber)).toEqual([
      'coupon-a',
      'coupon-b',
      'coupon-c',
      'coupon-d',
    ]);
    // The first call starts a batch alone; the three that came meanwhile share the next one.
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('fails only the appeal whose write fails, not the others of its batch', async () => {
    const queue = new IntakeQueue(async (requests) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (requests.some((r) => idOf(r) === 'bad')) throw new Error('bad row');
      return requests.map(filed);
    });
    const outcomes = await Promise.allSettled(
      ['first', 'a', 'bad', 'b'].map((id) => queue.file(request(id))),
    );
    expect(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value.couponNumber : 'rejected')),
    ).toEqual(['coupon-first', 'coupon-a', 'rejected', 'coupon-b']);
  });
});

describe('group-committed intake on PostgreSQL', () => {
  const now = new Date('2026-03-20T05:00:00Z'); // Friday, a working day in Almaty
  let test: TestApp;
  let deps: OtinishDeps;
  let world: OtinishWorld;
  beforeAll(async () => {
    test = await createTestApp({ now: () => now });
    deps = otinishDeps(test.app);
    world = await seedOtinishWorld(test.app);
  });
  afterAll(() => test.close());

  it('gives 60 concurrent appeals to one body 60 coupons without a gap, in fewer transactions, each with its application', async () => {
    const filed = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fileAppeal(deps, {
          actor: world.citizen,
          values: appealForm({ topic: `Pothole number ${i}` }),
        }),
      ),
    );
    const sequences = filed
      .map((f) => parseCouponNumber(f.couponNumber)!)
      .map((parts) => {
        expect(parts).toMatchObject({ bodyCode: 'akimat-almaty', year: 2026 });
        return parts.sequence;
      })
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const { rows } = await sql<{ coupons: number; transactions: number; actions: number }>`
      select count(*)::int as coupons, count(distinct xmin::text)::int as transactions,
        (select count(*)::int from otinish_action) as actions
      from otinish_coupon`.execute(test.database.db);
    expect(rows[0]!.coupons).toBe(60);
    expect(rows[0]!.actions).toBe(120);
    expect(rows[0]!.transactions).toBeLessThan(60);
    // The engine's application, its coupon, its message and its audit entry: one transaction.
    const apart = await sql<{ n: number }>`
      select count(*)::int as n from otinish_coupon c
      join services_application a on a.id = c.application_id
      join messaging_status_event e on e.subject_id = c.application_id::text
      join audit_log l on l.subject = c.application_id::text and l.action = 'services.submit'
      where a.xmin::text <> c.xmin::text or e.xmin::text <> c.xmin::text
        or l.xmin::text <> c.xmin::text`.execute(test.database.db);
    expect(apart.rows[0]!.n).toBe(0);
    // Each coupon belongs to the appeal it was handed to.
    const stored = await test.database.db
      .selectFrom('otinish_coupon')
      .select(['number', 'application_id'])
      .execute();
    expect(new Map(stored.map((row) => [row.application_id, row.number]))).toEqual(
      new Map(filed.map((f) => [f.applicationId, f.couponNumber])),
    );
  });

  it('registers an application once: a second registration returns its coupon', async () => {
    const filed = await fileAppeal(deps, { actor: world.citizen, values: appealForm() });
    const again = await registerApplications(deps, [
      { applicationId: filed.applicationId },
      { applicationId: filed.applicationId },
    ]);
    expect(again).toEqual([filed.couponNumber, filed.couponNumber]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from otinish_coupon
      where application_id = ${filed.applicationId}`.execute(test.database.db);
    expect(rows[0]!.n).toBe(1);
  });
});
