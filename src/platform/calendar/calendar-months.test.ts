import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, daysInMonth } from './calendar-months.js';
import { addDays, dayNumber, parseLocalDate } from './local-date.js';

describe('terms in calendar months', () => {
  it('end on the same-numbered day, or the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2026-03-20', 36)).toBe('2029-03-20');
    expect(addCalendarMonths('2026-03-20', 0)).toBe('2026-03-20');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('refuses a fractional count', () => {
    expect(() => addCalendarMonths('2026-03-20', 1.5)).toThrow(RangeError);
  });

  it('property: the result is a real date, n months on, never past the month’s end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2090-12-31') }),
        fc.integer({ min: -120, max: 120 }),
        (start, months) => {
          const from = addDays('1970-01-01', start);
          const to = addCalendarMonths(from, months);
          const a = parseLocalDate(from)!;
          const b = parseLocalDate(to)!;
          expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(months);
          expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
          // Monotonic: a later start never gives an earlier end.
          expect(addCalendarMonths(addDays(from, 1), months) >= to).toBe(true);
        },
      ),
    );
  });
});
