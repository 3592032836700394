import { localDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import type { Moment, PartyId, PowerOfAttorneyFact } from './facts.js';

/*
 * Powers of attorney, Civil Code of Kazakhstan:
 * - Art. 168: a power of attorney is issued for at most three years; a longer term stated in it
 *   is cut to three years; with no term stated it is valid for one year from the day it was made.
 * - Art. 170: it ends when its term expires, when the principal revokes it, when the
 *   representative renounces it, when a legal-entity principal is wound up, on the death (or
 *   declared incapacity) of the principal or of the representative; the principal may revoke it
 *   at any time, and a waiver of that right is void.
 */

export const MAX_TERM_MONTHS = 36;
export const DEFAULT_TERM_MONTHS = 12;

/**
 * The last day a power of attorney made on `issuedOn` is valid. Outcomes: that day, or
 * ENOTARY_POA_TERM_BEFORE_ISSUE when the requested end is before the day it is made.
 */
export function powerOfAttorneyValidUntil(
  issuedOn: LocalDate,
  requested: LocalDate | null,
): LocalDate {
  const longest = addCalendarMonths(issuedOn, MAX_TERM_MONTHS);
  if (requested === null) return addCalendarMonths(issuedOn, DEFAULT_TERM_MONTHS);
  if (requested < issuedOn) throw new DomainError('ENOTARY_POA_TERM_BEFORE_ISSUE', 400);
  return requested > longest ? longest : requested;
}

export type PowerOfAttorneyState =
  | { status: 'valid' }
  | { status: 'not-yet-valid' }
  | { status: 'expired' }
  | { status: 'revoked'; revokedAt: Date };

/**
 * Whether a power of attorney is in force at a moment, by its own record only (deaths and
 * scope are the check's business). Revocation is effective immediately: revoked at or before
 * `now` means revoked. The term is read in calendar days of the country's time zone, both ends
 * inclusive.
 */
export function powerOfAttorneyState(
  poa: PowerOfAttorneyFact,
  moment: Moment,
): PowerOfAttorneyState {
  if (poa.revokedAt !== null && poa.revokedAt.getTime() <= moment.now.getTime()) {
    return { status: 'revoked', revokedAt: poa.revokedAt };
  }
  const today = localDate(moment.now, moment.timeZone);
  if (today < poa.issuedOn) return { status: 'not-yet-valid' };
  if (today > poa.validUntil) return { status: 'expired' };
  return { status: 'valid' };
}

export const REVOCATION_REASONS = [
  'no-longer-needed',
  'lost-confidence',
  'document-lost',
  'representative-changed',
  'other',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** Who asks to revoke: the principal (or whoever signs for an organisation principal), or a notary. */
export type RevocationRequester =
  | { kind: 'principal'; actingFor: PartyId }
  | { kind: 'notary'; notaryIin: string; onApplicationOf: PartyId | null };

export interface RevocationRequest {
  requester: RevocationRequester;
  reason: RevocationReason;
  /** Required when the reason is 'other'; at most 500 characters. */
  reasonText?: string;
}

export interface Revocation {
  registerNumber: string;
  revokedAt: Date;
  reason: RevocationReason;
  reasonText: string | null;
  requester: RevocationRequester;
}

const samePartyId = (a: PartyId, b: PartyId) => a.kind === b.kind && a.id === b.id;

/**
 * Revokes a power of attorney at `now`. Only the principal revokes it, in person or through a
 * notary on the principal's written application (Art. 170).
 * Outcomes: the revocation to record, effective at `now` for every later check; or
 * - ENOTARY_POA_REVOKE_NOT_PRINCIPAL (403): the requester is not the principal;
 * - ENOTARY_POA_REVOKE_NO_APPLICATION (403): a notary without the principal's application;
 * - ENOTARY_POA_ALREADY_REVOKED (409), ENOTARY_POA_ALREADY_EXPIRED (409): nothing to revoke;
 * - ENOTARY_POA_REASON_TEXT_REQUIRED (400): reason 'other' without an explanation, or one too long.
 */
export function revokePowerOfAttorney(
  poa: PowerOfAttorneyFact,
  request: RevocationRequest,
  moment: Moment,
): Revocation {
  const { requester } = request;
  if (requester.kind === 'principal' && !samePartyId(requester.actingFor, poa.principal)) {
    throw new DomainError('ENOTARY_POA_REVOKE_NOT_PRINCIPAL', 403);
  }
  if (
    requester.kind === 'notary' &&
    (requester.onApplicationOf === null || !samePartyId(requester.onApplicationOf, poa.principal))
  ) {
    throw new DomainError('ENOTARY_POA_REVOKE_NO_APPLICATION', 403);
  }
  const state = powerOfAttorneyState(poa, moment);
  if (state.status === 'revoked') throw new DomainError('ENOTARY_POA_ALREADY_REVOKED', 409);
  if (state.status === 'expired') throw new DomainError('ENOTARY_POA_ALREADY_EXPIRED', 409);
  const text = request.reasonText?.trim() ?? '';
  if ((request.reason === 'other' && text === '') || text.length > 500) {
    throw new DomainError('ENOTARY_POA_REASON_TEXT_REQUIRED', 400, {}, [
      { field: 'reasonText', code: 'ENOTARY_POA_REASON_TEXT_REQUIRED' },
    ]);
  }
  return {
    registerNumber: poa.registerNumber,
    revokedAt: moment.now,
    reason: request.reason,
    reasonText: text === '' ? null : text,
    requester,
  };
}
