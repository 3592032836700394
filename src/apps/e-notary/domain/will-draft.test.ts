import { describe, expect, it } from 'vitest';
import { facts, IIN, moment, notaryLicence, withPerson } from '../test/fixtures.js';
import { willChecks } from './will-draft.js';

const draft = { testatorIin: IIN.seller, notaryIin: IIN.notary };
const codes = (result: ReturnType<typeof willChecks>) => result.findings.map((f) => f.code);

describe('checks before certifying a will', () => {
  it('pass for a living, capable testator in person before a licensed notary', () => {
    expect(willChecks(draft, facts(), moment())).toEqual({ findings: [], certifiable: true });
  });

  it('refuse a will made through a representative', () => {
    const result = willChecks(
      { ...draft, representativeIin: IIN.representative },
      facts(),
      moment(),
    );
    expect(result).toEqual({
      findings: [{ code: 'ENOTARY_WILL_IN_PERSON_ONLY', severity: 'blocking', params: {} }],
      certifiable: false,
    });
  });

  it('refuse an unknown, deceased or incapable testator', () => {
    expect(codes(willChecks({ ...draft, testatorIin: IIN.stranger }, facts(), moment()))).toEqual([
      'ENOTARY_CHECK_PERSON_NOT_FOUND',
    ]);
    expect(
      codes(
        willChecks(
          draft,
          withPerson(facts(), { iin: IIN.seller, deathDate: '2026-01-01' }),
          moment(),
        ),
      ),
    ).toEqual(['ENOTARY_CHECK_PARTY_DECEASED']);
    expect(
      codes(
        willChecks(
          draft,
          withPerson(facts(), { iin: IIN.seller, deathDate: null, incapacitated: true }),
          moment(),
        ),
      ),
    ).toEqual(['ENOTARY_CHECK_PARTY_INCAPACITATED']);
  });

  it('refuse a notary whose licence is not valid', () => {
    const result = willChecks(
      draft,
      facts({ notaryLicence: notaryLicence({ validTo: '2025-12-31' }) }),
      moment(),
    );
    expect(result.certifiable).toBe(false);
    expect(codes(result)).toEqual(['ENOTARY_CHECK_LICENCE_EXPIRED']);
  });
});
