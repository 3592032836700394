/**
 * Calendar dates without a time of day or a time zone, written `YYYY-MM-DD`.
 *
 * Legal deadlines are counted in days of the country's calendar, not in instants: a day begins
 * and ends at local midnight in the country's time zone. Everything here works on the date alone,
 * through day numbers counted from 1970-01-01, so nothing depends on the time zone of the machine
 * the platform runs on. Turn an instant into a date once, with `localDate(instant, timeZone)`.
 */
export type LocalDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a real calendar date, or undefined for anything else (`2026-02-30`, `26-1-1`). */
export function parseLocalDate(value: string): DateParts | undefined {
  const match = SHAPE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export const isLocalDate = (value: unknown): value is LocalDate =>
  typeof value === 'string' && parseLocalDate(value) !== undefined;

/** Throws a RangeError naming the value when it is not a real `YYYY-MM-DD` date. */
export function assertLocalDate(value: string): DateParts {
  const parts = parseLocalDate(value);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parts;
}

/** Days since 1970-01-01 (negative before it). */
export function dayNumber(date: LocalDate): number {
  const { year, month, day } = assertLocalDate(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

export function fromDayNumber(days: number): LocalDate {
  const utc = new Date(days * MS_PER_DAY);
  const year = String(utc.getUTCFullYear()).padStart(4, '0');
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export const addDays = (date: LocalDate, days: number): LocalDate =>
  fromDayNumber(dayNumber(date) + days);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export const yearOf = (date: LocalDate): number => assertLocalDate(date).year;

export const makeLocalDate = (year: number, month: number, day: number): LocalDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds in a quarter hour: every time zone's offset is a whole number of them today. */
const QUARTER_HOUR = 15 * 60_000;

/** Per time zone, the last quarter hour asked about and its date (the hot path asks "now"). */
const lastQuarter = new Map<string, { quarter: number; date: LocalDate }>();

/**
 * The calendar date an instant falls on in an IANA time zone, e.g. the Kazakhstan date of the
 * moment an appeal was registered: 2026-03-20T20:30:00Z is already 2026-03-21 in Asia/Almaty.
 *
 * Formatting with Intl is dear on a hot path, and a local midnight falls on a whole quarter hour
 * of UTC in every zone whose offset is a whole number of quarter hours; so the date of the last
 * quarter hour asked about is remembered per zone, and only when both ends of that quarter hour
 * are checked to fall on the same date (which also covers any zone or era where they do not).
 */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid instant');
  const quarter = Math.floor(time / QUARTER_HOUR);
  const known = lastQuarter.get(timeZone);
  if (known?.quarter === quarter) return known.date;
  const date = formatLocalDate(instant, timeZone);
  const first = formatLocalDate(new Date(quarter * QUARTER_HOUR), timeZone);
  const last = formatLocalDate(new Date((quarter + 1) * QUARTER_HOUR - 1), timeZone);
  if (first === date && last === date) lastQuarter.set(timeZone, { quarter, date });
  return date;
}

function formatLocalDate(instant: Date, timeZone: string): LocalDate {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA with numeric parts, read part by part so no locale's punctuation matters.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return makeLocalDate(Number(parts.year), Number(parts.month), Number(parts.day));
}
