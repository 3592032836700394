import { assertLocalDate, makeLocalDate, type LocalDate } from './local-date.js';

/**
 * The last day of a term of `months` calendar months counted from `date`, by the rule the Civil
 * Code and the Administrative Procedural and Process Code share (calculation of terms): the
 * same-numbered day of the last month, or that month's last day when it has no such day
 * (31 August + 6 months = 28 or 29 February). Terms in years are terms of 12n months. A negative
 * count goes back the same way. A day off at the end is the caller's rule, not this one's.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`Whole months only: ${months}`);
  const { year, month, day } = assertLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return makeLocalDate(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}
