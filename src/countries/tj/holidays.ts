import { transfer } from '../../platform/calendar/adjustment.js';
import { firstDaysOfAdha, firstDaysOfFitr } from '../../platform/calendar/eid-dates.js';
import { holidayCalendar, type HolidayRules } from '../../platform/calendar/holiday-rules.js';
import type { HolidayCalendar } from '../country-profile.js';

/*
 * Tajikistan: the Law "On holidays" lists the non-working days: New Year 1 January, Mother's Day
 * 8 March, Navruz 21–24 March, Victory Day 9 May, National Unity Day 27 June, Independence Day 9
 * September, Constitution Day 6 November, and the first days of Idi Ramazon and Idi Qurbon (dates
 * announced by the government on the Council of Ulema's information). A holiday that falls on
 * Saturday or Sunday makes the next working day a day off (Navruz 2012: 24 March, a Saturday,
 * gave Monday 26 March). Five-day week. The government transfers working days by resolution.
 */
export const tjHolidayRules: HolidayRules = {
  weekend: [6, 7],
  fixed: [
    { id: 'new-year', month: 1, day: 1 },
    { id: 'mothers-day', month: 3, day: 8 },
    { id: 'navruz', month: 3, day: 21 },
    { id: 'navruz-2', month: 3, day: 22 },
    { id: 'navruz-3', month: 3, day: 23 },
    { id: 'navruz-4', month: 3, day: 24 },
    { id: 'victory-day', month: 5, day: 9 },
    { id: 'unity-day', month: 6, day: 27 },
    { id: 'independence-day', month: 9, day: 9 },
    { id: 'constitution-day', month: 11, day: 6 },
  ],
  movable: (year) => [
    ...firstDaysOfFitr(year).map((date) => ({ id: 'idi-ramazon', date, religious: true })),
    ...firstDaysOfAdha(year).map((date) => ({ id: 'idi-qurbon', date, religious: true })),
  ],
  moveOffWeekend: 'all',
  adjustments: [
    // March 2026: Friday 27 March rested, Saturday 14 March worked, so that Idi Ramazon (20
    // March) and Navruz make one break from 20 to 29 March (Sputnik Tajikistan, 27 Feb 2026).
    ...transfer('2026-03-14', '2026-03-27', 'Government resolution on transfers in March 2026'),
  ],
};

export const tjHolidays: HolidayCalendar = holidayCalendar(tjHolidayRules);
