import { addDays, assertLocalDate, localDate, type LocalDate } from './local-date.js';

/*
 * Instants at which a local calendar day begins and ends, in an IANA time zone. Legal periods end
 * at local midnight, and the service stores instants (timestamptz): this is the one conversion
 * between the two. Intl is the only source of time-zone rules, so no library is needed; a zone
 * with daylight saving is handled too (Kazakhstan has none since 2005, but the code serves other
 * country profiles as well).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
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
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]),
  );
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  wall.setUTCHours(parts.hour!, parts.minute!, parts.second!, 0);
  return wall.getTime() - Math.floor(instant / 1000) * 1000;
}

/** Day starts already found, by zone and date: legal clocks ask for the same few days. */
const starts = new Map<string, number>();
const MAX_STARTS = 4096;

/** The first instant of `date` in `timeZone` (its local midnight, or the first moment after a gap). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  const known = starts.get(key);
  if (known !== undefined) return new Date(known);
  const start = findStartOfLocalDay(date, timeZone);
  if (starts.size >= MAX_STARTS) starts.clear();
  starts.set(key, start.getTime());
  return start;
}

function findStartOfLocalDay(date: LocalDate, timeZone: string): Date {
  const { year, month, day } = assertLocalDate(date);
  const utcMidnight = new Date(0);
  utcMidnight.setUTCFullYear(year, month - 1, day);
  const guess = utcMidnight.getTime();
  // Two rounds settle the offset even when it changes between the guess and the answer (a
  // clock change that skips midnight gives the first instant that is on the day).
  const first = guess - offsetAt(guess, timeZone);
  const start = new Date(guess - offsetAt(first, timeZone));
  if (localDate(start, timeZone) !== date) {
    throw new Error(`Cannot find the start of ${date} in ${timeZone}`);
  }
  return start;
}

/** The first instant after `date` in `timeZone`: the local midnight that ends it. */
export const endOfLocalDay = (date: LocalDate, timeZone: string): Date =>
  startOfLocalDay(addDays(date, 1), timeZone);
