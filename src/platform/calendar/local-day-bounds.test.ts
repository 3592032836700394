import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, localDate } from './local-date.js';
import { endOfLocalDay, startOfLocalDay } from './local-day-bounds.js';

/** Dates 2020–2035. */
const anyDate = () =>
  fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') }).map(fromDayNumber);

describe('local day bounds', () => {
  it('put an Almaty day between 19:00 UTC of the day before and 19:00 UTC of the day', () => {
    expect(startOfLocalDay('2026-04-15', 'Asia/Almaty').toISOString()).toBe(
      '2026-04-14T19:00:00.000Z',
    );
    expect(endOfLocalDay('2026-04-15', 'Asia/Almaty').toISOString()).toBe(
      '2026-04-15T19:00:00.000Z',
    );
    // Before March 2024 Almaty was UTC+6: the rules of the time apply.
    expect(startOfLocalDay('2023-06-01', 'Asia/Almaty').toISOString()).toBe(
      '2023-05-31T18:00:00.000Z',
    );
  });

  it('follow daylight saving time where a zone has it', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(endOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('give the first instant of the day in any of the supported zones', () => {
    const zone = fc.constantFrom('Asia/Almaty', 'Asia/Bishkek', 'Asia/Tashkent', 'Europe/Berlin');
    fc.assert(
      fc.property(anyDate(), zone, (date, timeZone) => {
        const start = startOfLocalDay(date, timeZone);
        expect(localDate(start, timeZone)).toBe(date);
        expect(localDate(new Date(start.getTime() - 1), timeZone)).toBe(addDays(date, -1));
        expect(endOfLocalDay(date, timeZone)).toEqual(startOfLocalDay(addDays(date, 1), timeZone));
      }),
    );
  });

  it('refuse what is not a date', () => {
    expect(() => startOfLocalDay('2026-02-30', 'Asia/Almaty')).toThrow(RangeError);
  });
});
