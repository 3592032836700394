import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facts, IIN, minutes, moment, NOW, notaryLicence, sale } from '../test/fixtures.js';
import {
  actStateOf,
  applyActAction,
  reportStands,
  signingVerdict,
  SIGNING_CHECKS_MAX_AGE_MINUTES,
  type ActAction,
} from './act-lifecycle.js';
import { runPreDealChecks } from './checks/run-checks.js';

const owner = { kind: 'person' as const, id: IIN.seller };
const at = (n: number) => minutes(n);
const FACTS_AS_OF = facts().asOf;

const drafted: ActAction = {
  type: 'drafted',
  at: at(0),
  kind: 'real-estate-sale',
  notaryIin: IIN.notary,
};
const alerted = (n: number): ActAction => ({ type: 'owner-alerted', at: at(n), owner });
const checked = (n: number, given = facts()): ActAction => ({
  type: 'checks-run',
  at: at(n),
  checks: runPreDealChecks(sale(), given, moment(at(n))),
});
const signed = (n: number, factsAsOf = FACTS_AS_OF, notaryIin: string = IIN.notary): ActAction => ({
  type: 'signed',
  at: at(n),
  notaryIin,
  factsAsOf,
});
const reported = (n: number, who = owner): ActAction => ({
  type: 'owner-reported-not-me',
  at: at(n),
  owner: who,
});
const cleared = (
  n: number,
  reviewerIin: string = IIN.reviewer,
  reason = 'the owner confirmed the sale in person',
): ActAction => ({
  type: 'review-cleared',
  at: at(n),
  reviewerIin,
  reason,
});
const reviewCancelled = (n: number): ActAction => ({
  type: 'review-cancelled',
  at: at(n),
  reviewerIin: IIN.reviewer,
  reason: 'the seller was an impostor',
});
const cancelled = (n: number, reason = 'parties withdrew'): ActAction => ({
  type: 'cancelled',
  at: at(n),
  notaryIin: IIN.notary,
  reason,
});

const refusal = (history: ActAction[]) => {
  try {
    actStateOf(history);
    return 'accepted';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('act lifecycle: legal sequences', () => {
  it('drafted → owner alerted → checks → signed', () => {
    const state = actStateOf([drafted, alerted(1), checked(2), signed(3)]);
    expect(state).toMatchObject({
      status: 'signed',
      signedAt: at(3),
      alertedOwners: [owner],
      disputed: false,
    });
  });

  it('a report freezes the act; a cleared review and fresh checks let it be signed', () => {
    const frozen = actStateOf([drafted, alerted(1), checked(2), reported(3)]);
    expect(frozen.status).toBe('frozen');
    expect(frozen.reports).toEqual([{ owner, at: at(3) }]);
    const state = actStateOf([
      drafted,
      alerted(1),
      checked(2),
      reported(3),
      cleared(4),
      checked(5),
      signed(6),
    ]);
    expect(state.status).toBe('signed');
  });

  it('a cancelled review ends the act', () => {
    expect(actStateOf([drafted, alerted(1), reported(2), reviewCancelled(3)])).toMatchObject({
      status: 'cancelled',
      cancelledAt: at(3),
    });
  });

  it('the notary may cancel a draft or a frozen act with a reason', () => {
    expect(actStateOf([drafted, cancelled(1)]).status).toBe('cancelled');
    expect(actStateOf([drafted, alerted(1), reported(2), cancelled(3)]).status).toBe('cancelled');
  });

  it('a report after signing marks the act disputed and leaves it signed', () => {
    expect(actStateOf([drafted, alerted(1), checked(2), signed(3), reported(4)])).toMatchObject({
      status: 'signed',
      disputed: true,
    });
  });

  it('acts other than sales need no owner alert', () => {
    const copy: ActAction = {
      type: 'drafted',
      at: at(0),
      kind: 'copy-certification',
      notaryIin: IIN.notary,
    };
    const checks = runPreDealChecks(
      {
        kind: 'copy-certification',
        notaryIin: IIN.notary,
        parties: [{ role: 'applicant', kind: 'person', id: IIN.buyer }],
      },
      facts(),
      moment(at(1)),
    );
    expect(actStateOf([copy, { type: 'checks-run', at: at(1), checks }, signed(2)]).status).toBe(
      'signed',
    );
    expect(refusal([copy, alerted(1)])).toBe('ENOTARY_ACT_NO_OWNER_ALERT');
  });
});

describe('act lifecycle: refused sequences', () => {
  const cases: [string, ActAction[], string][] = [
    ['no history', [], 'ENOTARY_ACT_NOT_DRAFTED'],
    ['not starting with drafted', [alerted(0)], 'ENOTARY_ACT_NOT_DRAFTED'],
    ['drafted twice', [drafted, drafted], 'ENOTARY_ACT_ALREADY_DRAFTED'],
    [
      'dated before the previous action',
      [drafted, alerted(5), checked(4)],
      'ENOTARY_ACT_ACTION_OUT_OF_ORDER',
    ],
    [
      'signing while frozen',
      [drafted, alerted(1), checked(2), reported(3), signed(4)],
      'ENOTARY_ACT_FROZEN',
    ],
    [
      'signing a sale before any owner alert',
      [drafted, checked(1), signed(2)],
      'ENOTARY_ACT_OWNER_NOT_ALERTED',
    ],
    ['signing without checks', [drafted, alerted(1), signed(2)], 'ENOTARY_ACT_CHECKS_MISSING'],
    [
      'signing on the checks from before a cleared review',
      [drafted, alerted(1), checked(2), reported(3), cleared(4), signed(5)],
      'ENOTARY_ACT_CHECKS_MISSING',
    ],
    [
      'signing with blocking findings',
      [
        drafted,
        alerted(1),
        checked(2, facts({ notaryLicence: notaryLicence({ status: 'revoked' }) })),
        signed(3),
      ],
      'ENOTARY_ACT_CHECKS_BLOCKING',
    ],
    [
      'signing when the facts changed after the checks',
      [drafted, alerted(1), checked(2), signed(3, new Date(FACTS_AS_OF.getTime() + 1))],
      'ENOTARY_ACT_CHECKS_STALE',
    ],
    [
      'signing on checks older than the limit',
      [drafted, alerted(1), checked(2), signed(2 + SIGNING_CHECKS_MAX_AGE_MINUTES + 1)],
      'ENOTARY_ACT_CHECKS_STALE',
    ],
    [
      'signing by another notary',
      [drafted, alerted(1), checked(2), signed(3, FACTS_AS_OF, IIN.stranger)],
      'ENOTARY_ACT_NOT_ITS_NOTARY',
    ],
    [
      'signing twice',
      [drafted, alerted(1), checked(2), signed(3), signed(4)],
      'ENOTARY_ACT_ALREADY_SIGNED',
    ],
    [
      'cancelling a signed act',
      [drafted, alerted(1), checked(2), signed(3), cancelled(4)],
      'ENOTARY_ACT_ALREADY_SIGNED',
    ],
    [
      'checks on a signed act',
      [drafted, alerted(1), checked(2), signed(3), checked(4)],
      'ENOTARY_ACT_CLOSED',
    ],
    ['anything after cancellation', [drafted, cancelled(1), alerted(2)], 'ENOTARY_ACT_CLOSED'],
    [
      'a report on a cancelled act',
      [drafted, alerted(1), cancelled(2), reported(3)],
      'ENOTARY_ACT_CLOSED',
    ],
    ['signing a cancelled act', [drafted, cancelled(1), signed(2)], 'ENOTARY_ACT_CLOSED'],
    [
      'a report from someone never alerted',
      [drafted, alerted(1), reported(2, { kind: 'person', id: IIN.stranger })],
      'ENOTARY_ACT_REPORTER_NOT_ALERTED',
    ],
    ['a review of an act that is not frozen', [drafted, cleared(1)], 'ENOTARY_ACT_NOT_FROZEN'],
    [
      'a review cancelling an act that is not frozen',
      [drafted, reviewCancelled(1)],
      'ENOTARY_ACT_NOT_FROZEN',
    ],
    [
      'the act’s own notary reviewing it',
      [drafted, alerted(1), reported(2), cleared(3, IIN.notary)],
      'ENOTARY_ACT_REVIEWER_IS_NOTARY',
    ],
    [
      'cancelling without a reason',
      [drafted, cancelled(1, '   ')],
      'ENOTARY_ACT_CANCEL_REASON_REQUIRED',
    ],
    [
      'a review without a reason',
      [drafted, alerted(1), reported(2), cleared(3, IIN.reviewer, ' ')],
      'ENOTARY_ACT_REVIEW_REASON_REQUIRED',
    ],
    [
      'checks run for another kind of act',
      [
        drafted,
        {
          type: 'checks-run',
          at: at(1),
          checks: { ...runPreDealChecks(sale(), facts(), moment(at(1))), kind: 'consent' },
        },
      ],
      'ENOTARY_ACT_CHECKS_WRONG_KIND',
    ],
  ];
  for (const [name, history, code] of cases) {
    it(`refuses ${name}: ${code}`, () => expect(refusal(history)).toBe(code));
  }

  it('refuses another notary cancelling', () => {
    expect(() =>
      actStateOf([drafted, { type: 'cancelled', at: at(1), notaryIin: IIN.stranger, reason: 'x' }]),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_ACT_NOT_ITS_NOTARY', status: 403 }));
  });
});

describe('a report that already stands', () => {
  it('is this owner’s on a frozen act, or since the signing on a disputed one', () => {
    const other = { kind: 'person' as const, id: IIN.coOwner };
    const frozen = actStateOf([drafted, alerted(1), reported(2)]);
    expect(reportStands(frozen, owner)).toBe(true);
    expect(reportStands(frozen, other)).toBe(false);
    // Released by a review: the owner may report again.
    expect(reportStands(actStateOf([drafted, alerted(1), reported(2), cleared(3)]), owner)).toBe(
      false,
    );
    const signedAct = [drafted, alerted(1), checked(2), signed(3)];
    expect(reportStands(actStateOf(signedAct), owner)).toBe(false);
    expect(reportStands(actStateOf([...signedAct, reported(4)]), owner)).toBe(true);
    expect(reportStands(actStateOf([drafted, alerted(1)]), owner)).toBe(false);
  });
});

describe('signing verdict', () => {
  const ready = actStateOf([drafted, alerted(1), checked(2)]);

  it('allows signing exactly up to the age limit of the checks', () => {
    const limit = SIGNING_CHECKS_MAX_AGE_MINUTES * 60_000;
    const checksAt = at(2).getTime();
    expect(signingVerdict(ready, new Date(checksAt + limit), FACTS_AS_OF)).toEqual({
      allowed: true,
    });
    expect(signingVerdict(ready, new Date(checksAt + limit + 1), FACTS_AS_OF)).toMatchObject({
      allowed: false,
      code: 'ENOTARY_ACT_CHECKS_STALE',
      params: { reason: 'too-old' },
    });
  });

  it('property: signing is allowed iff the checks are fresh on both counts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1, max: 1 }).map((d) => SIGNING_CHECKS_MAX_AGE_MINUTES * 60_000 + d),
          fc.integer({ min: 0, max: 2 * SIGNING_CHECKS_MAX_AGE_MINUTES * 60_000 }),
        ),
        fc.oneof(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -3_600_000, max: 3_600_000 })),
        (age, factsShift) => {
          const signAt = new Date(at(2).getTime() + age);
          const factsAsOf = new Date(FACTS_AS_OF.getTime() + factsShift);
          const verdict = signingVerdict(ready, signAt, factsAsOf);
          const fresh = factsShift <= 0 && age <= SIGNING_CHECKS_MAX_AGE_MINUTES * 60_000;
          expect(verdict.allowed).toBe(fresh);
        },
      ),
    );
  });

  it('property: no sequence of actions ever signs a frozen or blocked act', () => {
    const blocked = facts({ notaryLicence: notaryLicence({ status: 'suspended' }) });
    const step = fc.constantFrom<(n: number) => ActAction>(
      alerted,
      (n) => checked(n),
      (n) => checked(n, blocked),
      (n) => signed(n),
      (n) => reported(n),
      (n) => cleared(n),
      (n) => reviewCancelled(n),
      (n) => cancelled(n),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let state = applyActAction(undefined, drafted);
        steps.forEach((make, index) => {
          const action = make(index + 1);
          try {
            const next = applyActAction(state, action);
            if (action.type === 'signed') {
              expect(state.status).toBe('draft');
              expect(state.checks?.signingAllowed).toBe(true);
              expect(state.alertedOwners.length).toBeGreaterThan(0);
            }
            state = next;
          } catch (error) {
            expect((error as { code: string }).code).toMatch(/^ENOTARY_ACT_/);
          }
        });
      }),
    );
  });
});

// NOW anchors the fixtures; make sure at(0) is it.
it('fixtures start at NOW', () => expect(at(0)).toEqual(NOW));
