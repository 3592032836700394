import { kazakhstan } from '../../../countries/kz/index.js';
import { createDeploymentCalendar } from '../../../platform/calendar/deployment-calendar.js';
import { dayNumber, fromDayNumber, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { LegalCalendar } from '../domain/legal-calendar.js';
import fc from 'fast-check';

/**
 * The real Kazakhstan calendar the deployment counts with (country holidays and transfers, no
 * operator file), in the country profile's time zone: what the property tests check the clock
 * rules against.
 */
export const kz: LegalCalendar = {
  calendar: createDeploymentCalendar(kazakhstan, ''),
  timeZone: kazakhstan.timeZone,
};

/** Dates 2020–2035, the years the KZ holiday table covers with announced or predicted Eids. */
export const anyDate = (): fc.Arbitrary<LocalDate> =>
  fc
    .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-06-30') })
    .map((n) => fromDayNumber(n));

/** Instants over the same years. */
export const anyInstant = (): fc.Arbitrary<Date> =>
  fc
    .integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-06-30T00:00:00Z') })
    .map((ms) => new Date(ms));

/** The instant of a wall-clock time in Almaty (UTC+5 all year since March 2024). */
export const almaty = (date: LocalDate, time = '12:00'): Date =>
  new Date(`${date}T${time}:00+05:00`);
