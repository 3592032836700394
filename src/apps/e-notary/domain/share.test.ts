import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addShares,
  compareShares,
  formatShare,
  parseShare,
  share,
  sharesEqual,
  subtractShares,
  sumShares,
  WHOLE,
  ZERO,
} from './share.js';

const anyShare = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }))
  .map(([denominator, raw]) => share(raw % (denominator + 1n), denominator));

describe('shares as exact fractions', () => {
  it('reads and reduces what deeds write, and refuses anything else', () => {
    expect(formatShare(parseShare('2/4'))).toBe('1/2');
    expect(formatShare(parseShare(' 3 / 10 '))).toBe('3/10');
    expect(parseShare('1')).toEqual(WHOLE);
    expect(parseShare('0/5')).toEqual(ZERO);
    expect(parseShare('0')).toEqual(ZERO);
    for (const bad of ['0.5', '1/0', '3/2', '-1/2', 'a/b', '', '1/2/3', '½']) {
      expect(() => parseShare(bad), bad).toThrow(
        expect.objectContaining({ code: 'ENOTARY_SHARE_INVALID' }),
      );
    }
  });

  it('adds thirds to exactly the whole, where floats would not', () => {
    const third = parseShare('1/3');
    expect(sharesEqual(sumShares([third, third, third]), WHOLE)).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(sharesEqual(addShares(parseShare('1/10'), parseShare('2/10')), parseShare('3/10'))).toBe(
      true,
    );
  });

  it('property: any split of the whole into parts sums back to exactly 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        (weights) => {
          const total = BigInt(weights.reduce((a, b) => a + b, 0));
          const parts = weights.map((w) => share(BigInt(w), total));
          expect(sharesEqual(sumShares(parts), WHOLE)).toBe(true);
          // Taking any one part away leaves less than the whole.
          expect(compareShares(subtractShares(WHOLE, parts[0]!), WHOLE)).toBe(-1);
        },
      ),
    );
  });

  it('property: addition is commutative and associative, and subtraction undoes it', () => {
    fc.assert(
      fc.property(anyShare, anyShare, anyShare, (a, b, c) => {
        expect(addShares(a, b)).toEqual(addShares(b, a));
        expect(addShares(addShares(a, b), c)).toEqual(addShares(a, addShares(b, c)));
        expect(subtractShares(addShares(a, b), b)).toEqual(a);
      }),
    );
  });

  it('property: results are always reduced, and formatting then parsing gives the same share', () => {
    fc.assert(
      fc.property(anyShare, (a) => {
        const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? x : gcd(y, x % y));
        expect(gcd(a.numerator, a.denominator)).toBe(a.numerator === 0n ? a.denominator : 1n);
        expect(parseShare(formatShare(a))).toEqual(a);
      }),
    );
  });

  it('property: comparison agrees with cross-multiplication and is antisymmetric', () => {
    fc.assert(
      fc.property(anyShare, anyShare, (a, b) => {
        expect(compareShares(a, b)).toBe(-compareShares(b, a) || 0);
        expect(compareShares(a, b) === 0).toBe(sharesEqual(a, b));
      }),
    );
  });
});
