import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentDecision, type ConsentEvent } from './consent-decision.js';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n));
const query = (at: number, currentRevisionHash = 'r1') => ({
  individual: 'p1',
  agreementId: 'loan-scoring',
  currentRevisionHash,
  at: day(at),
});
const give = (at: number, until: number, revisionHash = 'r1'): ConsentEvent => ({
  individual: 'p1',
  agreementId: 'loan-scoring',
  revisionHash,
  optIn: true,
  at: day(at),
  validUntil: day(until),
});
const withdraw = (at: number): ConsentEvent => ({
  individual: 'p1',
  agreementId: 'loan-scoring',
  revisionHash: 'r1',
  optIn: false,
  at: day(at),
});

describe('consent decisions', () => {
  it('grant from the consent until its end, for its purpose and person only', () => {
    const events = [give(1, 31)];
    expect(consentDecision(events, query(0))).toEqual({ granted: false, reason: 'CONSENT_NONE' });
    expect(consentDecision(events, query(1))).toEqual({
      granted: true,
      since: day(1),
      until: day(31),
    });
    expect(consentDecision(events, query(31))).toEqual({
      granted: false,
      reason: 'CONSENT_EXPIRED',
    });
    expect(consentDecision(events, { ...query(5), agreementId: 'marketing' }).granted).toBe(false);
    expect(consentDecision(events, { ...query(5), individual: 'p2' }).granted).toBe(false);
  });

  it('end at once on withdrawal, and start again on a new consent', () => {
    const events = [give(1, 60), withdraw(10), give(20, 50)];
    expect(consentDecision(events, query(9)).granted).toBe(true);
    expect(consentDecision(events, query(10))).toEqual({
      granted: false,
      reason: 'CONSENT_WITHDRAWN',
    });
    expect(consentDecision(events, query(25)).granted).toBe(true);
  });

  it('do not carry over to a changed agreement text', () => {
    expect(consentDecision([give(1, 60)], query(5, 'r2'))).toEqual({
      granted: false,
      reason: 'CONSENT_OTHER_REVISION',
    });
    expect(consentDecision([give(1, 60), give(3, 60, 'r2')], query(5, 'r2')).granted).toBe(true);
  });

  it('property: the answer for an instant never depends on what happened after it', () => {
    const anyEvent = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 }))
      .map(([optIn, at, length]) => (optIn ? give(at, at + length) : withdraw(at)));
    fc.assert(
      fc.property(
        fc.array(anyEvent, { maxLength: 10 }),
        fc.array(anyEvent, { maxLength: 5 }),
        fc.integer({ min: 0, max: 80 }),
        (past, future, at) => {
          const before = past.filter((e) => e.at.getTime() <= day(at).getTime());
          const after = future.map((e) => ({ ...e, at: day(at + 1 + (e.at.getUTCDate() % 10)) }));
          expect(consentDecision([...before, ...after], query(at))).toEqual(
            consentDecision(before, query(at)),
          );
        },
      ),
    );
  });
});
