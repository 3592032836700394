import type { FastifyInstance } from 'fastify';
import {
  createRecord,
  findRecord,
  registriesDeps,
  seedDemoRegistries,
  SYSTEM_ACTOR,
  updateRecord,
} from '../../../blocks/registries/index.js';
import type { Actor } from '../../../blocks/services/index.js';
import { loadPrincipal } from '../../../blocks/identity/service/principal.js';
import { PASSWORD, seedAgency, seedUser } from '../../../blocks/identity/test/fixtures.js';

/**
 * The demo registries as a redevelopment test sees them (src/blocks/registries/seed/kz/demo): the
 * demo architect (licence ARC-2019-00317, category I), the demo citizen who owns flat
 * 20:311:004:017:1/15 whole, the co-owners of flat /42 in the same building, and the akimat's
 * inspector.
 */
export const WORLD = {
  architect: '800915300200',
  licence: 'ARC-2019-00317',
  owner: '850725400024',
  flat: '20:311:004:017:1/15',
  neighbour: '900101300017',
  neighbour2: '920315400506',
  inspector: '950604400057',
  /** A second architect, whose licence tests change. */
  otherArchitect: '870909300081',
} as const;

/** 10:00 in Almaty on Friday 20 March 2026. */
export const NOW = new Date('2026-03-20T05:00:00Z');

export function fixedClock(start: Date = NOW) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceDays: (days: number) => {
      now += days * 86_400_000;
    },
  };
}

const actorOf = async (app: FastifyInstance, accountId: string): Promise<Actor> => {
  const principal = (await loadPrincipal(app.platform.db, accountId))!;
  return {
    accountId: principal.accountId,
    personId: principal.personId,
    roles: principal.roles,
    agencyId: principal.agencyId,
  };
};

export interface RedevWorld {
  architect: Actor;
  owner: Actor;
  neighbour: Actor;
  neighbour2: Actor;
  inspector: Actor;
  otherArchitect: Actor;
  totp: Map<string, string>;
}

/** The demo registries, the akimat, accounts for everyone the tests act as. */
export async function seedWorld(app: FastifyInstance): Promise<RedevWorld> {
  await seedAgency(app, 'akimat-almaty');
  await seedDemoRegistries(app.platform, app.log, { password: PASSWORD });
  const totp = new Map<string, string>();
  const user = async (nationalId: string, role: 'citizen' | 'officer', agencyCode?: string) => {
    const created = await seedUser(app, {
      nationalId,
      role,
      ...(agencyCode ? { agencyCode } : {}),
    }).catch(() => undefined);
    if (created?.totpSecret) totp.set(created.accountId, created.totpSecret);
    const person = await app.platform.db
      .selectFrom('identity_person as p')
      .innerJoin('identity_account as a', 'a.person_id', 'p.id')
      .select('a.id')
      .where('p.national_id', '=', nationalId)
      .executeTakeFirstOrThrow();
    return actorOf(app, person.id);
  };
  const world = {
    architect: await user(WORLD.architect, 'citizen'),
    owner: await user(WORLD.owner, 'citizen'),
    neighbour: await user(WORLD.neighbour, 'citizen'),
    neighbour2: await user(WORLD.neighbour2, 'citizen'),
    inspector: await user(WORLD.inspector, 'officer', 'akimat-almaty'),
    otherArchitect: await user(WORLD.otherArchitect, 'citizen'),
    totp,
  };
  await addRecord(app, 'licences', {
    number: 'ARC-2020-00500',
    holderIin: WORLD.otherArchitect,
    kind: 'architect',
    scope: 'Сәулет-қала құрылысы жобалау',
    category: 'II',
    issuedBy: 'Құрылыс комитеті',
    validFrom: '2020-01-10',
    validTo: '2030-01-10',
    status: 'active',
  });
  return world;
}

export async function changeRecord(
  app: FastifyInstance,
  registry: string,
  query: Record<string, unknown>,
  changes: Record<string, unknown>,
) {
  const deps = registriesDeps(app.platform);
  await app.platform.db.transaction().execute(async (trx) => {
    const record = await findRecord(
      trx,
      deps,
      { actor: SYSTEM_ACTOR, purpose: 'test' },
      registry,
      query,
    );
    if (!record) throw new Error(`no ${registry} record ${JSON.stringify(query)}`);
    await updateRecord(trx, deps, SYSTEM_ACTOR, registry, record.id, changes, { reason: 'test' });
  });
}

export async function addRecord(
  app: FastifyInstance,
  registry: string,
  values: Record<string, unknown>,
) {
  const deps = registriesDeps(app.platform);
  await app.platform.db
    .transaction()
    .execute((trx) => createRecord(trx, deps, SYSTEM_ACTOR, registry, values, { reason: 'test' }));
}

/** A self-certifiable plan: two partitions removed, one opening, nothing shared. */
export const planForm = (changes: Record<string, string> = {}): Record<string, string> => ({
  cadastralNumber: WORLD.flat,
  wallsRemoved: '2',
  wallsAdded: '0',
  openingsMade: '1',
  loadBearingWalls: '0',
  wetAreasMoved: 'no',
  commonPropertyAffected: 'no',
  gasChanged: 'no',
  ventilationChanged: 'no',
  forResidentWithDisability: 'no',
  description: 'Kitchen joined with the living room; a new doorway to the bedroom.',
  route: 'self-certification',
  selfCertified: 'yes',
  ...changes,
});
