import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { almaty, kz } from '../test/kz-legal-calendar.js';
import type { AppealAction } from './appeal-actions.js';
import { applyAppealAction, deriveAppealState, type AppealState } from './appeal-state.js';
import { decisionTerm } from './decision-term.js';
import { extendDecisionTerm } from './extension.js';

// Received on Saturday 21 March 2026 (Nauryz), registered Thursday 26 March, due 16 April.
const term = decisionTerm('2026-03-26', kz);
const submitted: AppealAction = { type: 'submitted', at: almaty('2026-03-21', '10:00') };
const registered: AppealAction = {
  type: 'registered',
  at: almaty('2026-03-21', '10:00'),
  couponNumber: 'AKIMAT-ALMATY-2026-000007',
  considered: true,
  term,
};
const extension = extendDecisionTerm(
  {
    originalTerm: term,
    currentTerm: term,
    newLastDay: '2026-05-29',
    deciderRoles: ['agency-deputy'],
    reasons: 'Site inspection needed',
    decidedAt: almaty('2026-04-14'),
  },
  kz,
);
const extended: AppealAction = {
  type: 'extended',
  at: almaty('2026-04-14'),
  term: extension.term,
  deciderRole: 'agency-deputy',
  reasons: 'Site inspection needed',
};

const refusalOf = (actions: AppealAction[]) => {
  try {
    deriveAppealState(actions, kz);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, index: error.params.index };
    throw error;
  }
  return undefined;
};

describe('appeal status from its history', () => {
  it('follows a whole appeal: extended, heard, refused, rated poorly, complained about', () => {
    const history: AppealAction[] = [
      submitted,
      registered,
      extended,
      { type: 'hearing-notified', at: almaty('2026-05-04'), noticeSentOn: '2026-05-04' },
      // Three whole working days: 5, 6 and 8 May (7 May is off); decision from 12 May (11 off).
      { type: 'decided', at: almaty('2026-05-12', '16:00'), adverse: true },
      { type: 'rated', at: almaty('2026-05-13'), score: 1 },
      { type: 'complaint-filed', at: almaty('2026-05-14'), late: false },
    ];
    const statuses = history.map((_, n) => deriveAppealState(history.slice(0, n + 1), kz).status);
    expect(statuses).toEqual([
      'submitted',
      'registered',
      'extended',
      'hearing',
      'decided',
      'decided',
      'complaint-filed',
    ]);
    const state = deriveAppealState(history, kz);
    expect(state).toMatchObject({
      couponNumber: 'AKIMAT-ALMATY-2026-000007',
      originalTerm: term,
      term: extension.term,
      extensions: 1,
      adverse: true,
      decidedOnTime: true,
      rating: 1,
    });
  });

  it('marks deemed refusal after the term, and still takes a late decision', () => {
    const history: AppealAction[] = [
      submitted,
      registered,
      { type: 'deemed-refused', at: new Date('2026-04-16T19:00:00Z') },
    ];
    expect(deriveAppealState(history, kz).status).toBe('deemed-refused');
    const late = deriveAppealState(
      [...history, { type: 'decided', at: almaty('2026-04-20'), adverse: false }],
      kz,
    );
    expect(late).toMatchObject({ status: 'decided', decidedOnTime: false });
    expect(
      deriveAppealState(
        [...history, { type: 'complaint-filed', at: almaty('2026-04-20'), late: false }],
        kz,
      ).status,
    ).toBe('complaint-filed');
  });

  it('keeps an anonymous appeal registered but not considered', () => {
    const anonymous: AppealAction = {
      type: 'registered',
      at: submitted.at,
      couponNumber: 'AKIMAT-ALMATY-2026-000008',
      considered: false,
    };
    expect(deriveAppealState([submitted, anonymous], kz).status).toBe('not-considered');
    expect(
      refusalOf([
        submitted,
        anonymous,
        { type: 'decided', at: almaty('2026-03-27'), adverse: false },
      ]),
    ).toEqual({ code: 'OTINISH_NOT_CONSIDERED', index: 2 });
  });

  it('closes the appeal at this body once forwarded', () => {
    const forwarded: AppealAction = {
      type: 'forwarded',
      at: almaty('2026-03-27'),
      toBodyCode: 'ministry-digital',
    };
    expect(deriveAppealState([submitted, registered, forwarded], kz)).toMatchObject({
      status: 'forwarded',
      forwardedTo: 'ministry-digital',
    });
    expect(
      refusalOf([
        submitted,
        registered,
        forwarded,
        { type: 'decided', at: almaty('2026-03-30'), adverse: false },
      ]),
    ).toEqual({ code: 'OTINISH_ALREADY_FORWARDED', index: 3 });
  });

  const decided: AppealAction = { type: 'decided', at: almaty('2026-04-01'), adverse: false };
  it.each<[string, AppealAction[], string, number]>([
    ['an empty history', [], 'OTINISH_NOT_SUBMITTED', 0],
    ['a history that starts later', [registered], 'OTINISH_NOT_SUBMITTED', 0],
    ['a second submission', [submitted, submitted], 'OTINISH_ALREADY_SUBMITTED', 1],
    ['a second registration', [submitted, registered, registered], 'OTINISH_ALREADY_REGISTERED', 2],
    ['a decision before registration', [submitted, decided], 'OTINISH_NOT_REGISTERED', 1],
    [
      'an action earlier than the one before',
      [submitted, registered, decided, { type: 'rated', at: almaty('2026-03-30'), score: 5 }],
      'OTINISH_ACTION_OUT_OF_ORDER',
      3,
    ],
    ['a second decision', [submitted, registered, decided, decided], 'OTINISH_ALREADY_DECIDED', 3],
    [
      'an extension after the decision',
      [submitted, registered, decided, { ...extended, at: almaty('2026-04-02') }],
      'OTINISH_ALREADY_DECIDED',
      3,
    ],
    [
      'an extension by an officer who is not head or deputy',
      [submitted, registered, { ...extended, deciderRole: 'officer' }],
      'OTINISH_EXTENSION_ROLE',
      2,
    ],
    [
      'an extension without reasons',
      [submitted, registered, { ...extended, reasons: ' ' }],
      'OTINISH_EXTENSION_NO_REASONS',
      2,
    ],
    [
      'an extension after the term',
      [submitted, registered, { ...extended, at: almaty('2026-04-17') }],
      'OTINISH_EXTENSION_TERM_EXPIRED',
      2,
    ],
    [
      'an extension that shortens the term',
      [
        submitted,
        registered,
        extended,
        { ...extended, term: { ...extension.term, lastDay: '2026-05-28' } },
      ],
      'OTINISH_EXTENSION_NOT_LATER',
      3,
    ],
    [
      'an extension past 2 months',
      [submitted, registered, { ...extended, term: { ...extension.term, lastDay: '2026-06-17' } }],
      'OTINISH_EXTENSION_TOO_LONG',
      2,
    ],
    [
      'an adverse decision without a hearing',
      [submitted, registered, { ...decided, adverse: true }],
      'OTINISH_HEARING_REQUIRED',
      2,
    ],
    [
      'an adverse decision too soon after the hearing notice',
      [
        submitted,
        registered,
        { type: 'hearing-notified', at: almaty('2026-04-06'), noticeSentOn: '2026-04-06' },
        { type: 'decided', at: almaty('2026-04-09'), adverse: true },
      ],
      'OTINISH_HEARING_TOO_SOON',
      3,
    ],
    [
      'a deemed refusal before the term ends',
      [submitted, registered, { type: 'deemed-refused', at: almaty('2026-04-16', '23:59') }],
      'OTINISH_TERM_NOT_EXPIRED',
      2,
    ],
    [
      'a second deemed refusal',
      [
        submitted,
        registered,
        { type: 'deemed-refused', at: almaty('2026-04-17') },
        { type: 'deemed-refused', at: almaty('2026-04-18') },
      ],
      'OTINISH_ALREADY_DEEMED_REFUSED',
      3,
    ],
    [
      'a deemed refusal after the decision',
      [submitted, registered, decided, { type: 'deemed-refused', at: almaty('2026-04-17') }],
      'OTINISH_ALREADY_DECIDED',
      3,
    ],
    [
      'a rating before the decision',
      [submitted, registered, { type: 'rated', at: almaty('2026-03-30'), score: 5 }],
      'OTINISH_NOT_DECIDED',
      2,
    ],
    [
      'a second rating',
      [
        submitted,
        registered,
        decided,
        { type: 'rated', at: almaty('2026-04-02'), score: 5 },
        { type: 'rated', at: almaty('2026-04-03'), score: 1 },
      ],
      'OTINISH_ALREADY_RATED',
      4,
    ],
    [
      'a complaint with nothing to contest',
      [submitted, registered, { type: 'complaint-filed', at: almaty('2026-03-30'), late: false }],
      'OTINISH_NOTHING_TO_CONTEST',
      2,
    ],
    [
      'a second complaint',
      [
        submitted,
        registered,
        decided,
        { type: 'complaint-filed', at: almaty('2026-04-02'), late: false },
        { type: 'complaint-filed', at: almaty('2026-04-03'), late: false },
      ],
      'OTINISH_COMPLAINT_ALREADY_FILED',
      4,
    ],
    [
      'a complaint after 3 months not admitted as late',
      // Decided 1 April 2026: the window ends on 1 July.
      [
        submitted,
        registered,
        decided,
        { type: 'complaint-filed', at: almaty('2026-07-02'), late: false },
      ],
      'OTINISH_COMPLAINT_WINDOW_CLOSED',
      3,
    ],
  ])('refuses %s', (_, actions, code, index) => {
    expect(refusalOf(actions)).toEqual({ code, index });
  });

  it('accepts a late complaint admitted on a restoration reason', () => {
    expect(
      deriveAppealState(
        [
          submitted,
          registered,
          decided,
          { type: 'complaint-filed', at: almaty('2026-07-02'), late: true },
        ],
        kz,
      ).status,
    ).toBe('complaint-filed');
  });

  it('never accepts a history that breaks a rule, whatever the order of the steps', () => {
    const steps: AppealAction[] = [
      registered,
      extended,
      { type: 'hearing-notified', at: almaty('2026-04-15'), noticeSentOn: '2026-04-15' },
      { type: 'decided', at: almaty('2026-04-21'), adverse: true },
      { type: 'decided', at: almaty('2026-04-21'), adverse: false },
      { type: 'deemed-refused', at: almaty('2026-04-17') },
      { type: 'forwarded', at: almaty('2026-03-27'), toBodyCode: 'ministry-digital' },
      { type: 'rated', at: almaty('2026-04-22'), score: 2 },
      { type: 'complaint-filed', at: almaty('2026-04-23'), late: false },
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...steps), { maxLength: 8 }), (chosen) => {
        const history = [submitted, ...chosen].sort((a, b) => a.at.getTime() - b.at.getTime());
        let state: AppealState | undefined;
        for (const [index, action] of history.entries()) {
          try {
            state = applyAppealAction(state, action, index, kz);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            return;
          }
        }
        // An accepted history keeps the rules.
        const final = state!;
        const count = (type: string) => history.filter((a) => a.type === type).length;
        expect(count('registered')).toBeLessThanOrEqual(1);
        expect(count('decided')).toBeLessThanOrEqual(1);
        expect(count('rated')).toBeLessThanOrEqual(final.decidedAt ? 1 : 0);
        if (final.adverse) expect(final.hearingNoticeSentOn).toBeDefined();
        if (final.deemedRefusedAt)
          expect(final.deemedRefusedAt >= final.originalTerm!.expiresAt).toBe(true);
        if (final.forwardedTo) expect(history.at(-1)!.type).toBe('forwarded');
      }),
    );
  });
});
