import {
  addDays,
  dayNumber,
  makeLocalDate,
  parseLocalDate,
  type LocalDate,
} from '../../../platform/calendar/local-date.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { Clock, ClockLength } from './definition.js';

/*
 * Legal clocks, counted in the country's calendar (Administrative Procedural and Process Code of
 * Kazakhstan, and the platform calendar's conventions):
 * - a period runs from the day after the event that starts it;
 * - N working days end on the N-th working day after the start (addWorkingDays);
 * - N calendar months end on the same day number N months later (the last day of a shorter
 *   month), and a period that would end on a day off ends on the next working day;
 * - a pause stops the count; on resume the working days (or calendar days, for a month clock)
 *   that were left at the pause are counted again from the day of the resume;
 * - an extension moves the due date later by its own length, counted from the current due date.
 * The due date is the last day of the period: the deadline passes at the end of that day.
 */

export type ClockStatus = 'idle' | 'running' | 'paused' | 'stopped';

export interface ClockState {
  id: string;
  status: ClockStatus;
  /** The day the (last) start happened. */
  startedOn?: LocalDate;
  /** Running: the last day of the period. Paused or stopped: the due date it had then. */
  dueDate?: LocalDate;
  /** Paused: what was left at the pause (working days, or calendar days for a month clock). */
  remaining?: number;
  /** How many extensions were applied since the last start. */
  extensions: number;
}

/** An action in an application's history, as the clock sees it: what and on which local day. */
export interface ClockEvent {
  action: string;
  date: LocalDate;
}

/** Adds calendar months: the same day number, or the last day of a shorter month. */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return makeLocalDate(year, month, Math.min(parts.day, lastDay));
}

/** The last day of a period of `length` that starts counting the day after `from`. */
export function periodEnd(
  from: LocalDate,
  length: ClockLength,
  calendar: WorkingCalendar,
): LocalDate {
  if ('workingDays' in length) return calendar.addWorkingDays(from, length.workingDays);
  return calendar.firstWorkingDayFrom(addCalendarMonths(from, length.calendarMonths));
}

const isMonthClock = (clock: Clock) => 'calendarMonths' in clock.length;

/**
 * Replays an application's actions on one clock. Events are in history order; within one action
 * a stop wins over a pause, a pause over a resume, and a start happens only from idle or stopped.
 */
export function replayClock(
  clock: Clock,
  events: readonly ClockEvent[],
  calendar: WorkingCalendar,
): ClockState {
  let state: ClockState = { id: clock.id, status: 'idle', extensions: 0 };
  for (const { action, date } of events) {
    const { status } = state;
    if (clock.stopOn.includes(action) && (status === 'running' || status === 'paused')) {
      state = { ...state, status: 'stopped' };
    } else if (clock.startOn.includes(action) && (status === 'idle' || status === 'stopped')) {
      state = {
        id: clock.id,
        status: 'running',
        startedOn: date,
        dueDate: periodEnd(date, clock.length, calendar),
        extensions: 0,
      };
    } else if (clock.pauseOn?.includes(action) && status === 'running') {
      const due = state.dueDate!;
      const remaining = isMonthClock(clock)
        ? Math.max(0, dayNumber(due) - dayNumber(date))
        : Math.max(0, calendar.workingDaysBetween(date, due));
      state = { ...state, status: 'paused', remaining };
    } else if (clock.resumeOn?.includes(action) && status === 'paused') {
      const remaining = state.remaining ?? 0;
      const dueDate = isMonthClock(clock)
        ? calendar.firstWorkingDayFrom(addDays(date, remaining))
        : remaining === 0
          ? calendar.firstWorkingDayFrom(date)
          : calendar.addWorkingDays(date, remaining);
      const { remaining: _dropped, ...rest } = state;
      state = { ...rest, status: 'running', dueDate };
    }
    const extension = clock.extendOn?.find((e) => e.transition === action);
    if (extension && state.status === 'running') {
      state = {
        ...state,
        dueDate: periodEnd(state.dueDate!, extension.by, calendar),
        extensions: state.extensions + 1,
      };
    }
  }
  return state;
}

/**
 * Working days left on a running clock as of `today`: 0 on the due date itself, negative once
 * overdue (-1 the first working day after). Paused clocks give what was left at the pause.
 */
export function workingDaysLeft(
  state: ClockState,
  today: LocalDate,
  calendar: WorkingCalendar,
): number | undefined {
  if (state.status === 'paused') return state.remaining;
  if (state.status !== 'running' || !state.dueDate) return undefined;
  return calendar.workingDaysBetween(today, state.dueDate);
}
