import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { almaty, anyDate, kz } from '../test/kz-legal-calendar.js';
import { decisionStateAt } from './deemed-refusal.js';
import { decisionTerm } from './decision-term.js';

// Registered 20 March 2026: decided by the end of 15 April (19:00 UTC).
const term = decisionTerm('2026-03-20', kz);

describe('deemed refusal (Art. 91(2))', () => {
  it('is pending to the last minute of the last day and refused from local midnight', () => {
    expect(decisionStateAt(almaty('2026-04-15', '23:59'), term)).toEqual({
      state: 'pending',
      expiresAt: new Date('2026-04-15T19:00:00Z'),
    });
    expect(decisionStateAt(almaty('2026-04-16', '00:00'), term)).toEqual({
      state: 'deemed-refused',
      since: new Date('2026-04-15T19:00:00Z'),
    });
  });

  it('counts a decision only from the moment it was made', () => {
    const decidedAt = almaty('2026-04-10', '15:00');
    expect(decisionStateAt(almaty('2026-04-10', '14:00'), term, decidedAt).state).toBe('pending');
    expect(decisionStateAt(almaty('2026-05-01'), term, decidedAt)).toEqual({
      state: 'decided',
      decidedAt,
      onTime: true,
    });
    const late = almaty('2026-04-20');
    expect(decisionStateAt(almaty('2026-04-17'), term, late).state).toBe('deemed-refused');
    expect(decisionStateAt(almaty('2026-04-21'), term, late)).toEqual({
      state: 'decided',
      decidedAt: late,
      onTime: false,
    });
  });

  it('is refused exactly when the term has expired with no decision', () => {
    fc.assert(
      fc.property(anyDate(), fc.integer({ min: -40, max: 40 }), (date, hoursAfter) => {
        const t = decisionTerm(kz.calendar.firstWorkingDayFrom(date), kz);
        const instant = new Date(t.expiresAt.getTime() + hoursAfter * 3_600_000);
        const state = decisionStateAt(instant, t);
        expect(state.state).toBe(hoursAfter >= 0 ? 'deemed-refused' : 'pending');
      }),
    );
  });
});
