import { firstDaysOfAdha } from '../../platform/calendar/eid-dates.js';
import { holidayCalendar, type HolidayRules } from '../../platform/calendar/holiday-rules.js';
import type { HolidayCalendar } from '../country-profile.js';
import { kzTransfers } from './transfers.js';

/*
 * Kazakhstan: the Law "On holidays in the Republic of Kazakhstan" (13 December 2001) lists the
 * national and state holidays that are days off; Art. 85 of the Labour Code says a day off that
 * meets a weekend day moves to the next working day after the holiday, except for the religious
 * holidays (Orthodox Christmas and the first day of Kurban Ait), and lets the government move
 * days of rest (kz/transfers.ts). Five-day week, Saturday and Sunday off.
 *
 * Changes since 2020 that the rules below carry: Republic Day (25 October) a day off from 2022;
 * the First President's Day (1 December) and the second day of Independence Day (17 December)
 * days off until 2021 (a law of 2022 removed both). Years before 2020 use today's list and are
 * not authoritative.
 */
export const kzHolidayRules: HolidayRules = {
  weekend: [6, 7],
  fixed: [
    { id: 'new-year', month: 1, day: 1 },
    { id: 'new-year-2', month: 1, day: 2 },
    { id: 'orthodox-christmas', month: 1, day: 7, religious: true },
    { id: 'womens-day', month: 3, day: 8 },
    { id: 'nauryz', month: 3, day: 21 },
    { id: 'nauryz-2', month: 3, day: 22 },
    { id: 'nauryz-3', month: 3, day: 23 },
    { id: 'unity-day', month: 5, day: 1 },
    { id: 'defender-day', month: 5, day: 7 },
    { id: 'victory-day', month: 5, day: 9 },
    { id: 'capital-day', month: 7, day: 6 },
    { id: 'constitution-day', month: 8, day: 30 },
    { id: 'republic-day', month: 10, day: 25, from: 2022 },
    { id: 'first-president-day', month: 12, day: 1, until: 2021 },
    { id: 'independence-day', month: 12, day: 16 },
    { id: 'independence-day-2', month: 12, day: 17, until: 2021 },
  ],
  // The first day of Kurban Ait as the Spiritual Administration of Muslims of Kazakhstan
  // announces it (table and sources in platform/calendar/eid-dates.ts).
  movable: (year) =>
    firstDaysOfAdha(year).map((date) => ({ id: 'kurban-ait', date, religious: true })),
  moveOffWeekend: 'secular',
  adjustments: kzTransfers,
};

export const kzHolidays: HolidayCalendar = holidayCalendar(kzHolidayRules);
