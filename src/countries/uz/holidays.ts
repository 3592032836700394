import { firstDaysOfAdha, firstDaysOfFitr } from '../../platform/calendar/eid-dates.js';
import { holidayCalendar, type HolidayRules } from '../../platform/calendar/holiday-rules.js';
import type { HolidayCalendar } from '../country-profile.js';

/*
 * Uzbekistan: the Labour Code of 2023 lists the non-working holidays: New Year 1 January, 8
 * March, Navruz 21 March, Day of Remembrance and Honour 9 May, Independence Day 1 September,
 * Teachers' and Mentors' Day 1 October, Constitution Day 8 December, and the first days of
 * Ramazan hayit and Qurbon hayit (fixed each year by presidential resolution on the Muslim
 * Board's information). Under Art. 208 a holiday that falls on a day off moves the day off to the
 * next working day, religious holidays included (Ramazan hayit on Sunday 30 March 2025 gave
 * Monday 31 March off). Five-day week, as the state bodies work. Each year a presidential decree
 * adds days off around Navruz, Independence Day, New Year and the Eids (at least three days in a
 * row), often paid for with working Saturdays: those go in CALENDAR_TRANSFERS_FILE.
 */
export const uzHolidayRules: HolidayRules = {
  weekend: [6, 7],
  fixed: [
    { id: 'new-year', month: 1, day: 1 },
    { id: 'womens-day', month: 3, day: 8 },
    { id: 'navruz', month: 3, day: 21 },
    { id: 'remembrance-day', month: 5, day: 9 },
    { id: 'independence-day', month: 9, day: 1 },
    { id: 'teachers-day', month: 10, day: 1 },
    { id: 'constitution-day', month: 12, day: 8 },
  ],
  movable: (year) => [
    ...firstDaysOfFitr(year).map((date) => ({ id: 'ramazan-hayit', date, religious: true })),
    ...firstDaysOfAdha(year).map((date) => ({ id: 'qurbon-hayit', date, religious: true })),
  ],
  moveOffWeekend: 'all',
  adjustments: [],
};

export const uzHolidays: HolidayCalendar = holidayCalendar(uzHolidayRules);
