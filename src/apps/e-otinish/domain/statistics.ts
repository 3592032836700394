import type { LocalDate } from '../../../platform/calendar/local-date.js';
import { legalDateOf, type LegalCalendar, type LegalTerm } from './legal-calendar.js';

/** What the public statistics need of one appeal (read from its derived state). */
export interface AppealSummary {
  agencyCode: string;
  region: string;
  registrationDate: LocalDate;
  /** The decision term in force (after extensions); absent when the appeal is not considered. */
  term?: LegalTerm;
  /** At least one extension was decided. */
  extended: boolean;
  /** Forwarded to the competent body: its clock runs there, so it is neither on time nor overdue here. */
  forwarded: boolean;
  decidedAt?: Date;
}

export interface AppealStatistics {
  /** The agency code or the region, by what was asked. */
  key: string;
  received: number;
  /** Decided before the term in force expired. */
  decidedOnTime: number;
  /** The term passed without an on-time decision: decided late, or still undecided past it. */
  overdue: number;
  extended: number;
  forwarded: number;
  /**
   * Mean working days from registration to decision over the decided appeals, to one decimal
   * (working days because the law counts in them, so 15 is the limit whatever the holidays);
   * null when none is decided.
   */
  averageDays: number | null;
}

/**
 * Public statistics per agency or per region as of `now`: a pure aggregation over summaries, rows
 * in key order. An appeal not considered (anonymous) counts as received only.
 */
export function appealStatistics(
  summaries: readonly AppealSummary[],
  by: 'agency' | 'region',
  now: Date,
  legal: LegalCalendar,
): AppealStatistics[] {
  const rows = new Map<string, AppealStatistics & { daysTotal: number; decided: number }>();
  for (const appeal of summaries) {
    const key = by === 'agency' ? appeal.agencyCode : appeal.region;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        received: 0,
        decidedOnTime: 0,
        overdue: 0,
        extended: 0,
        forwarded: 0,
        averageDays: null,
        daysTotal: 0,
        decided: 0,
      };
      rows.set(key, row);
    }
    row.received += 1;
    if (appeal.extended) row.extended += 1;
    if (appeal.forwarded) {
      row.forwarded += 1;
      continue;
    }
    if (!appeal.term) continue;
    const decided = appeal.decidedAt && appeal.decidedAt.getTime() <= now.getTime();
    const expiry = appeal.term.expiresAt.getTime();
    if (decided) {
      row.decided += 1;
      row.daysTotal += legal.calendar.workingDaysBetween(
        appeal.registrationDate,
        legalDateOf(appeal.decidedAt!, legal),
      );
      if (appeal.decidedAt!.getTime() < expiry) row.decidedOnTime += 1;
      else row.overdue += 1;
    } else if (now.getTime() >= expiry) {
      row.overdue += 1;
    }
  }
  return [...rows.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ daysTotal, decided, ...row }) => ({
      ...row,
      averageDays: decided === 0 ? null : Math.round((daysTotal / decided) * 10) / 10,
    }));
}
