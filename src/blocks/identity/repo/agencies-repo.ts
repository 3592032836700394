import { principalChanged } from '../../../platform/auth/session-cache.js';
import type { Database } from '../../../platform/db/database.js';
import type { OfficerRole } from '../domain/roles.js';
import './tables.js';

export interface AgencyRecord {
  id: string;
  code: string;
  names: { kk: string; ru: string; en: string };
  parentId: string | null;
}

export async function findAgencyByCode(
  db: Database,
  code: string,
): Promise<AgencyRecord | undefined> {
  const row = await db
    .selectFrom('identity_agency')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      code: row.code,
      names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
      parentId: row.parent_id,
    }
  );
}

/** Names of the agencies with these codes, in every UI language; unknown codes are left out. */
export async function agencyNamesByCode(
  db: Database,
  codes: readonly string[],
): Promise<Map<string, AgencyRecord['names']>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('identity_agency')
    .select(['code', 'name_kk', 'name_ru', 'name_en'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { kk: r.name_kk, ru: r.name_ru, en: r.name_en }]));
}

export async function insertAgency(
  trx: Database,
  agency: Omit<AgencyRecord, 'id'>,
  now: Date,
): Promise<AgencyRecord> {
  const row = await trx
    .insertInto('identity_agency')
    .values({
      code: agency.code,
      name_kk: agency.names.kk,
      name_ru: agency.names.ru,
      name_en: agency.names.en,
      parent_id: agency.parentId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...agency, id: row.id };
}

export interface OfficerRecord {
  id: string;
  personId: string;
  agencyId: string;
  roles: OfficerRole[];
}

export const findOfficerByPerson = (db: Database, personId: string) =>
  db
    .selectFrom('identity_officer')
    .select(['id', 'person_id as personId', 'agency_id as agencyId', 'roles'])
    .where('person_id', '=', personId)
    .executeTakeFirst() as Promise<OfficerRecord | undefined>;

export async function insertOfficer(
  trx: Database,
  officer: Omit<OfficerRecord, 'id'>,
  now: Date,
): Promise<OfficerRecord> {
  const row = await trx
    .insertInto('identity_officer')
    .values({
      person_id: officer.personId,
      agency_id: officer.agencyId,
      roles: officer.roles,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // New roles: every process reloads the signed-in principals once this commits (appointments
  // are rare; forgetting them all is cheaper than finding the person's accounts).
  await principalChanged(trx);
  return { ...officer, id: row.id };
}

export const isAdministrator = async (db: Database, personId: string): Promise<boolean> =>
  (await db
    .selectFrom('identity_administrator')
    .select('person_id')
    .where('person_id', '=', personId)
    .executeTakeFirst()) !== undefined;

export async function insertAdministrator(trx: Database, personId: string, now: Date) {
  await trx
    .insertInto('identity_administrator')
    .values({ person_id: personId, created_at: now })
    .onConflict((conflict) => conflict.column('person_id').doNothing())
    .execute();
  await principalChanged(trx);
}
