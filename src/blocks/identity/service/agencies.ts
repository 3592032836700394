import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { officerRoles, type OfficerRole } from '../domain/roles.js';
import {
  findAgencyByCode,
  findOfficerByPerson,
  insertAgency,
  insertOfficer,
  type AgencyRecord,
  type OfficerRecord,
} from '../repo/agencies-repo.js';
import { findPersonById } from '../repo/people-repo.js';
import { isUniqueViolation, type IdentityDeps, type RequestFacts } from './deps.js';

export interface NewAgency {
  code: string;
  names: { kk: string; ru: string; en: string };
  parentCode?: string | null;
}

/**
 * Inserts an agency inside the caller's transaction.
 * Outcomes: the agency; IDENTITY_AGENCY_NOT_FOUND (400) for an unknown parent;
 * IDENTITY_AGENCY_EXISTS (409) for a code in use.
 */
export async function addAgency(trx: Database, now: Date, input: NewAgency): Promise<AgencyRecord> {
  let parentId: string | null = null;
  if (input.parentCode) {
    const parent = await findAgencyByCode(trx, input.parentCode);
    if (!parent) throw agencyNotFound('parentCode');
    parentId = parent.id;
  }
  const exists = () =>
    new DomainError('IDENTITY_AGENCY_EXISTS', 409, {}, [
      { field: 'code', code: 'IDENTITY_AGENCY_EXISTS' },
    ]);
  if (await findAgencyByCode(trx, input.code)) throw exists();
  try {
    return await insertAgency(trx, { code: input.code, names: input.names, parentId }, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw exists();
    throw error;
  }
}

const agencyNotFound = (field: string) =>
  new DomainError('IDENTITY_AGENCY_NOT_FOUND', 400, {}, [
    { field, code: 'IDENTITY_AGENCY_NOT_FOUND' },
  ]);

/** Registers an agency and audits it. Outcomes: as addAgency. */
export async function createAgency(
  deps: IdentityDeps,
  input: NewAgency,
  actorAccountId: string | null,
  facts: RequestFacts = {},
): Promise<AgencyRecord> {
  const agency = await deps.db.transaction().execute((trx) => addAgency(trx, deps.now(), input));
  await deps.audit.append({
    action: 'identity.agency-create',
    outcome: 'success',
    actorAccountId,
    subject: agency.id,
    details: { ...facts, code: agency.code },
  });
  return agency;
}

export interface NewOfficer {
  personId: string;
  agencyCode: string;
  roles: OfficerRole[];
}

/**
 * Makes a person an officer of an agency inside the caller's transaction.
 * Outcomes: the officer; IDENTITY_PERSON_NOT_FOUND (400); IDENTITY_AGENCY_NOT_FOUND (400);
 * IDENTITY_OFFICER_EXISTS (409) when the person already serves an agency.
 */
export async function addOfficer(
  trx: Database,
  now: Date,
  input: NewOfficer,
): Promise<OfficerRecord> {
  if (!(await findPersonById(trx, input.personId))) {
    throw new DomainError('IDENTITY_PERSON_NOT_FOUND', 400, {}, [
      { field: 'personId', code: 'IDENTITY_PERSON_NOT_FOUND' },
    ]);
  }
  const agency = await findAgencyByCode(trx, input.agencyCode);
  if (!agency) throw agencyNotFound('agencyCode');
  const exists = () =>
    new DomainError('IDENTITY_OFFICER_EXISTS', 409, {}, [
      { field: 'personId', code: 'IDENTITY_OFFICER_EXISTS' },
    ]);
  if (await findOfficerByPerson(trx, input.personId)) throw exists();
  try {
    return await insertOfficer(
      trx,
      { personId: input.personId, agencyId: agency.id, roles: officerRoles(input.roles) },
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw exists();
    throw error;
  }
}

/** Appoints an officer and audits it. Outcomes: as addOfficer. */
export async function appointOfficer(
  deps: IdentityDeps,
  input: NewOfficer,
  actorAccountId: string | null,
  facts: RequestFacts = {},
): Promise<OfficerRecord> {
  const officer = await deps.db.transaction().execute((trx) => addOfficer(trx, deps.now(), input));
  await deps.audit.append({
    action: 'identity.officer-appoint',
    outcome: 'success',
    actorAccountId,
    subject: officer.id,
    details: { ...facts, agencyCode: input.agencyCode, roles: officer.roles },
  });
  return officer;
}
