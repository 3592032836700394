import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../blocks/services/index.js';
import { loadPrincipal } from '../../../blocks/identity/service/principal.js';
import { PASSWORD, seedUser } from '../../../blocks/identity/test/fixtures.js';
import { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { totpCode } from '../../../blocks/identity/service/totp.js';
import { addAgency } from '../../../blocks/identity/service/agencies.js';

export interface OtinishWorld {
  citizen: Actor;
  neighbour: Actor;
  /** Officer of akimat-almaty. */
  officer: Actor;
  /** Head of akimat-almaty. */
  head: Actor;
  /** Officer of ministry-digital. */
  ministryOfficer: Actor;
  /** TOTP secrets of the officers, by account id (for signing in through the pages). */
  totp: Map<string, string>;
  /** National ids, by who. */
  iin: Record<'citizen' | 'neighbour' | 'officer' | 'head' | 'ministryOfficer', string>;
}

const IIN = {
  citizen: '850725400024',
  neighbour: '900101300017',
  officer: '950604400057',
  head: '870909300081',
  ministryOfficer: '800315400006',
};

const agency = (app: FastifyInstance, code: string, en: string, parentCode?: string) =>
  app.platform.db.transaction().execute((trx) =>
    addAgency(trx, app.platform.now(), {
      code,
      names: { kk: `${en} (kk)`, ru: `${en} (ru)`, en },
      ...(parentCode ? { parentCode } : {}),
    }),
  );

/**
 * The demo bodies of the routing table (akimat-almaty reports to the government, which hears
 * complaints about it; ministry-digital has no higher body on record), two citizens, an officer
 * and the head of the akimat, and an officer of the ministry.
 */
export async function seedOtinishWorld(app: FastifyInstance): Promise<OtinishWorld> {
  await agency(app, 'government', 'Government');
  await agency(app, 'akimat-almaty', 'Akimat of Almaty', 'government');
  await agency(app, 'ministry-digital', 'Ministry of Digital Development');
  const totp = new Map<string, string>();
  const actor = async (
    nationalId: string,
    role: 'citizen' | 'officer' | 'agency-head',
    agencyCode?: string,
  ): Promise<Actor> => {
    const user = await seedUser(app, {
      nationalId,
      role,
      givenName: 'Test',
      familyName: nationalId.slice(0, 4),
      ...(agencyCode ? { agencyCode } : {}),
    });
    if (user.totpSecret) totp.set(user.accountId, user.totpSecret);
    const principal = (await loadPrincipal(app.platform.db, user.accountId))!;
    return {
      accountId: principal.accountId,
      personId: principal.personId,
      roles: principal.roles,
      agencyId: principal.agencyId,
    };
  };
  return {
    citizen: await actor(IIN.citizen, 'citizen'),
    neighbour: await actor(IIN.neighbour, 'citizen'),
    officer: await actor(IIN.officer, 'officer', 'akimat-almaty'),
    head: await actor(IIN.head, 'agency-head', 'akimat-almaty'),
    ministryOfficer: await actor(IIN.ministryOfficer, 'officer', 'ministry-digital'),
    totp,
    iin: IIN,
  };
}

/** A complete, valid appeal form as a page posts it. */
export const appealForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'application',
  category: 'roads-transport',
  region: 'almaty',
  district: 'Bostandyk district, Abai avenue 10',
  topic: 'Potholes on Abai avenue',
  text: 'There are deep potholes on Abai avenue near house 10 that damage cars.',
  anonymous: 'no',
  ...overrides,
});

/** A browser (app.inject with cookies) signed in as one of the world's people. */
export async function signedIn(
  app: FastifyInstance,
  world: OtinishWorld,
  who: keyof OtinishWorld['iin'],
  now: () => Date,
  locale: 'kk' | 'ru' | 'en' = 'kk',
): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.get(`/language/${locale}?return=/`);
  await browser.signIn(world.iin[who], PASSWORD);
  const secret = world.totp.get(world[who].accountId);
  if (secret) {
    await browser.get('/sign-in/code');
    await browser.postForm('/sign-in/code', { code: totpCode(secret, now()) });
  }
  await browser.get('/e-otinish/appeals/new');
  return browser;
}
