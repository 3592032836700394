import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { DomainError } from '../../../platform/errors.js';
import { parkingPermit } from '../test/parking-permit.js';
import { createTestPorts } from '../test/ports.js';
import { seedWorld, type World } from '../test/world.js';
import { servicesDeps } from './deps.js';
import { ServicesEngine } from './engine.js';
import { performTransition } from './perform-transition.js';
import { submitApplication } from './submit-application.js';

/**
 * What apps built on the engine add beside it: their own rows written in the submission's
 * transaction (`within`), and a system transition performed on an app's rule (`asSystem`).
 */
let test: TestApp;
let engine: ServicesEngine;
let world: World;
const form = {
  address: 'Abai avenue 10, Almaty',
  plate: '123ABC02',
  zone: 'centre',
  months: '6',
  startDate: '2026-04-01',
  ownsVehicle: 'yes',
};
const count = async () =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from services_application`.execute(
        test.database.db,
      )
    ).rows[0]!.n,
  );

beforeAll(async () => {
  test = await createTestApp({ now: () => new Date('2026-03-10T05:00:00Z') });
  world = await seedWorld(test.app);
  engine = new ServicesEngine(
    servicesDeps(test.app.platform),
    await createTestPorts(test.database.db),
  );
  engine.register(parkingPermit);
  await sql`insert into test_resident (address) values ('Abai avenue 10, Almaty')`.execute(
    test.database.db,
  );
});
afterAll(() => test.close());

describe('submitApplication within', () => {
  it('runs the app’s writes in the submission’s transaction, with the new id', async () => {
    let seen: { id: string; reference: string } | undefined;
    const submitted = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
      within: async (trx, application) => {
        seen = application;
        const row = await trx
          .selectFrom('services_application')
          .select('id')
          .where('id', '=', application.id)
          .executeTakeFirst();
        expect(row?.id).toBe(application.id);
      },
    });
    expect(seen).toEqual({ id: submitted.id, reference: submitted.reference });
  });

  it('writes nothing when the app’s step throws', async () => {
    const before = await count();
    await expect(
      submitApplication(engine, {
        serviceId: 'parking-permit',
        actor: world.citizen,
        values: form,
        within: async () => {
          throw new Error('app refused');
        },
      }),
    ).rejects.toThrow('app refused');
    expect(await count()).toBe(before);
  });
});

describe('performTransition asSystem', () => {
  it('performs a system transition, recorded with the role system', async () => {
    const submitted = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    // The citizen may not perform the system's step in their own name…
    const refused = await performTransition(engine, {
      applicationId: submitted.id,
      transitionId: 'deem-refused',
      actor: world.citizen,
    }).catch((error: DomainError) => error);
    expect((refused as DomainError).code).toBe('SERVICES_ROLE_NOT_ALLOWED');
    // …but an app's rule may perform it as the system.
    expect(
      await performTransition(engine, {
        applicationId: submitted.id,
        transitionId: 'deem-refused',
        actor: world.citizen,
        asSystem: true,
      }),
    ).toEqual({ state: 'refused' });
    const { rows } = await sql<{ actor_role: string }>`
      select actor_role from services_action where application_id = ${submitted.id}
      and action = 'deem-refused'`.execute(test.database.db);
    expect(rows).toEqual([{ actor_role: 'system' }]);
  });

  it('refuses asSystem on a transition the system may not perform', async () => {
    const submitted = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    const refused = await performTransition(engine, {
      applicationId: submitted.id,
      transitionId: 'take',
      actor: world.citizen,
      asSystem: true,
    }).catch((error: DomainError) => error);
    expect((refused as DomainError).code).toBe('SERVICES_ROLE_NOT_ALLOWED');
  });
});
