import {
  assertLocalDate,
  makeLocalDate,
  type LocalDate,
} from '../../../platform/calendar/local-date.js';

/**
 * The date n calendar months after `date`, by the Civil Code's rule for terms counted in months
 * (Chapter 6, calculation of terms): a term in months ends on the same-numbered day of the last
 * month; when that month has no such day (31 August + 6 months), on its last day. Terms in years
 * are terms of 12n months. The result is the last day of the term, inclusive.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`Whole months only: ${months}`);
  const { year, month, day } = assertLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return makeLocalDate(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
}

export function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}
