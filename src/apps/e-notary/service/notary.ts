import { findRecordsBy, type RegistryActor } from '../../../blocks/registries/index.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { notaryLicenceFindings } from '../domain/checks/licence-check.js';
import type { LicenceFact, LicenceStatus } from '../domain/facts.js';
import { momentOf, type ENotaryDeps } from './deps.js';
import '../repo/tables.js';

/**
 * The registries the app reads, and the scopes it reads them with. The e-Notary system is a
 * registered consumer of these state registers (Law "On Notaries": the notary verifies identity,
 * capacity and title); the person reading is always named in the access record.
 */
export const REGISTRY_SCOPES = [
  'population:read',
  'legal-entities:read',
  'real-estate:read',
  'licences:read',
];

/** The legal basis written into every access record a notary's read causes. */
export const NOTARY_LEGAL_BASIS =
  'Law of the Republic of Kazakhstan No. 155-II «On notaries» (14.07.1997), Art. 1, 34 and 48: verification of the parties, their capacity and title before a notarial act';

/** Whoever is signed in: their person, IIN and name as the identity block holds them. */
export interface Caller {
  accountId: string;
  personId: string;
  iin: string;
  name: string;
  roles: string[];
}

/** A licence as read, with when its registry record last changed (for the checks' `asOf`). */
export type ReadLicence = LicenceFact & { changedAt: Date };

/** A signed-in notary with the licence the licence registry holds for them. */
export interface Notary extends Caller {
  licence: ReadLicence;
  /** The licence number as the register number carries it: digits and capitals only. */
  licenceSegment: string;
}

/** Outcomes: the caller; ENOTARY_CALLER_UNKNOWN (403) when the account has no national id. */
export async function callerOf(db: Database, principal: Principal): Promise<Caller> {
  const person = await db
    .selectFrom('identity_person')
    .select(['national_id'])
    .where('id', '=', principal.personId)
    .executeTakeFirst();
  if (!person) throw new DomainError('ENOTARY_CALLER_UNKNOWN', 403);
  return {
    accountId: principal.accountId,
    personId: principal.personId,
    iin: person.national_id,
    name: principal.displayName,
    roles: principal.roles,
  };
}

/** The registry actor of a person reading for the e-Notary app. */
export const readerActor = (caller: Caller, organisation: string): RegistryActor => ({
  accountId: caller.accountId,
  name: caller.name,
  organisation,
  roles: caller.roles,
  scopes: REGISTRY_SCOPES,
});

const notaryOrganisation = (licence: string) => `Нотариус, лицензия ${licence}`;

/**
 * The notary's licence from the licence registry (read as that notary, recorded). Outcomes: the
 * licence, or undefined when the person holds no notary licence.
 */
export async function findNotaryLicence(
  db: Database,
  deps: ENotaryDeps,
  caller: Caller,
): Promise<ReadLicence | undefined> {
  const records = await findRecordsBy(
    db,
    deps.registries,
    {
      actor: readerActor(caller, 'Нотариус'),
      purpose: 'e-Notary: the notary’s own licence',
      legalBasis: NOTARY_LEGAL_BASIS,
    },
    'licences',
    { holderIin: caller.iin, kind: 'notary' },
    10,
  );
  // The newest licence first: a re-issued licence replaces the old one.
  const newest = records.sort((a, b) =>
    String(b.data.validFrom).localeCompare(String(a.data.validFrom)),
  )[0];
  if (!newest) return undefined;
  const data = newest.data;
  return {
    number: String(data.number),
    holderIin: String(data.holderIin),
    kind: 'notary',
    status: data.status as LicenceStatus,
    validFrom: data.validFrom as LocalDate,
    validTo: (data.validTo as LocalDate | undefined) ?? null,
    changedAt: newest.updatedAt,
  };
}

/**
 * The signed-in person as a notary whose licence is in force now. Outcomes: the notary;
 * ENOTARY_NOT_A_NOTARY (403) without a notary licence; the licence check's refusal (403:
 * ENOTARY_CHECK_LICENCE_NOT_ACTIVE, _NOT_YET_VALID, _EXPIRED) for a revoked, suspended or
 * expired licence.
 */
export async function requireNotary(
  db: Database,
  deps: ENotaryDeps,
  principal: Principal,
): Promise<Notary> {
  const caller = await callerOf(db, principal);
  const licence = await findNotaryLicence(db, deps, caller);
  if (!licence) throw new DomainError('ENOTARY_NOT_A_NOTARY', 403);
  const refusal = notaryLicenceFindings(licence, caller.iin, momentOf(deps))[0];
  if (refusal) throw new DomainError(refusal.code, 403, refusal.params);
  return {
    ...caller,
    licence,
    licenceSegment: licence.number.toUpperCase().replace(/[^0-9A-Z]/g, ''),
  };
}

export const notaryActor = (notary: Notary): RegistryActor =>
  readerActor(notary, notaryOrganisation(notary.licence.number));
