import type { FastifyInstance } from 'fastify';
import { seedDemoRegistries } from '../../../blocks/registries/index.js';
import { addOrganisation } from '../../../blocks/identity/service/people.js';
import { identityDeps } from '../../../blocks/identity/service/deps.js';
import { PASSWORD, seedAgency, seedUser } from '../../../blocks/identity/test/fixtures.js';
import { DEMO_PROVIDER, seedSmartBridgeDemo } from '../seed/demo.js';

/**
 * The portal's people, as in the demo: the company director (of BIN 150440012344), the
 * ministry's officer who manages the provider member, and the citizen whose record is read.
 */
export const WORLD = {
  director: '900101300017',
  bin: '150440012344',
  company: '«Дала Тех» ЖШС',
  officer: DEMO_PROVIDER.managerNationalId,
  citizen: '850725400024',
  /** Somebody who manages nothing. */
  stranger: '920315400506',
} as const;

/**
 * The demo registries, accounts, the company, and the portal's demo seed (the provider member
 * and the population register's passport, its provider at `providerOrigin`).
 */
export async function seedPortalWorld(app: FastifyInstance, providerOrigin?: string) {
  await seedAgency(app, 'ministry-digital');
  await seedDemoRegistries(app.platform, app.log, { password: PASSWORD });
  const totp = new Map<string, string>();
  for (const [nationalId, role] of [
    [WORLD.director, 'citizen'],
    [WORLD.citizen, 'citizen'],
    [WORLD.stranger, 'citizen'],
    [WORLD.officer, 'officer'],
  ] as const) {
    const created = await seedUser(app, {
      nationalId,
      role,
      ...(role === 'officer' ? { agencyCode: 'ministry-digital' } : {}),
    }).catch(() => undefined);
    if (created?.totpSecret) totp.set(nationalId, created.totpSecret);
  }
  const director = await app.platform.db
    .selectFrom('identity_person')
    .select('id')
    .where('national_id', '=', WORLD.director)
    .executeTakeFirstOrThrow();
  await app.platform.db.transaction().execute((trx) =>
    addOrganisation(trx, identityDeps(app.platform), {
      nationalId: WORLD.bin,
      name: WORLD.company,
      directorPersonId: director.id,
    }),
  );
  await seedSmartBridgeDemo(app.platform, app.log, {
    trust: app.trust,
    ...(providerOrigin ? { providerOrigin } : {}),
  });
  return { totp };
}
