import {
  addDays,
  localDate,
  parseLocalDate,
  type LocalDate,
} from '../../../platform/calendar/local-date.js';

/**
 * The instant a local calendar day begins in an IANA time zone (midnight there). Found from the
 * zone's offset at a first guess and corrected once, which is exact for every zone whose midnight
 * exists (all the platform's countries; none shifts its clocks at midnight).
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const utcMidnight = Date.UTC(parts.year, parts.month - 1, parts.day);
  let guess = utcMidnight - offsetMs(new Date(utcMidnight), timeZone);
  guess = utcMidnight - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The instant a legal deadline passes: the end of its last day, i.e. the next local midnight. */
export const deadlineInstant = (dueDate: LocalDate, timeZone: string): Date =>
  startOfLocalDay(addDays(dueDate, 1), timeZone);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const p = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Re-exported so callers turn instants into local days with the same function. */
export { localDate };
