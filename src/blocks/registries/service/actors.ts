import type { Principal } from '../../../platform/auth/principal.js';
import type { Database } from '../../../platform/db/database.js';
import '../../identity/repo/tables.js';
import type { RegistryActor } from './deps.js';

/**
 * A signed-in person as a registry actor: their name, and their agency's name (in Russian, the
 * language of inter-agency records) as the organisation a citizen sees on "Who used my data".
 */
export async function personActor(db: Database, principal: Principal): Promise<RegistryActor> {
  const agency = principal.agencyId
    ? await db
        .selectFrom('identity_agency')
        .select('name_ru')
        .where('id', '=', principal.agencyId)
        .executeTakeFirst()
    : undefined;
  return {
    accountId: principal.accountId,
    name: principal.displayName,
    organisation:
      agency?.name_ru ?? (principal.roles.includes('admin') ? 'administrator' : 'citizen'),
    roles: principal.roles,
    scopes: [],
  };
}

/** The platform itself: the demo seed and `ortaq registry` commands run by an operator. */
export const SYSTEM_ACTOR: RegistryActor = {
  accountId: null,
  name: 'ortaq',
  organisation: 'operator',
  roles: [],
  scopes: [],
  system: true,
};
