import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kzHolidays } from '../../../countries/kz/holidays.js';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  localDate,
} from '../../../platform/calendar/local-date.js';
import { createWorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { addCalendarMonths, periodEnd, replayClock, workingDaysLeft } from './clock.js';
import type { Clock } from './definition.js';
import {
  endOfLocalDay as deadlineInstant,
  startOfLocalDay,
} from '../../../platform/calendar/local-day-bounds.js';

const kz = createWorkingCalendar(kzHolidays);
const date = fc
  .integer({ min: dayNumber('2024-01-01'), max: dayNumber('2032-12-31') })
  .map(fromDayNumber);
const days = fc.integer({ min: 1, max: 60 });
const l = { kk: 'x', ru: 'x', en: 'x' };

const clock = (length: Clock['length'], extra: Partial<Clock> = {}): Clock => ({
  id: 'decision',
  names: l,
  length,
  startOn: ['submit'],
  pauseOn: ['ask'],
  resumeOn: ['answer'],
  stopOn: ['decide'],
  ...extra,
});

describe('legal clocks against the Kazakhstan calendar (properties)', () => {
  it('a working-day clock is due on a working day exactly N working days after its start', () => {
    fc.assert(
      fc.property(date, days, (start, n) => {
        const state = replayClock(
          clock({ workingDays: n }),
          [{ action: 'submit', date: start }],
          kz,
        );
        expect(state.status).toBe('running');
        expect(kz.isWorkingDay(state.dueDate!)).toBe(true);
        expect(kz.workingDaysBetween(start, state.dueDate!)).toBe(n);
        // The day before the due date is never already N working days away.
        expect(kz.workingDaysBetween(start, addDays(state.dueDate!, -1))).toBe(n - 1);
        expect(workingDaysLeft(state, start, kz)).toBe(n);
        expect(workingDaysLeft(state, state.dueDate!, kz)).toBe(0);
      }),
    );
  });

  it('a pause and a resume keep the number of working days counted while running', () => {
    fc.assert(
      fc.property(date, days, fc.nat(80), fc.nat(80), (start, n, toPause, pauseLength) => {
        const rule = clock({ workingDays: n });
        const pause = addDays(start, toPause);
        const resume = addDays(pause, pauseLength);
        const before = replayClock(rule, [{ action: 'submit', date: start }], kz);
        fc.pre(pause <= before.dueDate!);
        const state = replayClock(
          rule,
          [
            { action: 'submit', date: start },
            { action: 'ask', date: pause },
            { action: 'answer', date: resume },
          ],
          kz,
        );
        expect(state.status).toBe('running');
        const countedBefore = kz.workingDaysBetween(start, pause);
        const countedAfter = kz.workingDaysBetween(resume, state.dueDate!);
        if (countedBefore < n) expect(countedBefore + countedAfter).toBe(n);
        // Paused on the due date itself: nothing was left, so it is due on the day of the resume
        // (or the next working day).
        else expect(state.dueDate).toBe(kz.firstWorkingDayFrom(resume));
        expect(kz.isWorkingDay(state.dueDate!)).toBe(true);
        expect(state.dueDate! >= before.dueDate!).toBe(true);
      }),
    );
  });

  it('while paused, the clock shows what was left and no due date moves', () => {
    fc.assert(
      fc.property(date, days, fc.nat(30), (start, n, toPause) => {
        const rule = clock({ workingDays: n });
        const pause = addDays(start, toPause);
        const running = replayClock(rule, [{ action: 'submit', date: start }], kz);
        fc.pre(pause <= running.dueDate!);
        const paused = replayClock(
          rule,
          [
            { action: 'submit', date: start },
            { action: 'ask', date: pause },
          ],
          kz,
        );
        expect(paused.status).toBe('paused');
        expect(paused.remaining).toBe(kz.workingDaysBetween(pause, running.dueDate!));
        expect(workingDaysLeft(paused, addDays(pause, 100), kz)).toBe(paused.remaining);
      }),
    );
  });

  it('a month clock ends on the same day N months later, or the next working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 6 }), (start, months) => {
        const due = periodEnd(start, { calendarMonths: months }, kz);
        const raw = addCalendarMonths(start, months);
        expect(kz.isWorkingDay(due)).toBe(true);
        expect(due >= raw).toBe(true);
        // No working day is skipped between the raw end and the due date.
        for (let d = raw; d < due; d = addDays(d, 1)) expect(kz.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('adds calendar months to the same day, or the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addCalendarMonths('2026-03-31', 12)).toBe('2027-03-31');
  });

  it('an extension moves the due date by its own length, only while running', () => {
    fc.assert(
      fc.property(date, days, (start, n) => {
        const rule = clock(
          { workingDays: n },
          { extendOn: [{ transition: 'extend', by: { calendarMonths: 1 } }] },
        );
        const base = replayClock(rule, [{ action: 'submit', date: start }], kz);
        const extended = replayClock(
          rule,
          [
            { action: 'submit', date: start },
            { action: 'extend', date: start },
          ],
          kz,
        );
        expect(extended.dueDate).toBe(periodEnd(base.dueDate!, { calendarMonths: 1 }, kz));
        expect(extended.extensions).toBe(1);
        const stopped = replayClock(
          rule,
          [
            { action: 'submit', date: start },
            { action: 'decide', date: start },
            { action: 'extend', date: start },
          ],
          kz,
        );
        expect(stopped.status).toBe('stopped');
        expect(stopped.dueDate).toBe(base.dueDate);
      }),
    );
  });

  it('a stop is final until a new start; events that do not apply change nothing', () => {
    fc.assert(
      fc.property(date, days, fc.nat(20), (start, n, later) => {
        const rule = clock({ workingDays: n }, { startOn: ['submit', 'reopen'] });
        const stopped = replayClock(
          rule,
          [
            { action: 'submit', date: start },
            { action: 'decide', date: start },
            { action: 'answer', date: start },
          ],
          kz,
        );
        expect(stopped.status).toBe('stopped');
        expect(workingDaysLeft(stopped, start, kz)).toBeUndefined();
        const reopened = replayClock(
          rule,
          [
            { action: 'submit', date: start },
            { action: 'decide', date: start },
            { action: 'reopen', date: addDays(start, later) },
          ],
          kz,
        );
        expect(reopened.status).toBe('running');
        expect(kz.workingDaysBetween(addDays(start, later), reopened.dueDate!)).toBe(n);
        expect(replayClock(rule, [{ action: 'answer', date: start }], kz).status).toBe('idle');
      }),
    );
  });

  it('counts an appeal registered on a Friday before a holiday from the next working days', () => {
    // 2026-03-20 is a Friday; 21–25 March are Nauryz days off (22 is Sunday; 23–25 holidays).
    const state = replayClock(
      clock({ workingDays: 1 }),
      [{ action: 'submit', date: '2026-03-20' }],
      kz,
    );
    expect(state.dueDate).toBe(kz.firstWorkingDayFrom('2026-03-21'));
    expect(kz.isWorkingDay('2026-03-23')).toBe(false);
  });
});

describe('local days in the country time zone', () => {
  it('a local day starts at local midnight and the deadline passes at the next one', () => {
    fc.assert(
      fc.property(
        date,
        fc.constantFrom('Asia/Almaty', 'Asia/Bishkek', 'Asia/Tashkent', 'Asia/Dushanbe', 'UTC'),
        (d, zone) => {
          const start = startOfLocalDay(d, zone);
          expect(localDate(start, zone)).toBe(d);
          expect(localDate(new Date(start.getTime() - 1), zone)).toBe(addDays(d, -1));
          const end = deadlineInstant(d, zone);
          expect(localDate(new Date(end.getTime() - 1), zone)).toBe(d);
          expect(localDate(end, zone)).toBe(addDays(d, 1));
        },
      ),
    );
  });

  it('Almaty midnight is 19:00 UTC the day before (UTC+5 since 2024-03-01)', () => {
    expect(startOfLocalDay('2026-03-20', 'Asia/Almaty').toISOString()).toBe(
      '2026-03-19T19:00:00.000Z',
    );
  });
});
