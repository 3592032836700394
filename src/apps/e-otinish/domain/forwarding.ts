import type { LocalDate } from '../../../platform/calendar/local-date.js';
import { decisionTerm, workingDayTerm } from './decision-term.js';
import { isWithinTerm, type LegalCalendar, type LegalTerm } from './legal-calendar.js';
import { LEGAL_PERIODS } from './legal-periods.js';
import { registrationDayOf, type RegistrationDay } from './registration-day.js';

/**
 * Art. 65 APPC: an appeal outside the body's competence is forwarded to the competent body within
 * 3 working days of its registration, and the applicant is told. The notice is due by the same
 * last day as the forwarding itself (the law gives it no period of its own; sending it with the
 * forwarding is what a reader of "with notice" expects).
 */
export const forwardingTerm = (registrationDate: LocalDate, legal: LegalCalendar): LegalTerm =>
  workingDayTerm(registrationDate, LEGAL_PERIODS.forwardingWorkingDays, legal);

export interface ForwardingCheck {
  term: LegalTerm;
  forwardedOnTime: boolean;
  noticeOnTime: boolean;
}

/**
 * Was a forwarding (and its notice to the applicant) on time? A late forwarding is still made,
 * since the appeal must reach the competent body either way: the answer records the breach for
 * the statistics and the officer's record; it refuses nothing.
 */
export function checkForwarding(
  input: { registrationDate: LocalDate; forwardedAt: Date; noticeSentAt: Date },
  legal: LegalCalendar,
): ForwardingCheck {
  const term = forwardingTerm(input.registrationDate, legal);
  return {
    term,
    forwardedOnTime: isWithinTerm(input.forwardedAt, term),
    noticeOnTime: isWithinTerm(input.noticeSentAt, term),
  };
}

/**
 * Art. 65 APPC, at the receiving body: the forwarded appeal is registered there as any other
 * (on the day it arrives, or the next working day), and its 15 working days (Art. 76) start
 * from that registration, not from the first body's.
 */
export function registrationAtReceivingBody(
  arrivedAt: Date,
  legal: LegalCalendar,
): RegistrationDay & { decisionTerm: LegalTerm } {
  const day = registrationDayOf(arrivedAt, legal);
  return { ...day, decisionTerm: decisionTerm(day.registrationDate, legal) };
}
