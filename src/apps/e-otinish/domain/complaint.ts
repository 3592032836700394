import { DomainError } from '../../../platform/errors.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import { isWithinTerm, legalDateOf, type LegalCalendar, type LegalTerm } from './legal-calendar.js';
import { LEGAL_PERIODS } from './legal-periods.js';
import { endOfLocalDay } from '../../../platform/calendar/local-day-bounds.js';

/**
 * Art. 92 APPC: a complaint is filed within 3 months of the decision, or of the deemed refusal
 * (Art. 91(2)). The period counts from the day after the contested event, in calendar months
 * (its last day is the same-numbered day 3 months on, or the month's last day), and a last day
 * off moves to the next working day. The decision's own date starts it, not the date the
 * applicant read it: the platform delivers the answer the moment it is decided.
 */
export function complaintWindow(contestedAt: Date, legal: LegalCalendar): LegalTerm {
  const countedFrom = legalDateOf(contestedAt, legal);
  const lastDay = legal.calendar.firstWorkingDayFrom(
    addCalendarMonths(countedFrom, LEGAL_PERIODS.complaintMonths),
  );
  return { countedFrom, lastDay, expiresAt: endOfLocalDay(lastDay, legal.timeZone) };
}

export type ComplaintAdmission =
  { admitted: true; late: false } | { admitted: true; late: true; restorationReason: string };

/**
 * May a complaint filed at `filedAt` be accepted? Outcomes:
 * - within the window: admitted;
 * - after it, with a restoration reason: admitted as late, with the reason (Art. 92: a missed
 *   period may be restored for a valid reason; whether the reason is valid is for the body that
 *   hears the complaint to decide, so the platform accepts the filing and records the reason);
 * - after it with no reason: DomainError OTINISH_COMPLAINT_WINDOW_CLOSED (422, params.lastDay),
 *   whose field problem asks for the restoration reason.
 */
export function admitComplaint(input: {
  window: LegalTerm;
  filedAt: Date;
  restorationReason?: string;
}): ComplaintAdmission {
  if (isWithinTerm(input.filedAt, input.window)) return { admitted: true, late: false };
  const reason = input.restorationReason?.trim() ?? '';
  if (reason === '') {
    throw new DomainError(
      'OTINISH_COMPLAINT_WINDOW_CLOSED',
      422,
      { lastDay: input.window.lastDay },
      [{ field: 'restorationReason', code: 'OTINISH_COMPLAINT_RESTORATION_REASON_NEEDED' }],
    );
  }
  return { admitted: true, late: true, restorationReason: reason };
}

/** Why the applicant complains; each is the id of the grounds text in the message catalogue. */
export const COMPLAINT_GROUNDS = {
  'deemed-refusal': 'otinish.complaint.grounds.deemedRefusal',
  'disputed-answer': 'otinish.complaint.grounds.disputedAnswer',
} as const;
export type ComplaintGrounds = keyof typeof COMPLAINT_GROUNDS;

/** A complaint ready for the applicant to file in one step: pure data, rendered by the views. */
export interface ComplaintDraft {
  /** The agency code of the higher body the complaint goes to. */
  addresseeBodyCode: string;
  /** The coupon number of the appeal complained about. */
  appealReference: string;
  grounds: ComplaintGrounds;
  /** Message id of the grounds text, in the applicant's language when rendered. */
  groundsText: (typeof COMPLAINT_GROUNDS)[ComplaintGrounds];
  /** The local date of the decision or deemed refusal complained about. */
  contestedOn: string;
  /** Until when it may be filed without a restoration reason. */
  window: LegalTerm;
}

/**
 * Drafts the complaint to the higher body (Art. 91: a complaint about an administrative act, or
 * about the failure to act, goes to the higher body). For a deemed refusal the platform offers
 * it as soon as the term passes; for a poor rating (rating.ts) against the answer. Outcomes: the
 * draft, or DomainError OTINISH_NO_HIGHER_BODY (409) when the body has none on record (the
 * identity block's agency parent), because then the complaint would go to court, which this app
 * does not file.
 */
export function draftComplaint(
  input: {
    appealReference: string;
    higherBodyCode: string | undefined;
    grounds: ComplaintGrounds;
    contestedAt: Date;
  },
  legal: LegalCalendar,
): ComplaintDraft {
  if (!input.higherBodyCode) throw new DomainError('OTINISH_NO_HIGHER_BODY', 409);
  const window = complaintWindow(input.contestedAt, legal);
  return {
    addresseeBodyCode: input.higherBodyCode,
    appealReference: input.appealReference,
    grounds: input.grounds,
    groundsText: COMPLAINT_GROUNDS[input.grounds],
    contestedOn: window.countedFrom,
    window,
  };
}
