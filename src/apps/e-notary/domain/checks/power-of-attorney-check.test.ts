import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../platform/calendar/local-date.js';
import {
  BIN,
  CADASTRAL,
  facts,
  IIN,
  minutes,
  moment,
  NOW,
  POA_NUMBER,
  powerOfAttorney,
  sale,
  withPerson,
} from '../../test/fixtures.js';
import type { ActDraft } from '../act-draft.js';
import type { Facts, PowerOfAttorneyFact } from '../facts.js';
import { parseShare } from '../share.js';
import { powerOfAttorneyCheck } from './power-of-attorney-check.js';

/** The seller sells through the representative under POA_NUMBER. */
const represented = (changes: Partial<ActDraft> = {}): ActDraft =>
  sale({
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
    ...changes,
  });
const withPoa = (changes: Partial<PowerOfAttorneyFact>, base: Facts = facts()): Facts => ({
  ...base,
  powersOfAttorney: new Map([[POA_NUMBER, powerOfAttorney(changes)]]),
});
const codes = (draft: ActDraft, given: Facts, now?: Date) =>
  powerOfAttorneyCheck(draft, given, moment(now)).map((finding) => finding.code);
const TODAY = '2026-03-20'; // NOW in Almaty

describe('power of attorney check', () => {
  it('passes a valid power of attorney that covers this sale and this flat', () => {
    expect(powerOfAttorneyCheck(represented(), facts(), moment())).toEqual([]);
    expect(
      codes(represented(), withPoa({ scope: { actKinds: ['real-estate-sale'], objects: 'any' } })),
    ).toEqual([]);
  });

  it('has nothing to check when nobody is represented', () => {
    expect(powerOfAttorneyCheck(sale(), facts({ powersOfAttorney: new Map() }), moment())).toEqual(
      [],
    );
  });

  it('blocks a power of attorney that does not exist', () => {
    expect(
      powerOfAttorneyCheck(represented(), facts({ powersOfAttorney: new Map() }), moment()),
    ).toEqual([
      {
        code: 'ENOTARY_CHECK_POA_NOT_FOUND',
        severity: 'blocking',
        params: { party: IIN.seller, powerOfAttorney: POA_NUMBER },
      },
    ]);
  });

  it('blocks one given by someone else or to someone else', () => {
    expect(
      codes(represented(), withPoa({ principal: { kind: 'person', id: IIN.coOwner } })),
    ).toEqual(['ENOTARY_CHECK_POA_WRONG_PRINCIPAL']);
    expect(
      codes(represented(), withPoa({ principal: { kind: 'organisation', id: IIN.seller } })),
    ).toEqual(['ENOTARY_CHECK_POA_WRONG_PRINCIPAL']);
    expect(codes(represented(), withPoa({ representativeIin: IIN.stranger }))).toEqual([
      'ENOTARY_CHECK_POA_WRONG_REPRESENTATIVE',
    ]);
  });

  it('blocks an expired one and one not yet in force', () => {
    expect(
      powerOfAttorneyCheck(represented(), withPoa({ validUntil: '2026-03-19' }), moment()),
    ).toEqual([
      {
        code: 'ENOTARY_CHECK_POA_EXPIRED',
        severity: 'blocking',
        params: { party: IIN.seller, powerOfAttorney: POA_NUMBER, validUntil: '2026-03-19' },
      },
    ]);
    expect(codes(represented(), withPoa({ issuedOn: '2026-03-21' }))).toEqual([
      'ENOTARY_CHECK_POA_NOT_YET_VALID',
    ]);
  });

  it('blocks a revoked one from the very moment of revocation', () => {
    expect(powerOfAttorneyCheck(represented(), withPoa({ revokedAt: NOW }), moment())).toEqual([
      {
        code: 'ENOTARY_CHECK_POA_REVOKED',
        severity: 'blocking',
        params: { party: IIN.seller, powerOfAttorney: POA_NUMBER, revokedAt: NOW.toISOString() },
      },
    ]);
    expect(codes(represented(), withPoa({ revokedAt: new Date(NOW.getTime() + 1) }))).toEqual([]);
  });

  it('blocks when the principal or the representative has died (Civil Code Art. 170)', () => {
    const principalDead = withPerson(facts(), { iin: IIN.seller, deathDate: '2026-03-01' });
    expect(codes(represented(), principalDead)).toEqual(['ENOTARY_CHECK_POA_PRINCIPAL_DECEASED']);
    const representativeDead = withPerson(facts(), {
      iin: IIN.representative,
      deathDate: '2026-03-01',
    });
    expect(codes(represented(), representativeDead)).toEqual([
      'ENOTARY_CHECK_POA_REPRESENTATIVE_DECEASED',
    ]);
  });

  it('blocks one given by an organisation since wound up', () => {
    const draft = represented({
      parties: [
        {
          role: 'seller',
          kind: 'organisation',
          id: BIN.company,
          share: parseShare('1'),
          representative: { iin: IIN.representative, powerOfAttorney: POA_NUMBER },
        },
        { role: 'buyer', kind: 'person', id: IIN.buyer, share: parseShare('1') },
      ],
    });
    const given = withPoa({ principal: { kind: 'organisation', id: BIN.company } });
    expect(codes(draft, given)).toEqual([]);
    const wound = {
      ...given,
      organisations: new Map([[BIN.company, { bin: BIN.company, status: 'liquidated' as const }]]),
    };
    expect(codes(draft, wound)).toEqual(['ENOTARY_CHECK_POA_PRINCIPAL_LIQUIDATED']);
  });

  it('blocks when the scope misses the kind of act or the object', () => {
    expect(
      codes(represented(), withPoa({ scope: { actKinds: ['consent'], objects: 'any' } })),
    ).toEqual(['ENOTARY_CHECK_POA_SCOPE_ACT_KIND']);
    expect(
      codes(
        represented(),
        withPoa({ scope: { actKinds: ['real-estate-sale'], objects: ['20:315:026:005'] } }),
      ),
    ).toEqual(['ENOTARY_CHECK_POA_SCOPE_OBJECT']);
    // An object-bound power of attorney does not cover an act with no object.
    const consent = represented({ kind: 'consent', cadastralNumber: undefined });
    expect(
      codes(consent, withPoa({ scope: { actKinds: ['consent'], objects: [CADASTRAL] } })),
    ).toEqual(['ENOTARY_CHECK_POA_SCOPE_OBJECT']);
  });

  it('reports every ground at once: revoked, dead and out of scope', () => {
    const given = withPerson(
      withPoa({ revokedAt: minutes(-5), scope: { actKinds: ['consent'], objects: 'any' } }),
      {
        iin: IIN.seller,
        deathDate: '2026-03-01',
      },
    );
    expect(codes(represented(), given)).toEqual([
      'ENOTARY_CHECK_POA_REVOKED',
      'ENOTARY_CHECK_POA_PRINCIPAL_DECEASED',
      'ENOTARY_CHECK_POA_SCOPE_ACT_KIND',
    ]);
  });

  it('property: valid exactly when issuedOn ≤ today ≤ validUntil (Almaty days)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -800, max: 800 }),
        fc.integer({ min: 0, max: 1100 }),
        (start, length) => {
          const issuedOn = addDays(TODAY, start);
          const validUntil = addDays(issuedOn, length);
          const found = codes(represented(), withPoa({ issuedOn, validUntil }));
          if (issuedOn > TODAY) expect(found).toEqual(['ENOTARY_CHECK_POA_NOT_YET_VALID']);
          else if (validUntil < TODAY) expect(found).toEqual(['ENOTARY_CHECK_POA_EXPIRED']);
          else expect(found).toEqual([]);
        },
      ),
    );
  });

  it('property: revoked exactly when revokedAt ≤ now, to the millisecond', () => {
    fc.assert(
      fc.property(
        // The boundary itself (and a millisecond either side) is always tried.
        fc.oneof(
          fc.integer({ min: -2, max: 2 }),
          fc.integer({ min: -86_400_000, max: 86_400_000 }),
        ),
        (offset) => {
          const revokedAt = new Date(NOW.getTime() + offset);
          const found = codes(represented(), withPoa({ revokedAt }));
          expect(found).toEqual(offset <= 0 ? ['ENOTARY_CHECK_POA_REVOKED'] : []);
        },
      ),
    );
  });
});
