import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/local-date.js';
import { createWorkingCalendar } from '../../platform/calendar/working-calendar.js';
import { kzHolidays } from './holidays.js';

const kz = createWorkingCalendar(kzHolidays);
const daysOffIn = (from: string, to: string) => {
  const off: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!kz.isWorkingDay(d)) off.push(d);
  return off;
};
const workingDaysIn = (year: number) => {
  let n = 0;
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1))
    if (kz.isWorkingDay(d)) n++;
  return n;
};

describe('Kazakhstan holidays', () => {
  it('moves a holiday off a weekend to the next working day (8 March 2026, a Sunday)', () => {
    expect(kz.isWorkingDay('2026-03-08')).toBe(false);
    expect(kz.isWorkingDay('2026-03-09')).toBe(false);
    expect(kz.isWorkingDay('2026-03-10')).toBe(true);
  });

  it('gives Nauryz 2026 five days, 21–25 March', () => {
    expect(daysOffIn('2026-03-20', '2026-03-26')).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
    ]);
  });

  it('does not move religious holidays off a weekend', () => {
    // Orthodox Christmas on Saturday 7 January 2023: Monday 9 January is a working day.
    expect(kz.isWorkingDay('2023-01-07')).toBe(false);
    expect(kz.isWorkingDay('2023-01-09')).toBe(true);
    // Kurban Ait on Sunday 16 June 2024: Monday 17 June is a working day.
    expect(kz.isWorkingDay('2024-06-16')).toBe(false);
    expect(kz.isWorkingDay('2024-06-17')).toBe(true);
    // A secular one does move: New Year's Day on Sunday 1 January 2023 gives Tuesday 3 January.
    expect(daysOffIn('2023-01-01', '2023-01-04')).toEqual([
      '2023-01-01',
      '2023-01-02',
      '2023-01-03',
    ]);
  });

  it('makes the first day of Kurban Ait a day off when it falls on a weekday', () => {
    expect(kz.isWorkingDay('2026-05-27')).toBe(false);
    expect(kz.isWorkingDay('2025-06-06')).toBe(false);
    expect(kz.isWorkingDay('2023-06-28')).toBe(false);
  });

  it('applies the government transfers', () => {
    expect(kz.isWorkingDay('2024-05-04')).toBe(true); // a working Saturday
    expect(kz.isWorkingDay('2024-05-08')).toBe(false);
    expect(kz.isWorkingDay('2025-01-05')).toBe(true); // a working Sunday
    expect(kz.isWorkingDay('2025-01-03')).toBe(false);
    // 2020: the day moved off Saturday 9 May to Monday 11 May was moved again to Friday 8 May.
    expect(daysOffIn('2020-05-07', '2020-05-11')).toEqual([
      '2020-05-07',
      '2020-05-08',
      '2020-05-09',
      '2020-05-10',
    ]);
  });

  it('follows the 2022 changes: Republic Day added; 1 and 17 December dropped', () => {
    expect(kz.isWorkingDay('2021-12-01')).toBe(false);
    expect(kz.isWorkingDay('2022-12-01')).toBe(true);
    expect(kz.isWorkingDay('2021-12-17')).toBe(false);
    expect(kz.isWorkingDay('2022-12-19')).toBe(true);
    expect(kz.isWorkingDay('2021-10-25')).toBe(true);
    expect(kz.isWorkingDay('2022-10-25')).toBe(false);
    // 25 October 2025 was a Saturday: Monday 27 October off.
    expect(kz.isWorkingDay('2025-10-27')).toBe(false);
  });

  it('has the number of working days of the Ministry of Labour production calendar for 2026', () => {
    expect(workingDaysIn(2026)).toBe(246);
  });
});
