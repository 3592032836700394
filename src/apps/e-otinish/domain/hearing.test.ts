import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/local-date.js';
import { anyDate, kz } from '../test/kz-legal-calendar.js';
import {
  earliestAdverseDecisionDate,
  hearingAllowsAdverseDecision,
  latestHearingNoticeDate,
} from './hearing.js';

describe('hearing before an adverse decision (Art. 73)', () => {
  it('leaves three whole working days between the notice and the decision', () => {
    // Notice Monday 2 March 2026: Tuesday, Wednesday, Thursday in between; decision from Friday.
    expect(earliestAdverseDecisionDate('2026-03-02', kz)).toBe('2026-03-06');
    expect(hearingAllowsAdverseDecision('2026-03-02', '2026-03-05', kz)).toBe(false);
    expect(hearingAllowsAdverseDecision('2026-03-02', '2026-03-06', kz)).toBe(true);
    // Notice Friday 20 March: Nauryz and its moved days (23–25 March) do not count.
    expect(earliestAdverseDecisionDate('2026-03-20', kz)).toBe('2026-03-31');
    expect(hearingAllowsAdverseDecision('2026-03-20', '2026-03-30', kz)).toBe(false);
    // Notice Tuesday 15 December: 16 December is off, so 17, 18 and 21 December in between.
    expect(earliestAdverseDecisionDate('2026-12-15', kz)).toBe('2026-12-22');
    // A decision before or on the notice day is never allowed.
    expect(hearingAllowsAdverseDecision('2026-03-02', '2026-03-02', kz)).toBe(false);
    expect(hearingAllowsAdverseDecision('2026-03-02', '2026-02-20', kz)).toBe(false);
  });

  it('names the latest notice day for a planned decision date', () => {
    // To decide on Wednesday 15 April 2026: 14, 13, 10 April in between, notice by 9 April.
    expect(latestHearingNoticeDate('2026-04-15', kz)).toBe('2026-04-09');
    // To decide on Monday 4 May: 30, 29, 28 April (1 May is off), notice by 27 April.
    expect(latestHearingNoticeDate('2026-05-04', kz)).toBe('2026-04-27');
  });

  it('allows exactly the working days from the earliest date on', () => {
    fc.assert(
      fc.property(anyDate(), fc.integer({ min: 0, max: 30 }), (notice, after) => {
        const earliest = earliestAdverseDecisionDate(notice, kz);
        expect(kz.calendar.isWorkingDay(earliest)).toBe(true);
        const between = kz.calendar.workingDaysBetween(notice, addDays(earliest, -1));
        expect(between).toBe(3);
        const decision = addDays(notice, after);
        if (kz.calendar.isWorkingDay(decision)) {
          expect(hearingAllowsAdverseDecision(notice, decision, kz)).toBe(decision >= earliest);
        }
      }),
    );
  });

  it('gives a latest notice day that allows the decision, and a day later that does not', () => {
    fc.assert(
      fc.property(anyDate(), (decision) => {
        const latest = latestHearingNoticeDate(decision, kz);
        expect(hearingAllowsAdverseDecision(latest, decision, kz)).toBe(true);
        expect(hearingAllowsAdverseDecision(addDays(latest, 1), decision, kz)).toBe(false);
      }),
    );
  });
});
