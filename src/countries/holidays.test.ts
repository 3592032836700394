import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../platform/calendar/working-calendar.js';
import { kgHolidays } from './kg/holidays.js';
import { tjHolidays } from './tj/holidays.js';
import { uzHolidays } from './uz/holidays.js';

const kg = createWorkingCalendar(kgHolidays);
const uz = createWorkingCalendar(uzHolidays);
const tj = createWorkingCalendar(tjHolidays);

describe('Kyrgyzstan holidays (Labour Code of 2025)', () => {
  it('rests 1–7 January and 1–9 May, and moves nothing off a weekend', () => {
    for (const d of ['2026-01-05', '2026-01-06', '2026-01-07', '2026-05-04', '2026-05-08']) {
      expect(kg.isWorkingDay(d), d).toBe(false);
    }
    expect(kg.isWorkingDay('2026-01-08')).toBe(true);
    expect(kg.isWorkingDay('2026-05-11')).toBe(true);
    // 8 March 2026 is a Sunday: Monday 9 March is worked.
    expect(kg.isWorkingDay('2026-03-09')).toBe(true);
    // Orozo Ait, Friday 20 March 2026.
    expect(kg.isWorkingDay('2026-03-20')).toBe(false);
    // 23 February and 7 November are holidays but working days.
    expect(kg.isWorkingDay('2026-02-23')).toBe(true);
  });
});

describe('Uzbekistan holidays', () => {
  it('moves every holiday off a day off, religious ones included', () => {
    // Ramazan hayit on Sunday 30 March 2025 gave Monday 31 March.
    expect(uz.isWorkingDay('2025-03-31')).toBe(false);
    expect(uz.isWorkingDay('2026-10-01')).toBe(false);
    expect(uz.isWorkingDay('2026-12-08')).toBe(false);
  });
});

describe('Tajikistan holidays', () => {
  it('rests Navruz 21–24 March and moves days off a weekend', () => {
    // 2026: Idi Ramazon 20 March, Navruz from Saturday 21 March, and the transfer of 27 March.
    for (let day = 20; day <= 29; day += 1) {
      expect(tj.isWorkingDay(`2026-03-${day}`), `${day} March`).toBe(false);
    }
    expect(tj.isWorkingDay('2026-03-14')).toBe(true);
    expect(tj.isWorkingDay('2026-03-30')).toBe(true);
    // Mother's Day on Sunday 8 March 2026 gives Monday 9 March.
    expect(tj.isWorkingDay('2026-03-09')).toBe(false);
  });
});
