import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../test/fixtures.js';
import { BIN, facts, flat, IIN, sale } from '../../test/fixtures.js';
import type { Party } from '../act-draft.js';
import { formatShare, parseShare, share } from '../share.js';
import { ownershipCheck } from './ownership-check.js';

const seller = (id: string, share: string): Party => ({
  role: 'seller',
  kind: 'person',
  id,
  share: parseShare(share),
});
const buyer = (id: string, share: string, kind: 'person' | 'organisation' = 'person'): Party => ({
  role: 'buyer',
  kind,
  id,
  share: parseShare(share),
});
const owners = (...lines: [string, string][]) =>
  flat({
    owners: lines.map(([id, share]) => ({
      owner: { kind: 'person', id },
      share: parseShare(share),
    })),
  });

describe('ownership check', () => {
  it('passes when the sole owner sells the whole flat', () => {
    expect(ownershipCheck(sale(), facts())).toEqual([]);
  });

  it('passes when thirds held by three owners are all sold (exact arithmetic)', () => {
    const property = owners([IIN.seller, '1/3'], [IIN.coOwner, '1/3'], [IIN.representative, '1/3']);
    const draft = sale({
      parties: [
        seller(IIN.seller, '1/3'),
        seller(IIN.coOwner, '1/3'),
        seller(IIN.representative, '1/3'),
        buyer(IIN.buyer, '1'),
      ],
    });
    expect(ownershipCheck(draft, facts({ property }))).toEqual([]);
  });

  it('adds an owner’s two register lines together', () => {
    const property = owners([IIN.seller, '1/4'], [IIN.seller, '3/4']);
    expect(ownershipCheck(sale(), facts({ property }))).toEqual([]);
  });

  it('blocks when the property is not in the register', () => {
    expect(ownershipCheck(sale(), facts({ property: undefined }))).toEqual([
      {
        code: 'ENOTARY_CHECK_PROPERTY_NOT_FOUND',
        severity: 'blocking',
        params: { cadastralNumber: '20:315:026:004:1:7' },
      },
    ]);
    // A record of another object is no record of this one.
    const other = flat({ cadastralNumber: '20:315:026:005' });
    expect(ownershipCheck(sale(), facts({ property: other }))[0]?.code).toBe(
      'ENOTARY_CHECK_PROPERTY_NOT_FOUND',
    );
  });

  it('blocks when the owners’ shares in the register do not add up to 1', () => {
    const property = owners([IIN.seller, '1/2'], [IIN.coOwner, '1/3']);
    const draft = sale({ parties: [seller(IIN.seller, '1/2'), buyer(IIN.buyer, '1/2')] });
    expect(ownershipCheck(draft, facts({ property }))).toContainEqual({
      code: 'ENOTARY_CHECK_OWNER_SHARES_INCONSISTENT',
      severity: 'blocking',
      params: { sum: '5/6' },
    });
    const tooMuch = owners([IIN.seller, '2/3'], [IIN.coOwner, '2/3']);
    expect(ownershipCheck(draft, facts({ property: tooMuch }))[0]).toMatchObject({
      params: { sum: '4/3' },
    });
  });

  it('blocks a seller who is not an owner', () => {
    const draft = sale({ parties: [seller(IIN.stranger, '1'), buyer(IIN.buyer, '1')] });
    expect(ownershipCheck(draft, facts())).toEqual([
      {
        code: 'ENOTARY_CHECK_SELLER_NOT_OWNER',
        severity: 'blocking',
        params: { party: IIN.stranger },
      },
    ]);
  });

  it('blocks a seller who sells more than the registered share', () => {
    const property = owners([IIN.seller, '1/2'], [IIN.coOwner, '1/2']);
    const draft = sale({ parties: [seller(IIN.seller, '2/3'), buyer(IIN.buyer, '2/3')] });
    expect(ownershipCheck(draft, facts({ property }))).toEqual([
      {
        code: 'ENOTARY_CHECK_SHARE_EXCEEDS_OWNED',
        severity: 'blocking',
        params: { party: IIN.seller, sold: '2/3', owned: '1/2' },
      },
    ]);
  });

  it('blocks when buyers take other than what is sold', () => {
    const draft = sale({ parties: [seller(IIN.seller, '1'), buyer(IIN.buyer, '1/2')] });
    expect(ownershipCheck(draft, facts())).toEqual([
      {
        code: 'ENOTARY_CHECK_SHARES_SOLD_BOUGHT_DIFFER',
        severity: 'blocking',
        params: { sold: '1', bought: '1/2' },
      },
    ]);
  });

  it('warns of the co-owners’ pre-emptive right when a share goes to an outsider', () => {
    const property = owners([IIN.seller, '1/2'], [IIN.coOwner, '1/2']);
    const toOutsider = sale({ parties: [seller(IIN.seller, '1/2'), buyer(IIN.buyer, '1/2')] });
    expect(ownershipCheck(toOutsider, facts({ property }))).toEqual([
      { code: 'ENOTARY_CHECK_CO_OWNER_PRE_EMPTION', severity: 'warning', params: {} },
    ]);
    // To the other co-owner: no pre-emption question.
    const toCoOwner = sale({ parties: [seller(IIN.seller, '1/2'), buyer(IIN.coOwner, '1/2')] });
    expect(ownershipCheck(toCoOwner, facts({ property }))).toEqual([]);
    // A company buying is an outsider too.
    const toCompany = sale({
      parties: [seller(IIN.seller, '1/2'), buyer(BIN.company, '1/2', 'organisation')],
    });
    expect(ownershipCheck(toCompany, facts({ property }))[0]?.code).toBe(
      'ENOTARY_CHECK_CO_OWNER_PRE_EMPTION',
    );
  });

  it('property: shares summing to exactly 1 pass; dropping any owner’s line is caught', () => {
    // Owner IINs that are valid and distinct: born in 1980, serials 1…n.
    const ownerIin = (index: number) =>
      withCheckDigit(`8001013${String(index + 1).padStart(4, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        (weights, pick) => {
          const total = BigInt(weights.reduce((a, b) => a + b, 0));
          const lines = weights.map((weight, index) => ({
            owner: { kind: 'person' as const, id: ownerIin(index) },
            share: share(BigInt(weight), total),
          }));
          const sellerIndex = pick % lines.length;
          const sold = lines[sellerIndex]!;
          const draft = sale({
            parties: [
              { role: 'seller', kind: 'person', id: sold.owner.id, share: sold.share },
              {
                role: 'buyer',
                kind: 'person',
                id: lines[(sellerIndex + 1) % lines.length]!.owner.id,
                share: sold.share,
              },
            ],
          });
          expect(ownershipCheck(draft, facts({ property: flat({ owners: lines }) }))).toEqual([]);
          const missingOne = lines.filter((_, index) => index !== (sellerIndex + 1) % lines.length);
          const findings = ownershipCheck(draft, facts({ property: flat({ owners: missingOne }) }));
          expect(findings[0]).toMatchObject({ code: 'ENOTARY_CHECK_OWNER_SHARES_INCONSISTENT' });
          expect(findings[0]?.params.sum).not.toBe(formatShare(share(1n, 1n)));
        },
      ),
    );
  });
});
