import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import {
  findRecord,
  registriesDeps,
  seedDemoRegistries,
  SYSTEM_ACTOR,
  updateRecord,
  createRecord,
} from '../../../blocks/registries/index.js';
import { totpCode } from '../../../blocks/identity/service/totp.js';
import { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { PASSWORD, seedAgency, seedUser } from '../../../blocks/identity/test/fixtures.js';
import { withCheckDigit } from './fixtures.js';

/**
 * The demo registries of the Kazakhstan profile, as an e-Notary test sees them: the demo notary
 * (licence NOT-0000451), the demo citizen who owns flat 20:311:004:017:1/15 whole, a buyer, a
 * co-owned mortgaged flat, an arrested flat, a married owner of a flat bought during the
 * marriage, an owner declared incapable. Read the seed in src/blocks/registries/seed/kz/demo.
 */
export const WORLD = {
  notary: '750312400107',
  owner: '850725400024',
  buyer: '900101300017',
  officer: '950604400057',
  stranger: '870909300081',
  flat: '20:311:004:017:1/15',
  coOwnedFlat: '20:311:004:017:1/42',
  coOwner: '920315400506',
  arrestedFlat: '20:312:018:044:3/101',
  arrestedOwner: '881111400708',
  bank: '920140000103',
  /** Married since 2010 to `spouse`; owns `marriedFlat`, bought in 2018 (joint property). */
  marriedSeller: '830414300093',
  spouse: '860202400092',
  marriedFlat: '20:311:007:021:4/56',
  /** Declared legally incapable by a court; owns `incapableFlat`. */
  incapableOwner: '791005300092',
  incapableFlat: '21:320:051:008:1/12',
  licence: 'NOT-0000451',
  /** Valid check digits, in no register. */
  unknownIin: withCheckDigit('99010130000'),
  unknownBin: withCheckDigit('99034000001'),
} as const;

/** 10:00 in Almaty on 20 March 2026, a Friday. */
export const NOW = new Date('2026-03-20T05:00:00Z');

/** A clock tests move by hand. */
export function fixedClock(start: Date = NOW) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
}

/** Seeds the demo registries and accounts for the people the tests sign in as. */
export async function seedWorld(app: FastifyInstance) {
  await seedDemoRegistries(app.platform, app.log, { password: PASSWORD });
  for (const nationalId of [WORLD.owner, WORLD.buyer, WORLD.coOwner, WORLD.stranger]) {
    await seedUser(app, { nationalId, role: 'citizen' });
  }
}

/**
 * A browser signed in as a reviewing officer (role `officer`, which holds e-notary.acts.review),
 * with the second factor officers need.
 */
export async function signedInReviewer(
  app: FastifyInstance,
  now: () => Date,
  iin: string = WORLD.officer,
): Promise<TestBrowser> {
  await seedAgency(app).catch(() => undefined);
  const officer = await seedUser(app, {
    nationalId: iin,
    role: 'officer',
    agencyCode: 'test-ministry',
  });
  const browser = new TestBrowser(app);
  await browser.signIn(iin, PASSWORD);
  await browser.get('/sign-in/code');
  await browser.postForm('/sign-in/code', { code: totpCode(officer.totpSecret as string, now()) });
  await browser.get('/e-notary/acts');
  return browser;
}

export async function signedIn(app: FastifyInstance, iin: string): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  const response = await browser.signIn(iin, PASSWORD);
  if (response.statusCode !== 303)
    throw new Error(`sign-in of ${iin} failed: ${response.statusCode}`);
  await browser.get('/e-notary/acts');
  return browser;
}

/** Changes a registry record as the registry's operator would (a court, the civil registry). */
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

/** Adds a registry record as its operator would. */
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

/** A sale of the whole demo flat by its owner to the buyer. */
export const saleBody = (changes: Record<string, unknown> = {}) => ({
  kind: 'real-estate-sale',
  cadastralNumber: WORLD.flat,
  parties: [
    { role: 'seller', kind: 'person', id: WORLD.owner, share: '1' },
    { role: 'buyer', kind: 'person', id: WORLD.buyer, share: '1' },
  ],
  ...changes,
});

/** A sale of the whole of `flat` by `seller` (its registered owner) to `buyer`. */
export const saleOf = (flat: string, seller: string, buyer: string = WORLD.buyer) => ({
  kind: 'real-estate-sale',
  cadastralNumber: flat,
  parties: [
    { role: 'seller', kind: 'person', id: seller, share: '1' },
    { role: 'buyer', kind: 'person', id: buyer, share: '1' },
  ],
});

/** Rows of every table an act, its alerts or its reads write: a refused act leaves them as they were. */
export async function writtenRows(app: FastifyInstance): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'enotary_act',
    'enotary_act_party',
    'enotary_act_action',
    'enotary_act_entry',
    'enotary_register_counter',
    'messaging_status_event',
    'messaging_inbox_message',
    'access_record',
    'trust_document',
  ]) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.platform.db);
    counts[table] = rows[0]!.n;
  }
  return counts;
}
