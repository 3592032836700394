import type { ApiCaller } from '../../../platform/auth/api-caller.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { Database } from '../../../platform/db/database.js';
import '../repo/tables.js';

/**
 * Who an account is, for `request.principal`: one query joining the person, the officer record
 * and the administrator record. Null when the account no longer exists.
 */
export async function loadPrincipal(db: Database, accountId: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('identity_account')
    .innerJoin('identity_person', 'identity_person.id', 'identity_account.person_id')
    .leftJoin('identity_officer', 'identity_officer.person_id', 'identity_person.id')
    .leftJoin('identity_administrator', 'identity_administrator.person_id', 'identity_person.id')
    .select([
      'identity_account.id as accountId',
      'identity_person.id as personId',
      'identity_person.given_name as givenName',
      'identity_person.family_name as familyName',
      'identity_officer.agency_id as agencyId',
      'identity_officer.roles as officerRoles',
      'identity_administrator.person_id as adminPersonId',
    ])
    .where('identity_account.id', '=', accountId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    accountId: row.accountId,
    personId: row.personId,
    displayName: `${row.givenName} ${row.familyName}`,
    roles: ['citizen', ...(row.officerRoles ?? []), ...(row.adminPersonId ? ['admin'] : [])],
    agencyId: row.agencyId ?? null,
  };
}

/** The API client a key hash belongs to, unless revoked. */
export async function resolveApiKey(db: Database, keyHash: Buffer): Promise<ApiCaller | null> {
  const row = await db
    .selectFrom('identity_api_client')
    .select(['id', 'name', 'scopes'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { clientId: row.id, name: row.name, scopes: row.scopes } : null;
}
