import type { LocalDate } from './local-date.js';

/**
 * One day whose status a government act (or a religious authority's announcement) set apart from
 * the rules: a Saturday made a working day, a weekday made a day off, the first day of a
 * religious holiday announced on another date than the table predicted.
 *
 * A "transfer of a day of rest" (перенос дня отдыха) is two adjustments with the same basis: the
 * day that becomes a working day and the day that becomes a day off.
 */
export interface CalendarAdjustment {
  date: LocalDate;
  kind: 'day-off' | 'working-day';
  /** The act that decided it, for the operator and the auditor (e.g. an order's number and date). */
  basis: string;
}

/** Both halves of a transfer: `workingDay` is worked, `dayOff` is rested instead. */
export const transfer = (
  workingDay: LocalDate,
  dayOff: LocalDate,
  basis: string,
): CalendarAdjustment[] => [
  { date: workingDay, kind: 'working-day', basis },
  { date: dayOff, kind: 'day-off', basis },
];
