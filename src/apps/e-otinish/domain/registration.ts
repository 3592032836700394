import { issueCoupon, type Coupon } from './coupon.js';
import { considerationOf, type AppealReports, type Consideration } from './anonymous-appeals.js';
import { decisionTerm } from './decision-term.js';
import { forwardingTerm } from './forwarding.js';
import type { LegalCalendar, LegalTerm } from './legal-calendar.js';
import { registrationDayOf, type RegistrationDay } from './registration-day.js';

/** What the service stores and tells the applicant when an appeal arrives. */
export interface AppealRegistration extends RegistrationDay {
  coupon: Coupon;
  consideration: Consideration;
  /** Art. 76: the term to decide; absent for an appeal that is not considered. */
  decisionTerm?: LegalTerm;
  /** Art. 65: the term to forward it if it is outside the body's competence. */
  forwardingTerm: LegalTerm;
}

/**
 * Registers an appeal. Intake never refuses (issue 4; the APPC makes registration compulsory):
 * every appeal, anonymous or not, gets a coupon, and this function has no failure outcome other
 * than a caller's programming error (a bad body code or sequence, a RangeError). Whether the
 * appeal is then considered, and by when it must be decided, is part of the answer.
 */
export function registerAppeal(
  input: { bodyCode: string; sequence: number; receivedAt: Date; reports: AppealReports },
  legal: LegalCalendar,
): AppealRegistration {
  const day = registrationDayOf(input.receivedAt, legal);
  const consideration = considerationOf(input.reports);
  return {
    ...day,
    coupon: issueCoupon({
      bodyCode: input.bodyCode,
      sequence: input.sequence,
      receivedAt: input.receivedAt,
      registrationDate: day.registrationDate,
    }),
    consideration,
    ...(consideration.considered
      ? { decisionTerm: decisionTerm(day.registrationDate, legal) }
      : {}),
    forwardingTerm: forwardingTerm(day.registrationDate, legal),
  };
}
