/**
 * How repeated failed sign-ins slow an attacker down, per account (and per unknown login, so the
 * answers are the same whether an account exists or not). Pure: the caller hands in the clock.
 *
 * - the first 3 failures cost nothing;
 * - from the 3rd failure on, the next attempt must wait 5 s, then 10 s, 20 s … (doubling);
 * - the 10th failure locks the login for 15 minutes; after that the count starts again.
 * Attempts made while waiting are refused without checking the password, and do not count.
 */
export const THROTTLE = {
  freeFailures: 3,
  firstDelaySeconds: 5,
  lockAfterFailures: 10,
  lockMinutes: 15,
} as const;

export interface FailureState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: FailureState = { failures: 0, lastFailureAt: null, lockedUntil: null };

export type AttemptVerdict =
  { allowed: true } | { allowed: false; reason: 'locked' | 'wait'; retryAt: Date };

/** The delay after `failures` failures, in milliseconds (0 below the free allowance). */
export function delayAfter(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return THROTTLE.firstDelaySeconds * 1000 * 2 ** (failures - THROTTLE.freeFailures);
}

/** May an attempt be made now? */
export function judgeAttempt(state: FailureState, now: Date): AttemptVerdict {
  if (state.lockedUntil && now < state.lockedUntil) {
    return { allowed: false, reason: 'locked', retryAt: state.lockedUntil };
  }
  if (state.lockedUntil) return { allowed: true }; // the lock was served in full
  if (state.lastFailureAt && state.failures >= THROTTLE.freeFailures) {
    const retryAt = new Date(state.lastFailureAt.getTime() + delayAfter(state.failures));
    if (now < retryAt) return { allowed: false, reason: 'wait', retryAt };
  }
  return { allowed: true };
}

/** The state after one more failure; `locked` says this failure locked the login. */
export function recordFailure(
  state: FailureState,
  now: Date,
): FailureState & { locked: boolean; retryAt: Date | null } {
  const served = state.lockedUntil !== null && now >= state.lockedUntil;
  const failures = (served ? 0 : state.failures) + 1;
  if (failures >= THROTTLE.lockAfterFailures) {
    const lockedUntil = new Date(now.getTime() + THROTTLE.lockMinutes * 60_000);
    return { failures, lastFailureAt: now, lockedUntil, locked: true, retryAt: lockedUntil };
  }
  const delay = delayAfter(failures);
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: null,
    locked: false,
    retryAt: delay > 0 ? new Date(now.getTime() + delay) : null,
  };
}
