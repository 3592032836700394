import { localDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';

/**
 * What every clock of an appeal is counted with, handed in by the service: the deployment's
 * working calendar (country holidays and transfers, see platform/calendar/deployment-calendar.ts)
 * and the country profile's time zone (Asia/Almaty for Kazakhstan). The domain never reads a
 * clock or a configuration itself.
 */
export interface LegalCalendar {
  calendar: WorkingCalendar;
  /** IANA time zone the country counts its legal days in, e.g. `Asia/Almaty`. */
  timeZone: string;
}

/**
 * A period that the law gives for an act (a decision, a forwarding, a notice, a complaint).
 *
 * The APPC counts a period from the day after the event that starts it, and a period that
 * would end on a day off ends on the next working day. An act is on time when it happens before
 * `expiresAt`, the local midnight that ends `lastDay`: the whole last day is available, to 24:00
 * local time, however the body's office hours run.
 */
export interface LegalTerm {
  /** The day of the event the period is counted from; it is not itself counted. */
  countedFrom: LocalDate;
  /** The last day on which the act is still on time; always a working day. */
  lastDay: LocalDate;
  /** The first instant after the period (local midnight at the end of `lastDay`). */
  expiresAt: Date;
}

/** Is an act done at `instant` within `term`? */
export const isWithinTerm = (instant: Date, term: LegalTerm): boolean =>
  instant.getTime() < term.expiresAt.getTime();

/** The country-local date an instant falls on: the day the law counts it on. */
export const legalDateOf = (instant: Date, legal: LegalCalendar): LocalDate =>
  localDate(instant, legal.timeZone);
