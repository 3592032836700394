import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, type LocalDate } from '../../../platform/calendar/local-date.js';
import { anyDate, kz } from '../test/kz-legal-calendar.js';
import { decisionTerm } from './decision-term.js';
import { endOfLocalDay } from '../../../platform/calendar/local-day-bounds.js';

/** Working days d with from < d ≤ to, counted one by one (independent of addWorkingDays). */
function countWorkingDays(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1))
    if (kz.calendar.isWorkingDay(d)) count += 1;
  return count;
}

describe('decision term (Art. 76: 15 working days)', () => {
  it.each([
    // No holiday in the window: three weeks on.
    ['2026-02-02', '2026-02-23'],
    ['2026-04-14', '2026-05-06'], // 1 May (Friday) is off
    // Nauryz (23–25 March off) inside the window pushes the end 3 working days.
    ['2026-03-20', '2026-04-15'],
    ['2026-03-02', '2026-03-27'], // 9 March (Women's Day moved off Sunday 8 March)
    // 1, 7 and 11 May (Victory Day moved off Saturday 9 May).
    ['2026-04-30', '2026-05-26'],
    ['2026-05-04', '2026-05-28'], // and Kurban Ait, Wednesday 27 May 2026
    // Independence Day 16 December and the new year's 1–2 January, 7 January.
    ['2026-12-15', '2027-01-11'],
  ])('registered on %s: the last day is %s', (registered, lastDay) => {
    const term = decisionTerm(registered, kz);
    expect(term).toEqual({
      countedFrom: registered,
      lastDay,
      expiresAt: new Date(`${addDays(lastDay, 1)}T00:00:00+05:00`),
    });
  });

  it('contains exactly 15 working days after the registration day, and ends on the 15th', () => {
    fc.assert(
      fc.property(anyDate(), (date) => {
        const registered = kz.calendar.firstWorkingDayFrom(date);
        const term = decisionTerm(registered, kz);
        expect(kz.calendar.isWorkingDay(term.lastDay)).toBe(true);
        expect(countWorkingDays(registered, term.lastDay)).toBe(15);
        expect(countWorkingDays(registered, addDays(term.lastDay, -1))).toBe(14);
        expect(term.expiresAt).toEqual(endOfLocalDay(term.lastDay, 'Asia/Almaty'));
      }),
    );
  });

  it('is pushed later by every weekday holiday inside it', () => {
    const weekday = (d: LocalDate) => isoWeekday(d) <= 5;
    fc.assert(
      fc.property(anyDate(), (date) => {
        const registered = kz.calendar.firstWorkingDayFrom(date);
        const { lastDay } = decisionTerm(registered, kz);
        // The 15th weekday after registration, as if there were no holidays at all.
        let naive = registered;
        for (let n = 0; n < 15;) {
          naive = addDays(naive, 1);
          if (weekday(naive)) n += 1;
        }
        let weekdaysOff = 0;
        let weekendsWorked = 0;
        const end = lastDay > naive ? lastDay : naive;
        for (let d = addDays(registered, 1); d <= end; d = addDays(d, 1)) {
          if (d <= naive && weekday(d) && !kz.calendar.isWorkingDay(d)) weekdaysOff += 1;
          if (!weekday(d) && kz.calendar.isWorkingDay(d)) weekendsWorked += 1;
        }
        if (weekendsWorked === 0) {
          expect(lastDay > naive).toBe(weekdaysOff > 0);
          expect(lastDay === naive).toBe(weekdaysOff === 0);
        }
      }),
    );
  });

  it('does not count the registration day itself, working day or not', () => {
    // Registered Friday 6 February 2026: day 1 is Monday 9 February, day 15 Friday 27 February.
    expect(decisionTerm('2026-02-06', kz).lastDay).toBe('2026-02-27');
    // Registered (by mistake) on Saturday 7 February: day 1 is still Monday 9 February.
    expect(decisionTerm('2026-02-07', kz).lastDay).toBe('2026-02-27');
  });
});
