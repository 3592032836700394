import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { localDate } from '../../../platform/calendar/local-date.js';
import { replayClock, type ClockEvent, type ClockState } from './clock.js';
import { SUBMIT, type ServiceDefinition, type Transition } from './definition.js';

/** Actions that are not transitions of the definition. */
export const ASSIGN = 'assign';
export const CHECK = 'check';
export const CLOCK_EXPIRED = 'clock-expired';

/** One entry of an application's append-only history. */
export interface ActionRecord {
  seq: number;
  /** `submit`, a transition id, `assign`, `check` or `clock-expired`. */
  action: string;
  /** The state the action led to, as recorded (transitions and submit only). */
  toState: string | null;
  actorAccountId: string | null;
  actorRole: string;
  at: Date;
  payload: Record<string, unknown>;
  reason: string | null;
}

export interface ApplicationStatus {
  state: string;
  final: boolean;
  /** The agency that works the application now (changes when it is forwarded). */
  agencyCode: string;
  assigneeAccountId: string | null;
  clocks: ClockState[];
  /** The submit and every transition, in order: the steps the applicant sees. */
  steps: ActionRecord[];
}

/**
 * An application's status, derived from its history alone: the state after the last transition,
 * who it is assigned to, which agency holds it, and every clock replayed over the actions on the
 * local days they happened. The same history always gives the same status.
 */
export function deriveStatus(
  definition: ServiceDefinition,
  actions: readonly ActionRecord[],
  context: { calendar: WorkingCalendar; timeZone: string },
): ApplicationStatus {
  const transitions = new Map(definition.transitions.map((t) => [t.id, t]));
  let state = definition.initial;
  let agencyCode = definition.agency;
  let assigneeAccountId: string | null = null;
  const steps: ActionRecord[] = [];
  const events: ClockEvent[] = [];
  for (const action of [...actions].sort((a, b) => a.seq - b.seq)) {
    const transition = transitions.get(action.action);
    if (action.action === SUBMIT) {
      state = action.toState ?? definition.initial;
      if (typeof action.payload.agencyCode === 'string') agencyCode = action.payload.agencyCode;
    } else if (transition) {
      state = transition.to;
      if (transition.forwards && typeof action.payload.agencyCode === 'string') {
        agencyCode = action.payload.agencyCode;
        // A forwarded application waits for the new agency to take it.
        assigneeAccountId = null;
      }
    } else if (action.action === ASSIGN) {
      assigneeAccountId =
        typeof action.payload.assigneeAccountId === 'string'
          ? action.payload.assigneeAccountId
          : null;
      continue;
    } else {
      continue;
    }
    steps.push(action);
    events.push({ action: action.action, date: localDate(action.at, context.timeZone) });
  }
  const final = definition.states.find((s) => s.id === state)?.final === true;
  return {
    state,
    final,
    agencyCode,
    assigneeAccountId,
    clocks: (definition.clocks ?? []).map((clock) => replayClock(clock, events, context.calendar)),
    steps,
  };
}

/** The transitions out of `state` that one of `roles` may perform. */
export function allowedTransitions(
  definition: ServiceDefinition,
  state: string,
  roles: readonly string[],
): Transition[] {
  return definition.transitions.filter(
    (t) => t.from.includes(state) && t.roles.some((role) => roles.includes(role)),
  );
}
