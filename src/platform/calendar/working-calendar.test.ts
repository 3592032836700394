import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryProfiles } from '../../countries/index.js';
import { kzHolidays } from '../../countries/kz/holidays.js';
import { addDays, fromDayNumber, dayNumber, isoWeekday } from './local-date.js';
import {
  addWorkingDays,
  createWorkingCalendar,
  isWorkingDay,
  workingDaysBetween,
} from './working-calendar.js';

const kz = createWorkingCalendar(kzHolidays);
const date = fc
  .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') })
  .map(fromDayNumber);
const count = fc.integer({ min: 0, max: 400 });
const calendars = Object.values(countryProfiles).map((profile) => ({
  id: profile.id,
  calendar: createWorkingCalendar(profile.calendar),
}));

describe('working calendar (properties, every country)', () => {
  it.each(calendars)(
    '$id: addWorkingDays lands on a working day after the start',
    ({ calendar }) => {
      fc.assert(
        fc.property(date, fc.integer({ min: 1, max: 400 }), (d, n) => {
          const result = addWorkingDays(d, n, calendar);
          expect(isWorkingDay(result, calendar)).toBe(true);
          expect(result > d).toBe(true);
        }),
      );
    },
  );

  it.each(calendars)('$id: workingDaysBetween undoes addWorkingDays', ({ calendar }) => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n, calendar), calendar)).toBe(n);
      }),
    );
  });

  it.each(calendars)(
    '$id: adding more working days never gives an earlier date',
    ({ calendar }) => {
      fc.assert(
        fc.property(date, count, count, (d, a, b) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const early = addWorkingDays(d, small, calendar);
          const late = addWorkingDays(d, large, calendar);
          expect(early <= late).toBe(true);
          if (small < large) expect(early < late).toBe(true);
          // Adding in two steps is adding once.
          expect(addWorkingDays(early, large - small, calendar)).toBe(late);
        }),
      );
    },
  );

  it.each(calendars)('$id: workingDaysBetween is antisymmetric and additive', ({ calendar }) => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(workingDaysBetween(a, b, calendar) + workingDaysBetween(b, a, calendar)).toBe(0);
        expect(workingDaysBetween(a, c, calendar)).toBe(
          workingDaysBetween(a, b, calendar) + workingDaysBetween(b, c, calendar),
        );
      }),
      { numRuns: 50 },
    );
  });

  it.each(calendars)(
    '$id: no listed day off is a working day, no weekend day either unless decreed',
    ({ id, calendar }) => {
      const holidays = countryProfiles[id].calendar;
      for (let year = 2020; year <= 2035; year += 1) {
        const working = holidays.extraWorkingDays(year);
        for (const day of holidays.daysOff(year)) {
          expect(isWorkingDay(day, calendar), `${id} ${day}`).toBe(false);
        }
        for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
          if (holidays.weekend.includes(isoWeekday(d)) && !working.has(d)) {
            expect(isWorkingDay(d, calendar), `${id} ${d}`).toBe(false);
          }
        }
      }
    },
  );
});

describe('working calendar conventions', () => {
  it('does not count the start day, and adding 0 returns the date itself', () => {
    // Friday 6 March 2026: the next working days are Tuesday 10 March (9 March replaces 8 March).
    expect(kz.addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
    expect(kz.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(kz.addWorkingDays('2026-03-08', 0)).toBe('2026-03-08');
    expect(kz.firstWorkingDayFrom('2026-03-08')).toBe('2026-03-10');
    expect(kz.firstWorkingDayFrom('2026-03-10')).toBe('2026-03-10');
    expect(kz.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
    expect(kz.workingDaysBetween('2026-03-06', '2026-03-10')).toBe(1);
    expect(kz.workingDaysBetween('2026-03-10', '2026-03-06')).toBe(-1);
  });

  it('gives an appeal registered before Nauryz 2026 its 15 working days (Art. 76)', () => {
    // Registered Thursday 19 March 2026; 21–25 March are days off.
    expect(kz.addWorkingDays('2026-03-19', 15)).toBe('2026-04-14');
  });

  it('refuses a negative or fractional count and an invalid date', () => {
    expect(() => kz.addWorkingDays('2026-03-06', -1)).toThrow(RangeError);
    expect(() => kz.addWorkingDays('2026-03-06', 1.5)).toThrow(RangeError);
    expect(() => kz.addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
    expect(() => kz.isWorkingDay('2026-3-6')).toThrow(RangeError);
  });

  it('lets the operator overrule the profile', () => {
    const adjusted = createWorkingCalendar(kzHolidays, [
      { date: '2026-03-14', kind: 'working-day', basis: 'test order' },
      { date: '2026-03-13', kind: 'day-off', basis: 'test order' },
      { date: '2026-03-09', kind: 'working-day', basis: 'test order' },
    ]);
    expect(adjusted.isWorkingDay('2026-03-14')).toBe(true);
    expect(adjusted.isWorkingDay('2026-03-13')).toBe(false);
    expect(adjusted.isWorkingDay('2026-03-09')).toBe(true);
    expect(kz.isWorkingDay('2026-03-14')).toBe(false);
    expect(kz.isWorkingDay('2026-03-13')).toBe(true);
  });

  it('stops instead of looping when a calendar has no working day', () => {
    const broken = createWorkingCalendar({
      weekend: [1, 2, 3, 4, 5, 6, 7],
      daysOff: () => new Set(),
      extraWorkingDays: () => new Set(),
    });
    expect(() => broken.addWorkingDays('2026-01-01', 1)).toThrow(/broken/);
  });
});
