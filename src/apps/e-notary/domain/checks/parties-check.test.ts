import { describe, expect, it } from 'vitest';
import { BIN, facts, IIN, POA_NUMBER, sale, withPerson } from '../../test/fixtures.js';
import { parseShare } from '../share.js';
import { partiesCheck } from './parties-check.js';

describe('parties check', () => {
  it('passes living, known people', () => {
    expect(partiesCheck(sale(), facts())).toEqual([]);
  });

  it('blocks a deceased party', () => {
    const dead = withPerson(facts(), { iin: IIN.seller, deathDate: '2026-02-01' });
    expect(partiesCheck(sale(), dead)).toEqual([
      {
        code: 'ENOTARY_CHECK_PARTY_DECEASED',
        severity: 'blocking',
        params: { party: IIN.seller, deathDate: '2026-02-01' },
      },
    ]);
  });

  it('blocks a deceased representative', () => {
    const draft = sale({
      parties: [
        {
          role: 'seller',
          kind: 'person',
          id: IIN.seller,
          share: parseShare('1'),
          representative: { iin: IIN.representative, powerOfAttorney: POA_NUMBER },
        },
        { role: 'buyer', kind: 'person', id: IIN.buyer, share: parseShare('1') },
      ],
    });
    const dead = withPerson(facts(), { iin: IIN.representative, deathDate: '2026-03-01' });
    expect(partiesCheck(draft, dead).map((f) => f.code)).toEqual(['ENOTARY_CHECK_PARTY_DECEASED']);
  });

  it('blocks an IIN unknown to the population register', () => {
    const draft = sale({
      parties: [
        { role: 'seller', kind: 'person', id: IIN.seller, share: parseShare('1') },
        { role: 'buyer', kind: 'person', id: IIN.stranger, share: parseShare('1') },
      ],
    });
    expect(partiesCheck(draft, facts())).toEqual([
      {
        code: 'ENOTARY_CHECK_PERSON_NOT_FOUND',
        severity: 'blocking',
        params: { party: IIN.stranger },
      },
    ]);
  });

  it('blocks a person declared incapable', () => {
    const incapable = withPerson(facts(), { iin: IIN.buyer, deathDate: null, incapacitated: true });
    expect(partiesCheck(sale(), incapable).map((f) => f.code)).toEqual([
      'ENOTARY_CHECK_PARTY_INCAPACITATED',
    ]);
  });

  it('blocks an unknown or wound-up organisation, passes an active one', () => {
    const draft = (bin: string) =>
      sale({
        parties: [
          { role: 'seller', kind: 'person', id: IIN.seller, share: parseShare('1') },
          { role: 'buyer', kind: 'organisation', id: bin, share: parseShare('1') },
        ],
      });
    expect(partiesCheck(draft(BIN.company), facts())).toEqual([]);
    expect(partiesCheck(draft(BIN.company), facts({ organisations: new Map() }))).toEqual([
      {
        code: 'ENOTARY_CHECK_ORGANISATION_NOT_FOUND',
        severity: 'blocking',
        params: { party: BIN.company },
      },
    ]);
    for (const status of ['liquidated', 'in-liquidation'] as const) {
      const wound = facts({
        organisations: new Map([[BIN.company, { bin: BIN.company, status }]]),
      });
      expect(partiesCheck(draft(BIN.company), wound)).toEqual([
        {
          code: 'ENOTARY_CHECK_ORGANISATION_LIQUIDATED',
          severity: 'blocking',
          params: { party: BIN.company, status },
        },
      ]);
    }
  });
});
