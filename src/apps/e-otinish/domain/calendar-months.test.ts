import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, assertLocalDate } from '../../../platform/calendar/local-date.js';
import { anyDate } from '../test/kz-legal-calendar.js';
import { addCalendarMonths } from './calendar-months.js';

describe('addCalendarMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-04-15', 2)).toBe('2026-06-15');
    expect(addCalendarMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('moves exactly n months on, never past the month', () => {
    fc.assert(
      fc.property(anyDate(), fc.integer({ min: 0, max: 24 }), (date, months) => {
        const from = assertLocalDate(date);
        const to = assertLocalDate(addCalendarMonths(date, months));
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(months);
        expect(to.day).toBeLessThanOrEqual(from.day);
        if (to.day < from.day) {
          // Only because the month is shorter: it is the month's last day.
          expect(assertLocalDate(addDays(addCalendarMonths(date, months), 1)).day).toBe(1);
        }
      }),
    );
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addCalendarMonths('2026-01-01', -1)).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-01-01', 1.5)).toThrow(RangeError);
  });
});
