import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCouponNumber, issueCoupon, parseCouponNumber } from './coupon.js';

const bodyCode = fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/);
const parts = fc.record({
  bodyCode,
  year: fc.integer({ min: 2020, max: 2099 }),
  sequence: fc.integer({ min: 1, max: 50_000_000 }),
});

describe('coupon numbers', () => {
  it('read body, year and sequence', () => {
    expect(formatCouponNumber({ bodyCode: 'akimat-almaty', year: 2026, sequence: 42 })).toBe(
      'AKIMAT-ALMATY-2026-000042',
    );
    expect(formatCouponNumber({ bodyCode: 'mvd', year: 2026, sequence: 1_234_567 })).toBe(
      'MVD-2026-1234567',
    );
    expect(parseCouponNumber(' akimat-almaty-2026-000042 ')).toEqual({
      bodyCode: 'akimat-almaty',
      year: 2026,
      sequence: 42,
    });
  });

  it('round-trip, and two different coupons never share a number', () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const na = formatCouponNumber(a);
        expect(parseCouponNumber(na)).toEqual(a);
        const same = a.bodyCode === b.bodyCode && a.year === b.year && a.sequence === b.sequence;
        expect(na === formatCouponNumber(b)).toBe(same);
      }),
    );
  });

  it.each([
    ['a sequence of 0', { bodyCode: 'mvd', year: 2026, sequence: 0 }],
    ['a fractional sequence', { bodyCode: 'mvd', year: 2026, sequence: 1.5 }],
    ['an upper-case body code', { bodyCode: 'MVD', year: 2026, sequence: 1 }],
    ['a two-digit year', { bodyCode: 'mvd', year: 26, sequence: 1 }],
  ])('refuse %s as a programming error', (_, input) => {
    expect(() => formatCouponNumber(input)).toThrow(RangeError);
  });

  it.each([
    'MVD-2026-42',
    'MVD-2026-0000042',
    'MVD-2026-000000',
    '1MVD-2026-000001',
    'MVD-26-000001',
    'MVD 2026 000001',
    '',
  ])('do not parse %j', (value) => {
    expect(parseCouponNumber(value)).toBeUndefined();
  });

  it('take the year of the registration date, not of receipt', () => {
    const coupon = issueCoupon({
      bodyCode: 'akimat-almaty',
      sequence: 1,
      receivedAt: new Date('2028-12-31T10:00:00+05:00'),
      registrationDate: '2029-01-03',
    });
    expect(coupon.number).toBe('AKIMAT-ALMATY-2029-000001');
    expect(coupon.registrationDate).toBe('2029-01-03');
  });
});
