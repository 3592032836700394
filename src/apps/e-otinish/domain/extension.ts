import { addDays, isLocalDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import { workingDayTerm } from './decision-term.js';
import { isWithinTerm, legalDateOf, type LegalCalendar, type LegalTerm } from './legal-calendar.js';
import { LEGAL_PERIODS } from './legal-periods.js';
import { endOfLocalDay } from '../../../platform/calendar/local-day-bounds.js';

/** The identity block's roles that may extend a decision term: the body's head and deputy head. */
export const EXTENDING_ROLES = ['agency-head', 'agency-deputy'] as const;

/**
 * The latest last day an extended term may have: 2 calendar months after the ORIGINAL term's
 * last day (the 15th working day, Art. 76), not after the registration and not after an earlier
 * extension, so that all extensions together add at most 2 months. When that day is not a
 * working day, the limit is the working day before it: the general rule would move a period's
 * end forward onto the next working day, but that would make the extension longer than the
 * 2 months the Code allows, so the stricter reading is taken.
 */
export function latestExtendedLastDay(originalLastDay: LocalDate, legal: LegalCalendar): LocalDate {
  const cap = addCalendarMonths(originalLastDay, LEGAL_PERIODS.maxExtensionMonths);
  let day = cap;
  // The original last day is a working day before the cap, so this always stops.
  while (!legal.calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

export interface ExtensionDecision {
  /** The term as Art. 76 first set it (15 working days from registration). */
  originalTerm: LegalTerm;
  /** The term in force when the extension is decided (the original, or an earlier extension). */
  currentTerm: LegalTerm;
  /** The new last day the head or deputy decided. */
  newLastDay: LocalDate;
  /** Roles of the officer who decided it, in the receiving body (the service checks the body). */
  deciderRoles: readonly string[];
  /** The reasoned decision's reasons, recorded with the action. */
  reasons: string;
  decidedAt: Date;
}

export interface Extension {
  /** The decision term in force after the extension. */
  term: LegalTerm;
  /** The applicant must be told by the end of this term: 3 working days after the decision day. */
  noticeTerm: LegalTerm;
}

/**
 * Extends the decision term (APPC Art. 76, extension). Outcomes:
 * - the new term, and the term within which the applicant must be told of it (3 working days
 *   counted from the day after the decision, the decision day not counted);
 * - DomainError OTINISH_EXTENSION_ROLE (403): the decider is neither head nor deputy head;
 * - OTINISH_EXTENSION_NO_REASONS (422): no reasons recorded (only a reasoned decision extends);
 * - OTINISH_EXTENSION_TERM_EXPIRED (409): the term in force had already expired, so the appeal
 *   was already deemed refused (Art. 91(2)) and there is nothing left to extend;
 * - OTINISH_EXTENSION_NOT_A_DATE (422): the new last day is not a calendar date;
 * - OTINISH_EXTENSION_NOT_LATER (422): the new last day is not after the current one;
 * - OTINISH_EXTENSION_NOT_WORKING_DAY (422): the new last day is a day off;
 * - OTINISH_EXTENSION_TOO_LONG (422): all extensions together would pass 2 months beyond the
 *   original last day (params.latest names the latest allowed day).
 */
export function extendDecisionTerm(decision: ExtensionDecision, legal: LegalCalendar): Extension {
  if (
    !decision.deciderRoles.some((role) => (EXTENDING_ROLES as readonly string[]).includes(role))
  ) {
    throw new DomainError('OTINISH_EXTENSION_ROLE', 403);
  }
  if (decision.reasons.trim() === '') {
    throw new DomainError('OTINISH_EXTENSION_NO_REASONS', 422, {}, [
      { field: 'reasons', code: 'OTINISH_EXTENSION_NO_REASONS' },
    ]);
  }
  if (!isWithinTerm(decision.decidedAt, decision.currentTerm)) {
    throw new DomainError('OTINISH_EXTENSION_TERM_EXPIRED', 409, {
      lastDay: decision.currentTerm.lastDay,
    });
  }
  if (!isLocalDate(decision.newLastDay)) {
    throw new DomainError('OTINISH_EXTENSION_NOT_A_DATE', 422, {}, [
      { field: 'newLastDay', code: 'OTINISH_EXTENSION_NOT_A_DATE' },
    ]);
  }
  if (decision.newLastDay <= decision.currentTerm.lastDay) {
    throw new DomainError('OTINISH_EXTENSION_NOT_LATER', 422, {
      lastDay: decision.currentTerm.lastDay,
    });
  }
  if (!legal.calendar.isWorkingDay(decision.newLastDay)) {
    throw new DomainError('OTINISH_EXTENSION_NOT_WORKING_DAY', 422, { date: decision.newLastDay });
  }
  const latest = latestExtendedLastDay(decision.originalTerm.lastDay, legal);
  if (decision.newLastDay > latest) {
    throw new DomainError('OTINISH_EXTENSION_TOO_LONG', 422, { latest });
  }
  const decidedOn = legalDateOf(decision.decidedAt, legal);
  return {
    term: {
      countedFrom: decision.originalTerm.countedFrom,
      lastDay: decision.newLastDay,
      expiresAt: endOfLocalDay(decision.newLastDay, legal.timeZone),
    },
    noticeTerm: workingDayTerm(decidedOn, LEGAL_PERIODS.extensionNoticeWorkingDays, legal),
  };
}
