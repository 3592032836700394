import type { Locale } from '../platform/i18n/locales.js';

export type CountryId = 'kz' | 'kg' | 'uz' | 'tj';

/** Outcome of checking an identifier: either valid, or the stable error code that says why not. */
export type IdentifierCheck = { valid: true } | { valid: false; code: string };

/** The national identifier format for people or for organisations in one country. */
export interface IdentifierFormat {
  /** Short name shown beside the field, e.g. IIN, BIN, PIN, PINFL, INN. */
  label: string;
  /** Digits expected (for the input's inputmode and maxlength). */
  length: number;
  check(value: string): IdentifierCheck;
}

/** A public holiday rule for one year; see src/platform/calendar for how the days are combined. */
export interface HolidayCalendar {
  /** Days off in the given year (YYYY-MM-DD), including days moved off a weekend and transfers. */
  daysOff(year: number): Set<string>;
  /** Working Saturdays or Sundays the government declared in the given year (YYYY-MM-DD). */
  extraWorkingDays(year: number): Set<string>;
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that are weekends. */
  weekend: number[];
}

/** Everything the platform needs to know about the country a deployment serves. */
export interface CountryProfile {
  id: CountryId;
  names: Record<Locale, string>;
  /** ISO 4217 code. */
  currency: string;
  /** IANA time zone that legal deadlines are counted in. */
  timeZone: string;
  personId: IdentifierFormat;
  organisationId: IdentifierFormat;
  calendar: HolidayCalendar;
}
