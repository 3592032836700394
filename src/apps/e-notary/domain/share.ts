import { DomainError } from '../../../platform/errors.js';

/**
 * A share in common property as an exact fraction (Civil Code, common property: shares of co-owners
 * are fractions of the whole). Always kept reduced, with a positive denominator, between 0 and 1.
 * Bigints, never floats: 1/3 + 1/3 + 1/3 must be exactly 1, which no float sum guarantees.
 */
export interface Share {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const ZERO: Share = { numerator: 0n, denominator: 1n };
export const WHOLE: Share = { numerator: 1n, denominator: 1n };

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** A reduced fraction; numerator and denominator may have any common factor. */
function reduced(numerator: bigint, denominator: bigint): Share {
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/**
 * A share n/d with 0 ≤ n ≤ d and d > 0, reduced. Outcomes: the share, or ENOTARY_SHARE_INVALID
 * (a negative, zero-denominator or greater-than-whole fraction).
 */
export function share(numerator: bigint, denominator: bigint): Share {
  if (denominator <= 0n || numerator < 0n || numerator > denominator) {
    throw new DomainError('ENOTARY_SHARE_INVALID', 400, {
      share: `${numerator}/${denominator}`,
    });
  }
  return reduced(numerator, denominator);
}

const SHARE_TEXT = /^\s*(\d{1,30})\s*\/\s*(\d{1,30})\s*$/;

/**
 * Reads a share written as registries and deeds write it: `1/2`, `3/10`, or `1` for the whole, `0` for none.
 * Outcomes: the reduced share, or ENOTARY_SHARE_INVALID for anything else (decimals included:
 * `0.5` is refused so that nobody rounds 1/3 on the way in).
 */
export function parseShare(text: string): Share {
  if (/^\s*1\s*$/.test(text)) return WHOLE;
  if (/^\s*0\s*$/.test(text)) return ZERO;
  const match = SHARE_TEXT.exec(text);
  if (!match) throw new DomainError('ENOTARY_SHARE_INVALID', 400, { share: text.slice(0, 40) });
  return share(BigInt(match[1]!), BigInt(match[2]!));
}

export const formatShare = (value: Share): string =>
  value.denominator === 1n ? String(value.numerator) : `${value.numerator}/${value.denominator}`;

/** a + b, not capped at the whole: sums of co-owners' shares are checked against 1, not clamped. */
export const addShares = (a: Share, b: Share): Share =>
  reduced(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);

/** a − b; may be negative (callers compare first). */
export const subtractShares = (a: Share, b: Share): Share =>
  reduced(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareShares(a: Share, b: Share): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const sharesEqual = (a: Share, b: Share): boolean => compareShares(a, b) === 0;

export const sumShares = (shares: readonly Share[]): Share => shares.reduce(addShares, ZERO);
