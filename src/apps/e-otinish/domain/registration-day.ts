import { localDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { LegalCalendar } from './legal-calendar.js';

/** When an appeal received at an instant counts as registered. */
export interface RegistrationDay {
  /** The country-local date of receipt. */
  receivedOn: LocalDate;
  /** The working day it is registered on: `receivedOn`, or the next working day. */
  registrationDate: LocalDate;
}

/**
 * The registration day of an appeal received at `receivedAt` (APPC, registration of appeals: an
 * appeal is registered on the day it is received; one received on a day off is registered on
 * the next working day). The day is the country's local date: 2026-03-20T20:30Z is already
 * Saturday 21 March in Asia/Almaty, so that appeal is registered on Thursday 26 March (Nauryz
 * 21–23 March and the two days moved off the weekend, 24–25 March, are days off). An instant
 * late on a working day still registers that day: the law counts days, not office hours.
 */
export function registrationDayOf(receivedAt: Date, legal: LegalCalendar): RegistrationDay {
  const receivedOn = localDate(receivedAt, legal.timeZone);
  return { receivedOn, registrationDate: legal.calendar.firstWorkingDayFrom(receivedOn) };
}
