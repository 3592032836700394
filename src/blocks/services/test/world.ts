import type { FastifyInstance } from 'fastify';
import { loadPrincipal } from '../../identity/service/principal.js';
import { seedAgency, seedUser } from '../../identity/test/fixtures.js';
import type { Actor } from '../service/deps.js';

/** Valid Kazakh IINs for the services tests. */
export const SERVICE_IIN = {
  citizen: '850725400024',
  neighbour: '900101300017',
  officer: '950604400057',
  head: '870909300081',
  otherOfficer: '800315400006',
  foreignOfficer: '770612300006',
} as const;

export interface World {
  /** TOTP secrets of the officers, by account id, for signing in through the pages. */
  totp: Map<string, string>;
  citizen: Actor;
  neighbour: Actor;
  officer: Actor;
  head: Actor;
  otherOfficer: Actor;
  /** An officer of another agency (ministry-digital). */
  foreignOfficer: Actor;
}

/**
 * Two agencies (akimat-almaty owns the test services, ministry-digital is elsewhere), two
 * citizens, two officers and the head of the akimat, and an officer of the ministry.
 */
export async function seedWorld(app: FastifyInstance): Promise<World> {
  await seedAgency(app, 'akimat-almaty');
  await seedAgency(app, 'ministry-digital');
  const totp = new Map<string, string>();
  const actor = async (
    nationalId: string,
    role: 'citizen' | 'officer' | 'agency-head',
    agencyCode?: string,
  ) => {
    const user = await seedUser(app, {
      nationalId,
      role,
      givenName: role === 'citizen' ? 'Aigerim' : 'Officer',
      familyName: nationalId.slice(0, 4),
      ...(agencyCode ? { agencyCode } : {}),
    });
    if (user.totpSecret) totp.set(user.accountId, user.totpSecret);
    const principal = await loadPrincipal(app.platform.db, user.accountId);
    return {
      accountId: principal!.accountId,
      personId: principal!.personId,
      roles: principal!.roles,
      agencyId: principal!.agencyId,
    };
  };
  return {
    totp,
    citizen: await actor(SERVICE_IIN.citizen, 'citizen'),
    neighbour: await actor(SERVICE_IIN.neighbour, 'citizen'),
    officer: await actor(SERVICE_IIN.officer, 'officer', 'akimat-almaty'),
    head: await actor(SERVICE_IIN.head, 'agency-head', 'akimat-almaty'),
    otherOfficer: await actor(SERVICE_IIN.otherOfficer, 'officer', 'akimat-almaty'),
    foreignOfficer: await actor(SERVICE_IIN.foreignOfficer, 'officer', 'ministry-digital'),
  };
}
