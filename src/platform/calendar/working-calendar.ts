import type { HolidayCalendar } from '../../countries/country-profile.js';
import type { CalendarAdjustment } from './adjustment.js';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  isoWeekday,
  yearOf,
  type LocalDate,
} from './local-date.js';

/*
 * Conventions, following the rule of Kazakhstan's Administrative Procedural and Process Code for
 * periods (a period counted in days runs from the day after the event that starts it; one that
 * would end on a day off ends on the next working day):
 *
 * - `addWorkingDays(d, n)`, n ≥ 1: the n-th working day strictly after d. The day d itself is
 *   never counted, whether or not it is a working day, so an appeal registered on Friday with 15
 *   working days to answer is due on the 15th working day after that Friday. The result is
 *   always a working day.
 * - `addWorkingDays(d, 0)` is d itself, even on a day off: adding nothing changes nothing. To roll
 *   a date forward onto a working day use `firstWorkingDayFrom(d)`.
 * - `workingDaysBetween(from, to)`: the working days d with from < d ≤ to, the same half-open
 *   count, so `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n ≥ 0. When to is
 *   before from the answer is negative: `-workingDaysBetween(to, from)` (a deadline overdue by 2
 *   working days gives -2).
 * - A date is a working day when the government made it one, else when it is neither a weekend
 *   day nor a day off of the country's holiday calendar. The operator's adjustments
 *   (CALENDAR_TRANSFERS_FILE) overrule both.
 */

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** d when it is a working day, else the next working day. */
  firstWorkingDayFrom(date: LocalDate): LocalDate;
}

/** No calendar has a year without working days; a longer run means the data is broken. */
const MAX_DAYS_OFF_IN_A_ROW = 366;

/**
 * A working calendar for a country's holidays plus the operator's adjustments. Each year's days
 * off are computed once and kept.
 */
export function createWorkingCalendar(
  holidays: HolidayCalendar,
  adjustments: readonly CalendarAdjustment[] = [],
): WorkingCalendar {
  const years = new Map<number, { off: Set<LocalDate>; working: Set<LocalDate> }>();
  const yearSets = (year: number) => {
    let sets = years.get(year);
    if (!sets) {
      const off = holidays.daysOff(year);
      const working = holidays.extraWorkingDays(year);
      for (const adjustment of adjustments) {
        if (yearOf(adjustment.date) !== year) continue;
        if (adjustment.kind === 'day-off') {
          off.add(adjustment.date);
          working.delete(adjustment.date);
        } else {
          working.add(adjustment.date);
          off.delete(adjustment.date);
        }
      }
      sets = { off, working };
      years.set(year, sets);
    }
    return sets;
  };

  const isWorkingDay = (date: LocalDate): boolean => {
    const { off, working } = yearSets(yearOf(date));
    if (working.has(date)) return true;
    return !holidays.weekend.includes(isoWeekday(date)) && !off.has(date);
  };

  const nextWorkingDay = (date: LocalDate): LocalDate => {
    let candidate = addDays(date, 1);
    for (let i = 0; !isWorkingDay(candidate); i += 1) {
      if (i > MAX_DAYS_OFF_IN_A_ROW) {
        throw new Error(`No working day within a year after ${date}: the calendar data is broken`);
      }
      candidate = addDays(candidate, 1);
    }
    return candidate;
  };

  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`addWorkingDays needs a whole number ≥ 0, got ${n}`);
    }
    let current = date;
    dayNumber(date); // validates the date even when n is 0
    for (let i = 0; i < n; i += 1) current = nextWorkingDay(current);
    return current;
  };

  const countAfter = (from: LocalDate, to: LocalDate): number => {
    let count = 0;
    for (let day = dayNumber(from) + 1, end = dayNumber(to); day <= end; day += 1) {
      if (isWorkingDay(fromDayNumber(day))) count += 1;
    }
    return count;
  };

  return {
    isWorkingDay: (date) => {
      dayNumber(date);
      return isWorkingDay(date);
    },
    addWorkingDays,
    workingDaysBetween: (from, to) =>
      dayNumber(to) >= dayNumber(from) ? countAfter(from, to) : 0 - countAfter(to, from),
    firstWorkingDayFrom: (date) => (isWorkingDay(date) ? date : nextWorkingDay(date)),
  };
}

/** Is `date` a working day? (See the conventions at the top of this file.) */
export const isWorkingDay = (date: LocalDate, calendar: WorkingCalendar): boolean =>
  calendar.isWorkingDay(date);

/** The n-th working day after `date`, the day itself not counted; `date` when n is 0. */
export const addWorkingDays = (date: LocalDate, n: number, calendar: WorkingCalendar): LocalDate =>
  calendar.addWorkingDays(date, n);

/** Working days d with from < d ≤ to; negative when to is before from. */
export const workingDaysBetween = (
  from: LocalDate,
  to: LocalDate,
  calendar: WorkingCalendar,
): number => calendar.workingDaysBetween(from, to);
