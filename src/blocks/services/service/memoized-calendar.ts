import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';

/** Most answers kept; past that the memory starts afresh (a day's intake asks about a few days). */
const MAX_ENTRIES = 10_000;

/**
 * The deployment's working calendar with its answers remembered: every question is a pure
 * function of its dates (the calendar is fixed when the platform starts), and intake asks the
 * same ones again and again (each appeal of a day runs the same 15 working days from the same
 * registration day), which showed as a fifth of intake's CPU in its profile.
 */
export function memoizedCalendar(calendar: WorkingCalendar): WorkingCalendar {
  const answers = new Map<string, unknown>();
  const remember = <T>(key: string, answer: () => T): T => {
    if (answers.has(key)) return answers.get(key) as T;
    const value = answer();
    if (answers.size >= MAX_ENTRIES) answers.clear();
    answers.set(key, value);
    return value;
  };
  return {
    isWorkingDay: (date) => remember(`w${date}`, () => calendar.isWorkingDay(date)),
    addWorkingDays: (date, n) => remember(`a${date} ${n}`, () => calendar.addWorkingDays(date, n)),
    workingDaysBetween: (from, to) =>
      remember(`b${from} ${to}`, () => calendar.workingDaysBetween(from, to)),
    firstWorkingDayFrom: (date) => remember(`f${date}`, () => calendar.firstWorkingDayFrom(date)),
  };
}
