import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requireCompleteAnswer } from './answer-requirements.js';
import { rateAnswer } from './rating.js';

const complete = {
  text: 'The road on Abai Avenue will be repaired by 1 June.',
  legalGrounds: 'Law on roads, Art. 13',
  appealRoute:
    'To the Ministry of Transport or the administrative court within 3 months (APPC Art. 92)',
};

describe('answer requirements', () => {
  it('pass a complete answer, trimmed', () => {
    expect(
      requireCompleteAnswer({ ...complete, legalGrounds: ` ${complete.legalGrounds} ` }),
    ).toEqual(complete);
  });

  it('refuse an answer without legal grounds or appeal route, naming every missing part', () => {
    expect(() => requireCompleteAnswer({ ...complete, legalGrounds: '' })).toThrow(
      expect.objectContaining({
        code: 'OTINISH_ANSWER_INCOMPLETE',
        status: 422,
        fields: [{ field: 'legalGrounds', code: 'OTINISH_ANSWER_NO_LEGAL_GROUNDS' }],
      }),
    );
    expect(() =>
      requireCompleteAnswer({ text: ' ', legalGrounds: '\n', appealRoute: '\t' }),
    ).toThrow(
      expect.objectContaining({
        code: 'OTINISH_ANSWER_INCOMPLETE',
        fields: [
          { field: 'text', code: 'OTINISH_ANSWER_EMPTY' },
          { field: 'legalGrounds', code: 'OTINISH_ANSWER_NO_LEGAL_GROUNDS' },
          { field: 'appealRoute', code: 'OTINISH_ANSWER_NO_APPEAL_ROUTE' },
        ],
      }),
    );
    expect(() => requireCompleteAnswer({ ...complete, appealRoute: '   ' })).toThrow(
      expect.objectContaining({
        fields: [{ field: 'appealRoute', code: 'OTINISH_ANSWER_NO_APPEAL_ROUTE' }],
      }),
    );
  });
});

describe('rating', () => {
  it('offers the complaint route for 1 and 2 only', () => {
    expect([1, 2, 3, 4, 5].map((score) => rateAnswer(score).offersComplaint)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('refuses anything but a whole number from 1 to 5', () => {
    for (const score of [0, 6, -1, 2.5, Number.NaN, Infinity]) {
      expect(() => rateAnswer(score)).toThrow(
        expect.objectContaining({ code: 'OTINISH_RATING_OUT_OF_RANGE', status: 422 }),
      );
    }
    fc.assert(
      fc.property(fc.double(), (score) => {
        const valid = Number.isInteger(score) && score >= 1 && score <= 5;
        if (valid) expect(rateAnswer(score).score).toBe(score);
        else expect(() => rateAnswer(score)).toThrow();
      }),
    );
  });
});
