import { DomainError } from '../../../platform/errors.js';
import { encodedBirthDate } from '../domain/encoded-birth-date.js';
import { assertNationalId, birthDateProblems } from '../domain/person.js';
import {
  findOrganisationByNationalId,
  findPersonById,
  findPersonByNationalId,
  insertOrganisation,
  insertPerson,
  type OrganisationRecord,
  type PersonRecord,
} from '../repo/people-repo.js';
import type { Database } from '../../../platform/db/database.js';
import { isUniqueViolation, type IdentityDeps, type RequestFacts } from './deps.js';

export interface NewPerson {
  nationalId: string;
  familyName: string;
  givenName: string;
  patronymic?: string | null;
  /** `YYYY-MM-DD`; taken from the identifier when it encodes one and this is omitted. */
  birthDate?: string | null;
}

/** Checks a new person's data; writes nothing. Throws DomainError with field problems. */
export function validateNewPerson(deps: Pick<IdentityDeps, 'country' | 'now'>, input: NewPerson) {
  assertNationalId(deps.country.personId, input.nationalId);
  const encoded = encodedBirthDate(deps.country.id, input.nationalId);
  const today = deps.now().toISOString().slice(0, 10);
  const problems = birthDateProblems(input.birthDate ?? null, encoded, today);
  if (problems.length > 0) throw new DomainError(problems[0]!.code, 400, {}, problems);
  return { birthDate: input.birthDate ?? encoded };
}

/**
 * Inserts a person inside the caller's transaction.
 * Outcomes: the new person; IDENTITY_ID_* (400) for an invalid identifier; IDENTITY_BIRTH_DATE_*
 * (400); IDENTITY_PERSON_EXISTS (409) when the identifier is already registered.
 */
export async function addPerson(
  trx: Database,
  deps: Pick<IdentityDeps, 'country' | 'now'>,
  input: NewPerson,
): Promise<PersonRecord> {
  const { birthDate } = validateNewPerson(deps, input);
  if (await findPersonByNationalId(trx, deps.country.id, input.nationalId)) {
    throw personExists();
  }
  try {
    return await insertPerson(trx, {
      country: deps.country.id,
      nationalId: input.nationalId,
      familyName: input.familyName.trim(),
      givenName: input.givenName.trim(),
      patronymic: input.patronymic?.trim() || null,
      birthDate,
      createdAt: deps.now(),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw personExists();
    throw error;
  }
}

const personExists = () =>
  new DomainError('IDENTITY_PERSON_EXISTS', 409, {}, [
    { field: 'nationalId', code: 'IDENTITY_PERSON_EXISTS' },
  ]);

/** Registers a person and audits it. Outcomes: as addPerson. */
export async function createPerson(
  deps: IdentityDeps,
  input: NewPerson,
  actorAccountId: string | null,
  facts: RequestFacts = {},
): Promise<PersonRecord> {
  const person = await deps.db.transaction().execute((trx) => addPerson(trx, deps, input));
  await deps.audit.append({
    action: 'identity.person-create',
    outcome: 'success',
    actorAccountId,
    subject: person.id,
    details: { ...facts },
  });
  return person;
}

export interface NewOrganisation {
  nationalId: string;
  name: string;
  directorPersonId?: string | null;
}

/**
 * Inserts an organisation inside the caller's transaction.
 * Outcomes: the new organisation; IDENTITY_ID_* (400); IDENTITY_PERSON_NOT_FOUND (400) for an
 * unknown director; IDENTITY_ORGANISATION_EXISTS (409).
 */
export async function addOrganisation(
  trx: Database,
  deps: Pick<IdentityDeps, 'country' | 'now'>,
  input: NewOrganisation,
): Promise<OrganisationRecord> {
  assertNationalId(deps.country.organisationId, input.nationalId);
  if (input.directorPersonId && !(await findPersonById(trx, input.directorPersonId))) {
    throw new DomainError('IDENTITY_PERSON_NOT_FOUND', 400, {}, [
      { field: 'directorPersonId', code: 'IDENTITY_PERSON_NOT_FOUND' },
    ]);
  }
  const exists = () =>
    new DomainError('IDENTITY_ORGANISATION_EXISTS', 409, {}, [
      { field: 'nationalId', code: 'IDENTITY_ORGANISATION_EXISTS' },
    ]);
  if (await findOrganisationByNationalId(trx, deps.country.id, input.nationalId)) throw exists();
  try {
    return await insertOrganisation(trx, {
      country: deps.country.id,
      nationalId: input.nationalId,
      name: input.name.trim(),
      directorPersonId: input.directorPersonId ?? null,
      createdAt: deps.now(),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists();
    throw error;
  }
}

/** Registers an organisation and audits it. Outcomes: as addOrganisation. */
export async function createOrganisation(
  deps: IdentityDeps,
  input: NewOrganisation,
  actorAccountId: string | null,
  facts: RequestFacts = {},
): Promise<OrganisationRecord> {
  const organisation = await deps.db
    .transaction()
    .execute((trx) => addOrganisation(trx, deps, input));
  await deps.audit.append({
    action: 'identity.organisation-create',
    outcome: 'success',
    actorAccountId,
    subject: organisation.id,
    details: { ...facts },
  });
  return organisation;
}
