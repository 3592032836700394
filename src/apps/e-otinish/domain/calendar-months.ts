import {
  assertLocalDate,
  makeLocalDate,
  type LocalDate,
} from '../../../platform/calendar/local-date.js';

/**
 * The same day `months` calendar months later; when the later month is shorter, its last day
 * (31 December + 2 months = 28 or 29 February). That is how a period counted in months ends
 * under the APPC and the Civil Code: on the same-numbered day of the last month, or on that
 * month's last day when it has no such day.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months) || months < 0) {
    throw new RangeError(`addCalendarMonths needs a whole number ≥ 0, got ${months}`);
  }
  const { year, month, day } = assertLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(2000, targetMonth, 0)).getUTCDate();
  const daysInTarget = targetMonth === 2 ? februaryDays(targetYear) : lastDay;
  return makeLocalDate(targetYear, targetMonth, Math.min(day, daysInTarget));
}

const februaryDays = (year: number): number =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
