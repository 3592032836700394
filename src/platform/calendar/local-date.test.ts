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

describe('localDate remembering the last quarter hour', () => {
  const fresh = (instant: Date, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(instant);
  // Almaty before 1924 ran on local mean time (+05:07:48), so its midnights fell inside quarter
  // hours; Kathmandu is +05:45; Lord Howe shifts by 30 minutes; New York has daylight saving.
  const zones = ['Asia/Almaty', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/New_York'];

  it('agrees with Intl for any instant, whatever was asked before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: -3, max: 3 }),
        (timeZone, times, nudge) => {
          for (const time of times) {
            // Also the instants just around the asked one, within its quarter hour or the next.
            for (const at of [time, time + nudge, time + nudge * 60_000]) {
              const instant = new Date(at);
              expect(localDate(instant, timeZone)).toBe(fresh(instant, timeZone));
            }
          }
        },
      ),
    );
  });

  it('changes the date exactly at local midnight, also in a quarter hour asked just before', () => {
    const midnight = Date.UTC(1920, 5, 1, 0, 0, 0) - (5 * 3600 + 7 * 60 + 48) * 1000;
    expect(localDate(new Date(midnight - 1), 'Asia/Almaty')).toBe('1920-05-31');
    expect(localDate(new Date(midnight), 'Asia/Almaty')).toBe('1920-06-01');
    expect(localDate(new Date(midnight - 1), 'Asia/Almaty')).toBe('1920-05-31');
  });
});
