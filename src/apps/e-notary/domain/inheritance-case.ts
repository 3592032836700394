import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { localDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import { notaryLicenceFindings } from './checks/licence-check.js';
import type { LicenceFact, Moment, PersonFact } from './facts.js';

/*
 * Inheritance cases, Civil Code of Kazakhstan, Special Part, Section 6:
 * - the inheritance opens on the death of the person (or the day a court's declaration of death
 *   takes effect); the population register gives that date;
 * - Art. 1072: the inheritance may be accepted within six months of the day it opened; a
 *   refusal is made within the same term;
 * - heirs inherit by will or by law, by law in eight successive queues (Art. 1061-1064 and on).
 * Terms in months end on the same-numbered day of the last month (or its last day), and a term
 * ending on a day off ends on the next working day (Civil Code, Chapter 6).
 * Choices: one open case per testator (the notary at the place the inheritance opened keeps it);
 * acceptance after the term is refused here: only a court restores the term and the
 * app will record such a decision separately.
 */

export const ACCEPTANCE_TERM_MONTHS = 6;

/** The last day to accept (or refuse) an inheritance opened on `openedOn`, inclusive. */
export function acceptanceTermEnds(
  openedOn: LocalDate,
  calendar: Pick<WorkingCalendar, 'firstWorkingDayFrom'>,
): LocalDate {
  return calendar.firstWorkingDayFrom(addCalendarMonths(openedOn, ACCEPTANCE_TERM_MONTHS));
}

export type HeirBasis = 'will' | 'law';
export type HeirDecision = 'pending' | 'accepted' | 'refused';

export interface Heir {
  iin: string;
  basis: HeirBasis;
  /** Queue of heirs by law, 1–8; null for an heir by will. */
  queue: number | null;
  decision: HeirDecision;
  decidedOn: LocalDate | null;
}

export interface InheritanceCase {
  registerNumber: string;
  testatorIin: string;
  /** The day the inheritance opened: the recorded date of death. */
  openedOn: LocalDate;
  notaryIin: string;
  caseOpenedAt: Date;
  acceptanceEnds: LocalDate;
  status: 'open' | 'closed';
  heirs: Heir[];
}

export interface OpenCaseFacts {
  testator: PersonFact | undefined;
  notaryLicence: LicenceFact | undefined;
  /** Whether an open case for this testator already exists anywhere in the register. */
  openCaseExists: boolean;
}

/**
 * Opens an inheritance case. Outcomes: the case; or
 * - any refusal of the notary's licence (ENOTARY_CHECK_LICENCE_…, status 403);
 * - ENOTARY_INHERITANCE_TESTATOR_UNKNOWN (404): not in the population register;
 * - ENOTARY_INHERITANCE_DEATH_NOT_RECORDED (409): no death recorded, nothing to inherit;
 * - ENOTARY_INHERITANCE_CASE_EXISTS (409): the testator already has an open case.
 */
export function openInheritanceCase(
  request: { registerNumber: string; testatorIin: string; notaryIin: string },
  facts: OpenCaseFacts,
  moment: Moment,
  calendar: Pick<WorkingCalendar, 'firstWorkingDayFrom'>,
): InheritanceCase {
  const licence = notaryLicenceFindings(facts.notaryLicence, request.notaryIin, moment)[0];
  if (licence) throw new DomainError(licence.code, 403, licence.params);
  if (!facts.testator || facts.testator.iin !== request.testatorIin) {
    throw new DomainError('ENOTARY_INHERITANCE_TESTATOR_UNKNOWN', 404);
  }
  const openedOn = facts.testator.deathDate;
  if (openedOn === null || openedOn > localDate(moment.now, moment.timeZone)) {
    throw new DomainError('ENOTARY_INHERITANCE_DEATH_NOT_RECORDED', 409);
  }
  if (facts.openCaseExists) throw new DomainError('ENOTARY_INHERITANCE_CASE_EXISTS', 409);
  return {
    registerNumber: request.registerNumber,
    testatorIin: request.testatorIin,
    openedOn,
    notaryIin: request.notaryIin,
    caseOpenedAt: moment.now,
    acceptanceEnds: acceptanceTermEnds(openedOn, calendar),
    status: 'open',
    heirs: [],
  };
}

/**
 * Adds a claimed heir. Outcomes: the case with the heir; or ENOTARY_INHERITANCE_CASE_CLOSED (409),
 * ENOTARY_HEIR_IS_TESTATOR (400), ENOTARY_HEIR_DUPLICATE (409), ENOTARY_HEIR_QUEUE_INVALID (400:
 * an heir by law needs a queue 1–8, an heir by will none).
 */
export function addHeir(
  inheritanceCase: InheritanceCase,
  heir: { iin: string; basis: HeirBasis; queue: number | null },
): InheritanceCase {
  if (inheritanceCase.status !== 'open')
    throw new DomainError('ENOTARY_INHERITANCE_CASE_CLOSED', 409);
  if (heir.iin === inheritanceCase.testatorIin)
    throw new DomainError('ENOTARY_HEIR_IS_TESTATOR', 400);
  if (inheritanceCase.heirs.some((existing) => existing.iin === heir.iin)) {
    throw new DomainError('ENOTARY_HEIR_DUPLICATE', 409);
  }
  const queueValid =
    heir.basis === 'will'
      ? heir.queue === null
      : heir.queue !== null && Number.isInteger(heir.queue) && heir.queue >= 1 && heir.queue <= 8;
  if (!queueValid) {
    throw new DomainError('ENOTARY_HEIR_QUEUE_INVALID', 400, {}, [
      { field: 'queue', code: 'ENOTARY_HEIR_QUEUE_INVALID' },
    ]);
  }
  return {
    ...inheritanceCase,
    heirs: [...inheritanceCase.heirs, { ...heir, decision: 'pending', decidedOn: null }],
  };
}

/**
 * Records an heir's acceptance or refusal on the day of `moment`. Outcomes: the updated case; or
 * ENOTARY_INHERITANCE_CASE_CLOSED (409), ENOTARY_HEIR_NOT_LISTED (404),
 * ENOTARY_HEIR_ALREADY_DECIDED (409: an acceptance or refusal cannot be taken back),
 * ENOTARY_INHERITANCE_TERM_PASSED (409) {acceptanceEnds}: after the last day of the term.
 */
export function decideInheritance(
  inheritanceCase: InheritanceCase,
  heirIin: string,
  decision: 'accepted' | 'refused',
  moment: Moment,
): InheritanceCase {
  if (inheritanceCase.status !== 'open')
    throw new DomainError('ENOTARY_INHERITANCE_CASE_CLOSED', 409);
  const heir = inheritanceCase.heirs.find((candidate) => candidate.iin === heirIin);
  if (!heir) throw new DomainError('ENOTARY_HEIR_NOT_LISTED', 404);
  if (heir.decision !== 'pending') throw new DomainError('ENOTARY_HEIR_ALREADY_DECIDED', 409);
  const today = localDate(moment.now, moment.timeZone);
  if (today > inheritanceCase.acceptanceEnds) {
    throw new DomainError('ENOTARY_INHERITANCE_TERM_PASSED', 409, {
      acceptanceEnds: inheritanceCase.acceptanceEnds,
    });
  }
  return {
    ...inheritanceCase,
    heirs: inheritanceCase.heirs.map((candidate) =>
      candidate.iin === heirIin ? { ...candidate, decision, decidedOn: today } : candidate,
    ),
  };
}
