import { firstDaysOfAdha, firstDaysOfFitr } from '../../platform/calendar/eid-dates.js';
import { holidayCalendar, type HolidayRules } from '../../platform/calendar/holiday-rules.js';
import type { HolidayCalendar } from '../country-profile.js';

/*
 * Kyrgyzstan: the Labour Code in force since 2025 (as the Ministry of Labour, Social Security
 * and Migration published its production calendars for 2025 and 2026). Non-working days: the
 * New Year holidays 1–6 January, Orthodox Christmas 7 January, 8 March, Nooruz 21 March, the May
 * holidays 1–9 May (Labour Day, Constitution Day 5 May, Victory Day), Independence Day 31
 * August, and the first days of Orozo Ait and Kurman Ait. 23 February, 7 April and 7–8 November
 * stay holidays but working days. The new code ended both the moving of a holiday off a weekend
 * and the working Saturdays that used to pay for longer breaks, so nothing moves here; a
 * one-off decision of the Cabinet goes in CALENDAR_TRANSFERS_FILE. Five-day week. Years before
 * 2025 (the former code, with moves and transfers) are not modelled.
 */
const days = (id: string, month: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id, month, day: from + i }));

export const kgHolidayRules: HolidayRules = {
  weekend: [6, 7],
  fixed: [
    ...days('new-year-holidays', 1, 1, 6),
    { id: 'orthodox-christmas', month: 1, day: 7, religious: true },
    { id: 'womens-day', month: 3, day: 8 },
    { id: 'nooruz', month: 3, day: 21 },
    ...days('may-holidays', 5, 1, 9),
    { id: 'independence-day', month: 8, day: 31 },
  ],
  movable: (year) => [
    ...firstDaysOfFitr(year).map((date) => ({ id: 'orozo-ait', date, religious: true })),
    ...firstDaysOfAdha(year).map((date) => ({ id: 'kurman-ait', date, religious: true })),
  ],
  moveOffWeekend: 'none',
  adjustments: [],
};

export const kgHolidays: HolidayCalendar = holidayCalendar(kgHolidayRules);
