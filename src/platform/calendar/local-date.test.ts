import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  isLocalDate,
  isoWeekday,
  localDate,
  parseLocalDate,
} from './local-date.js';

describe('LocalDate', () => {
  it('accepts real dates only', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      '2023-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '2026-01-32',
      '',
      'x',
    ]) {
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('counts days from 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-09')).toBe(20521);
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        expect(dayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it('knows the weekday and crosses months and years', () => {
    expect(isoWeekday('2026-03-08')).toBe(7); // Sunday
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('turns an instant into the date of the given time zone, whatever the machine zone', () => {
    // 20:30 UTC is 01:30 the next day in Almaty (UTC+5) and still the same day in Bishkek's
    // neighbour UTC-… zones.
    const instant = new Date('2026-03-20T20:30:00Z');
    expect(localDate(instant, 'Asia/Almaty')).toBe('2026-03-21');
    expect(localDate(instant, 'UTC')).toBe('2026-03-20');
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-20');
    expect(localDate(new Date('2026-03-20T18:59:59Z'), 'Asia/Almaty')).toBe('2026-03-20');
    expect(localDate(new Date('2026-03-20T19:00:00Z'), 'Asia/Almaty')).toBe('2026-03-21');
    expect(() => localDate(new Date('nope'), 'UTC')).toThrow(RangeError);
  });
});
