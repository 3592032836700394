import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { LegalCalendar, LegalTerm } from './legal-calendar.js';
import { LEGAL_PERIODS } from './legal-periods.js';
import { endOfLocalDay } from '../../../platform/calendar/local-day-bounds.js';

/**
 * A term of `workingDays` working days counted from `from`: day 1 is the first working day after
 * `from` (the event's own day is never counted, APPC rule on counting periods), the last day is
 * the `workingDays`-th working day, and the term expires at local midnight at its end.
 */
export function workingDayTerm(
  from: LocalDate,
  workingDays: number,
  legal: LegalCalendar,
): LegalTerm {
  const lastDay = legal.calendar.addWorkingDays(from, workingDays);
  return { countedFrom: from, lastDay, expiresAt: endOfLocalDay(lastDay, legal.timeZone) };
}

/**
 * Art. 76 APPC: an appeal is decided within 15 working days of its registration. Day 1 is the
 * first working day after the registration date, so an appeal registered on Friday 20 March
 * 2026 has its 15th working day on 15 April 2026, not 10 April: Nauryz and the days moved off
 * its weekend (23–25 March) are not counted. The decision is on time until midnight Almaty time
 * at the end of that day (2026-04-15T19:00Z).
 */
export const decisionTerm = (registrationDate: LocalDate, legal: LegalCalendar): LegalTerm =>
  workingDayTerm(registrationDate, LEGAL_PERIODS.decisionWorkingDays, legal);
