import { addDays, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { LegalCalendar } from './legal-calendar.js';
import { LEGAL_PERIODS } from './legal-periods.js';

/*
 * Art. 73 APPC, hearing: before an act that is adverse to the applicant (a refusal, a partial
 * refusal), the body tells the applicant what it intends and lets them comment, at least 3
 * working days before the decision.
 *
 * Where the Code is silent, the reading that protects the applicant: the notice day and the
 * decision day are both left out, and three whole working days lie strictly between them, so the
 * applicant has three full working days to answer. Notice sent on Monday 2 March 2026 allows an
 * adverse decision from Friday 6 March (Tuesday, Wednesday, Thursday in between), not Thursday.
 */

/** Working days strictly between the notice day and the decision day. */
const workingDaysBetweenExclusive = (
  noticeSentOn: LocalDate,
  decisionDate: LocalDate,
  legal: LegalCalendar,
): number => legal.calendar.workingDaysBetween(noticeSentOn, addDays(decisionDate, -1));

/** May an adverse decision be dated `decisionDate` when the hearing notice was sent on `noticeSentOn`? */
export const hearingAllowsAdverseDecision = (
  noticeSentOn: LocalDate,
  decisionDate: LocalDate,
  legal: LegalCalendar,
): boolean =>
  decisionDate > noticeSentOn &&
  workingDaysBetweenExclusive(noticeSentOn, decisionDate, legal) >=
    LEGAL_PERIODS.hearingNoticeWorkingDays;

/**
 * The earliest working day an adverse decision may be dated after a notice sent on
 * `noticeSentOn`: the working day after the third whole working day. (A day off after the third
 * day would also be allowed, but bodies decide on working days.)
 */
export const earliestAdverseDecisionDate = (
  noticeSentOn: LocalDate,
  legal: LegalCalendar,
): LocalDate =>
  legal.calendar.addWorkingDays(noticeSentOn, LEGAL_PERIODS.hearingNoticeWorkingDays + 1);

/**
 * The latest day a hearing notice may be sent so that an adverse decision may be dated
 * `decisionDate` (for an officer planning to decide on the last day of the term): the day before
 * the third working day counted back from the day before the decision.
 */
export function latestHearingNoticeDate(decisionDate: LocalDate, legal: LegalCalendar): LocalDate {
  let day = decisionDate;
  let counted = 0;
  while (counted < LEGAL_PERIODS.hearingNoticeWorkingDays) {
    day = addDays(day, -1);
    if (legal.calendar.isWorkingDay(day)) counted += 1;
  }
  return addDays(day, -1);
}
