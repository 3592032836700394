import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import { addDays, type LocalDate } from '../../../platform/calendar/local-date.js';

/** The sanction ladder of issue 6, in calendar months. */
export const SANCTION_RULES = {
  /** Two revoked registrations within this many months trigger a restriction. */
  windowMonths: 12,
  /** How long the architect may not self-certify. */
  restrictionMonths: 12,
  /** The probation after the restriction, during which every filing is audited. */
  probationMonths: 6,
} as const;

/** One application of the ladder: a restriction followed by a probation. */
export interface Sanction {
  /** The date of the revocation that completed the pair. */
  triggeredOn: LocalDate;
  /** The two revocations (dates) that triggered it. */
  revocations: [LocalDate, LocalDate];
  /** First and last day without self-certification rights. */
  restrictedFrom: LocalDate;
  restrictedTo: LocalDate;
  /** First and last day of probation (every filing audited). */
  probationFrom: LocalDate;
  probationTo: LocalDate;
}

export type Standing =
  | { standing: 'good' }
  | { standing: 'restricted'; until: LocalDate; sanction: Sanction }
  | { standing: 'probation'; until: LocalDate; sanction: Sanction };

/**
 * The sanctions an architect's revocations (inspectors' decisions revoking a registration, by
 * date) have triggered. Read in date order: a revocation that has another one no more than 12
 * months before it (the 12-month period counted as the Civil Code counts months, both ends
 * included) completes a pair; the architect then may not self-certify for a year from that day,
 * then is on probation for six months. The two revocations of a pair are spent: a third
 * revocation starts a new count, so revocations on 1 March, 1 April and 1 May trigger one
 * sanction (on 1 April), and a fourth within 12 months of the third triggers the next. A new
 * sanction during a restriction or probation starts its own year from its own day.
 */
export function sanctionsOf(revocations: readonly LocalDate[]): Sanction[] {
  const sorted = [...revocations].sort();
  const sanctions: Sanction[] = [];
  let pending: LocalDate | undefined;
  for (const day of sorted) {
    if (pending !== undefined && pending >= addCalendarMonths(day, -SANCTION_RULES.windowMonths)) {
      sanctions.push(sanctionFrom(pending, day));
      pending = undefined;
    } else {
      pending = day;
    }
  }
  return sanctions;
}

function sanctionFrom(first: LocalDate, second: LocalDate): Sanction {
  const restrictionEnd = addCalendarMonths(second, SANCTION_RULES.restrictionMonths);
  return {
    triggeredOn: second,
    revocations: [first, second],
    restrictedFrom: second,
    restrictedTo: addDays(restrictionEnd, -1),
    probationFrom: restrictionEnd,
    probationTo: addDays(
      addCalendarMonths(second, SANCTION_RULES.restrictionMonths + SANCTION_RULES.probationMonths),
      -1,
    ),
  };
}

/**
 * An architect's standing on `day`: restricted while any sanction's restriction covers the day
 * (the latest-ending one named), else on probation while any probation covers it, else good.
 */
export function standingOn(revocations: readonly LocalDate[], day: LocalDate): Standing {
  const sanctions = sanctionsOf(revocations).filter((s) => s.triggeredOn <= day);
  const restricting = sanctions
    .filter((s) => s.restrictedFrom <= day && day <= s.restrictedTo)
    .sort((a, b) => (a.restrictedTo < b.restrictedTo ? 1 : -1))[0];
  if (restricting) {
    return { standing: 'restricted', until: restricting.restrictedTo, sanction: restricting };
  }
  const probation = sanctions
    .filter((s) => s.probationFrom <= day && day <= s.probationTo)
    .sort((a, b) => (a.probationTo < b.probationTo ? 1 : -1))[0];
  if (probation)
    return { standing: 'probation', until: probation.probationTo, sanction: probation };
  return { standing: 'good' };
}
