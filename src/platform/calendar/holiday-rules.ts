import type { HolidayCalendar } from '../../countries/country-profile.js';
import type { CalendarAdjustment } from './adjustment.js';
import { addDays, isoWeekday, makeLocalDate, yearOf, type LocalDate } from './local-date.js';

/** A public holiday on the same date every year, within the years the law had it. */
export interface FixedHoliday {
  /** A stable id for tests and logs, e.g. `nauryz`; never shown to users. */
  id: string;
  month: number;
  day: number;
  /** Religious holidays keep their date: in Kazakhstan no day off moves when they meet a weekend. */
  religious?: boolean;
  /** First year the law made it a day off (inclusive). */
  from?: number;
  /** Last year it was a day off (inclusive). */
  until?: number;
}

export interface Holiday {
  id: string;
  date: LocalDate;
  religious: boolean;
}

/** How a country turns its public holidays into days off. */
export interface HolidayRules {
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are days of rest. */
  weekend: number[];
  fixed: FixedHoliday[];
  /** Holidays with a different date each year (the Eids), for one year. */
  movable(year: number): Holiday[];
  /**
   * Which holidays that fall on a day of rest give a day off on the next working day instead:
   * `secular` (Kazakhstan: all but the religious ones), `all`, or `none` (Kyrgyzstan since 2025).
   */
  moveOffWeekend: 'secular' | 'all' | 'none';
  /** Transfers and other one-off days the government decided, with their basis. */
  adjustments: readonly CalendarAdjustment[];
}

/** The public holidays of one year in date order (the dates themselves, before any move). */
export function holidaysOf(rules: HolidayRules, year: number): Holiday[] {
  const fixed = rules.fixed
    .filter((h) => (h.from ?? -Infinity) <= year && year <= (h.until ?? Infinity))
    .map((h) => ({
      id: h.id,
      date: makeLocalDate(year, h.month, h.day),
      religious: h.religious ?? false,
    }));
  return [...fixed, ...rules.movable(year)].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The days off that holidays of `year` give: each holiday, plus, for a holiday on a day of rest
 * that the rule moves, the first day after it that is neither a day of rest nor a holiday nor
 * already given for an earlier holiday (2026, Kazakhstan: Nauryz 21–23 March falls on Saturday,
 * Sunday and Monday, so 24 and 25 March are days off too). A moved day may land in January of
 * the next year.
 */
function daysOffFromHolidays(rules: HolidayRules, year: number): Set<LocalDate> {
  const holidays = holidaysOf(rules, year);
  const holidayDates = new Set(holidays.map((h) => h.date));
  // Holidays early in the next year block a moved day just as well.
  for (const h of holidaysOf(rules, year + 1)) holidayDates.add(h.date);
  const isRest = (date: LocalDate) => rules.weekend.includes(isoWeekday(date));
  const off = new Set(holidays.map((h) => h.date));
  for (const holiday of holidays) {
    if (!isRest(holiday.date)) continue;
    if (rules.moveOffWeekend === 'none') continue;
    if (rules.moveOffWeekend === 'secular' && holiday.religious) continue;
    let candidate = addDays(holiday.date, 1);
    while (isRest(candidate) || holidayDates.has(candidate) || off.has(candidate)) {
      candidate = addDays(candidate, 1);
    }
    off.add(candidate);
  }
  return off;
}

/**
 * A country's HolidayCalendar from its rules: the days off of a year are its holidays, the days
 * moved off a weekend (including those moved into it from the previous December) and the
 * government's day-off adjustments, minus the days the government made working days.
 */
export function holidayCalendar(rules: HolidayRules): HolidayCalendar {
  const cache = new Map<number, { off: Set<LocalDate>; working: Set<LocalDate> }>();
  const compute = (year: number) => {
    let entry = cache.get(year);
    if (entry) return entry;
    const off = new Set<LocalDate>();
    for (const date of [
      ...daysOffFromHolidays(rules, year - 1),
      ...daysOffFromHolidays(rules, year),
    ]) {
      if (yearOf(date) === year) off.add(date);
    }
    const working = new Set<LocalDate>();
    for (const adjustment of rules.adjustments) {
      if (yearOf(adjustment.date) !== year) continue;
      if (adjustment.kind === 'day-off') off.add(adjustment.date);
    }
    for (const adjustment of rules.adjustments) {
      if (yearOf(adjustment.date) !== year) continue;
      if (adjustment.kind === 'working-day') {
        off.delete(adjustment.date);
        working.add(adjustment.date);
      }
    }
    entry = { off, working };
    cache.set(year, entry);
    return entry;
  };
  return {
    weekend: [...rules.weekend],
    daysOff: (year) => new Set(compute(year).off),
    extraWorkingDays: (year) => new Set(compute(year).working),
  };
}
