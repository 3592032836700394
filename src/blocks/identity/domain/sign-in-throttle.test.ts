import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  delayAfter,
  judgeAttempt,
  NO_FAILURES,
  recordFailure,
  THROTTLE,
} from './sign-in-throttle.js';

const t0 = new Date('2025-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('sign-in throttle', () => {
  it('lets the first three failures through without delay, then doubles the wait', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(delayAfter)).toEqual([0, 0, 0, 5000, 10000, 20000, 320000]);
    let state = NO_FAILURES;
    for (let i = 0; i < 2; i++) state = recordFailure(state, t0);
    expect(judgeAttempt(state, t0)).toEqual({ allowed: true });
    state = recordFailure(state, t0);
    expect(judgeAttempt(state, at(4999))).toEqual({
      allowed: false,
      reason: 'wait',
      retryAt: at(5000),
    });
    expect(judgeAttempt(state, at(5000))).toEqual({ allowed: true });
  });

  it('locks on the 10th failure for 15 minutes, then starts counting again', () => {
    let state = NO_FAILURES;
    let result = recordFailure(state, t0);
    for (let i = 1; i < THROTTLE.lockAfterFailures; i++) result = recordFailure(result, t0);
    expect(result.locked).toBe(true);
    expect(result.lockedUntil).toEqual(at(15 * 60_000));
    expect(judgeAttempt(result, at(15 * 60_000 - 1))).toMatchObject({
      allowed: false,
      reason: 'locked',
    });
    expect(judgeAttempt(result, at(15 * 60_000))).toEqual({ allowed: true });
    state = recordFailure(result, at(15 * 60_000));
    expect(state.failures).toBe(1);
    expect(state.lockedUntil).toBeNull();
  });

  it('never allows an attempt before the announced retry time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 30 }), (gaps) => {
        let state = NO_FAILURES;
        let clock = 0;
        for (const gap of gaps) {
          clock += gap;
          const verdict = judgeAttempt(state, at(clock));
          if (!verdict.allowed) {
            expect(verdict.retryAt.getTime()).toBeGreaterThan(clock);
            expect(judgeAttempt(state, verdict.retryAt)).toEqual({ allowed: true });
            continue;
          }
          state = recordFailure(state, at(clock));
          expect(state.failures).toBeLessThanOrEqual(THROTTLE.lockAfterFailures);
        }
      }),
    );
  });
});
