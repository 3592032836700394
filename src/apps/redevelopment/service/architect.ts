import { sql } from 'kysely';
import {
  findRecordsBy,
  type ReadContext,
  type RegistryActor,
} from '../../../blocks/registries/index.js';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { licenceRefusal, type ArchitectLicence } from '../domain/licence.js';
import { standingOn, type Standing } from '../domain/sanctions.js';
import { todayOf, type RedevDeps } from './deps.js';

/** The legal basis of the app's registry reads. */
export const REDEV_LEGAL_BASIS =
  'Law of the Republic of Kazakhstan «On architectural, urban planning and construction activity» (16.07.2001), Art. 32 and 68; Law «On housing relations» (16.04.1997), Art. 42: redevelopment of premises on a licensed architect’s project with the owners’ consent';

export const REDEV_SCOPES = [
  'real-estate:read',
  'real-estate:write',
  'licences:read',
  'population:read',
];

/** A signed-in person: their account, person and IIN. */
export interface Person {
  accountId: string;
  personId: string;
  iin: string;
  name: string;
  roles: readonly string[];
}

/** Outcomes: the person; REDEV_PERSON_UNKNOWN (403) for an account without a national id. */
export async function personOf(
  db: Database,
  who: { accountId: string; personId: string; roles: readonly string[] },
): Promise<Person> {
  const person = await db
    .selectFrom('identity_person')
    .select(['national_id', 'given_name', 'family_name'])
    .where('id', '=', who.personId)
    .executeTakeFirst();
  if (!person) throw new DomainError('REDEV_PERSON_UNKNOWN', 403);
  return {
    accountId: who.accountId,
    personId: who.personId,
    iin: person.national_id,
    name: `${person.family_name} ${person.given_name}`,
    roles: who.roles,
  };
}

/** The registry actor of someone reading for the app (named on "Who used my data"). */
export const readerOf = (
  person: Pick<Person, 'accountId' | 'name'>,
  organisation: string,
): RegistryActor => ({
  accountId: person.accountId,
  name: person.name,
  organisation,
  roles: [],
  scopes: REDEV_SCOPES,
});

export const readContext = (actor: RegistryActor, purpose: string): ReadContext => ({
  actor,
  purpose,
  legalBasis: REDEV_LEGAL_BASIS,
});

/** The person's newest architect licence in the licence registry, if any (the read is recorded). */
export async function findArchitectLicence(
  db: Database,
  deps: RedevDeps,
  person: Person,
): Promise<ArchitectLicence | undefined> {
  const records = await findRecordsBy(
    db,
    deps.registries,
    readContext(
      readerOf(person, 'Сәулетші / Архитектор'),
      'Redevelopment: the architect’s own licence',
    ),
    'licences',
    { holderIin: person.iin, kind: 'architect' },
    10,
  );
  const newest = records.sort((a, b) =>
    String(b.data.validFrom).localeCompare(String(a.data.validFrom)),
  )[0];
  if (!newest) return undefined;
  const data = newest.data;
  return {
    number: String(data.number),
    holderIin: String(data.holderIin),
    kind: String(data.kind),
    category: typeof data.category === 'string' ? data.category : null,
    status: data.status as ArchitectLicence['status'],
    validFrom: data.validFrom as LocalDate,
    validTo: (data.validTo as LocalDate | undefined) ?? null,
  };
}

/** The days the architect's registrations were revoked on (the sanction ladder reads them). */
export async function revocationsOf(db: Database, architectPersonId: string): Promise<LocalDate[]> {
  const rows = await db
    .selectFrom('redev_audit_decision')
    .select(sql<string>`to_char(decided_on, 'YYYY-MM-DD')`.as('decided_on'))
    .where('architect_person_id', '=', architectPersonId)
    .where('decision', '=', 'revoked')
    .execute();
  return rows.map((row) => row.decided_on);
}

export async function standingOf(
  db: Database,
  deps: RedevDeps,
  architectPersonId: string,
  today: LocalDate = todayOf(deps),
): Promise<Standing> {
  return standingOn(await revocationsOf(db, architectPersonId), today);
}

export interface Architect extends Person {
  licence: ArchitectLicence;
  standing: Standing;
}

/**
 * The signed-in person as an architect who may file today.
 * Outcomes: the architect with their licence and standing; 403 with REDEV_NOT_AN_ARCHITECT,
 * REDEV_LICENCE_SUSPENDED, REDEV_LICENCE_REVOKED, REDEV_LICENCE_NOT_YET_VALID,
 * REDEV_LICENCE_EXPIRED or REDEV_LICENCE_CATEGORY {licence}. A restricted architect is returned:
 * they may still file for expert review (the route check refuses self-certification).
 */
export async function requireArchitect(
  db: Database,
  deps: RedevDeps,
  who: { accountId: string; personId: string; roles: readonly string[] },
): Promise<Architect> {
  const person = await personOf(db, who);
  const licence = await findArchitectLicence(db, deps, person);
  const refusal = licenceRefusal(licence, person.iin, todayOf(deps));
  if (refusal) throw new DomainError(refusal, 403, { licence: licence?.number ?? '' });
  return { ...person, licence: licence!, standing: await standingOf(db, deps, person.personId) };
}
