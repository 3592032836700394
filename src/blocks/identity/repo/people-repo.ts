import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import './tables.js';

export interface PersonRecord {
  id: string;
  country: string;
  nationalId: string;
  familyName: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string | null;
  createdAt: Date;
}

const personColumns = (db: Database) =>
  db
    .selectFrom('identity_person')
    .select([
      'id',
      'country',
      'national_id as nationalId',
      'family_name as familyName',
      'given_name as givenName',
      'patronymic',
      sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birthDate'),
      'created_at as createdAt',
    ]);

export const findPersonByNationalId = (db: Database, country: string, nationalId: string) =>
  personColumns(db)
    .where('country', '=', country)
    .where('national_id', '=', nationalId)
    .executeTakeFirst() as Promise<PersonRecord | undefined>;

export const findPersonById = (db: Database, id: string) =>
  personColumns(db).where('id', '=', id).executeTakeFirst() as Promise<PersonRecord | undefined>;

export async function insertPerson(
  trx: Database,
  person: Omit<PersonRecord, 'id'>,
): Promise<PersonRecord> {
  const row = await trx
    .insertInto('identity_person')
    .values({
      country: person.country,
      national_id: person.nationalId,
      family_name: person.familyName,
      given_name: person.givenName,
      patronymic: person.patronymic,
      birth_date: person.birthDate,
      created_at: person.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...person, id: row.id };
}

export interface OrganisationRecord {
  id: string;
  country: string;
  nationalId: string;
  name: string;
  directorPersonId: string | null;
  createdAt: Date;
}

export const findOrganisationByNationalId = (db: Database, country: string, nationalId: string) =>
  db
    .selectFrom('identity_organisation')
    .select([
      'id',
      'country',
      'national_id as nationalId',
      'name',
      'director_person_id as directorPersonId',
      'created_at as createdAt',
    ])
    .where('country', '=', country)
    .where('national_id', '=', nationalId)
    .executeTakeFirst();

export async function insertOrganisation(
  trx: Database,
  organisation: Omit<OrganisationRecord, 'id'>,
): Promise<OrganisationRecord> {
  const row = await trx
    .insertInto('identity_organisation')
    .values({
      country: organisation.country,
      national_id: organisation.nationalId,
      name: organisation.name,
      director_person_id: organisation.directorPersonId,
      created_at: organisation.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...organisation, id: row.id };
}
