import { yearOf, type LocalDate } from '../../../platform/calendar/local-date.js';

/*
 * The coupon (талон / талон) the applicant receives when the appeal is registered: its number,
 * the receiving body, and the date and time of receipt and of registration. The number is
 *
 *     <BODY CODE in capitals>-<registration year>-<sequence, at least 6 digits>
 *     AKIMAT-ALMATY-2026-000042
 *
 * The sequence is counted per body and per year by the caller (the database hands it out), so the
 * number is unique as long as the sequence is. The year is the year of the registration date, not
 * of receipt: an appeal received on Sunday 31 December 2028 is registered on Wednesday 3 January
 * 2029 (1 and 2 January are days off) and numbered in 2029. The body code is the identity block's agency code (`akimat-almaty`), so the
 * number tells any officer which body's register to look in; capitals keep it apart from a
 * sentence when read aloud or copied from a letter.
 */

/** The identity block's agency code shape (identity_agency.code). */
const BODY_CODE = /^[a-z][a-z0-9-]{1,62}$/;
const COUPON_NUMBER = /^([A-Z][A-Z0-9-]{1,62})-(\d{4})-(\d{6,})$/;
const SEQUENCE_DIGITS = 6;

export interface CouponNumberParts {
  /** The receiving body's agency code, lower case as the identity block stores it. */
  bodyCode: string;
  year: number;
  /** 1, 2, 3… within the body and year. */
  sequence: number;
}

/** The coupon number for a body, year and sequence. Throws a RangeError on a caller's mistake. */
export function formatCouponNumber({ bodyCode, year, sequence }: CouponNumberParts): string {
  if (!BODY_CODE.test(bodyCode))
    throw new RangeError(`Not an agency code: ${JSON.stringify(bodyCode)}`);
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Not a four-digit year: ${year}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`A coupon sequence is a whole number ≥ 1, got ${sequence}`);
  }
  return `${bodyCode.toUpperCase()}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * The parts of a coupon number, or undefined for anything that `formatCouponNumber` would not
 * have produced (so one number never has two spellings: `…-0000042` with a 7th leading zero is
 * refused). Accepts lower case and surrounding spaces, as people type numbers off paper.
 */
export function parseCouponNumber(value: string): CouponNumberParts | undefined {
  const match = COUPON_NUMBER.exec(value.trim().toUpperCase());
  if (!match) return undefined;
  const [, code, year, digits] = match as unknown as [string, string, string, string];
  if (digits.length > SEQUENCE_DIGITS && digits.startsWith('0')) return undefined;
  const parts = { bodyCode: code.toLowerCase(), year: Number(year), sequence: Number(digits) };
  if (
    !BODY_CODE.test(parts.bodyCode) ||
    parts.sequence < 1 ||
    !Number.isSafeInteger(parts.sequence)
  ) {
    return undefined;
  }
  return parts;
}

/** What the applicant is handed at registration (issue 4: number, date and time, receiving body). */
export interface Coupon {
  number: string;
  bodyCode: string;
  /** The instant the platform received the appeal. */
  receivedAt: Date;
  /** The working day the appeal is registered on (see registration.ts). */
  registrationDate: LocalDate;
}

/** The coupon for an appeal registered on `registrationDate` with the caller's sequence. */
export function issueCoupon(input: {
  bodyCode: string;
  sequence: number;
  receivedAt: Date;
  registrationDate: LocalDate;
}): Coupon {
  const number = formatCouponNumber({
    bodyCode: input.bodyCode,
    year: yearOf(input.registrationDate),
    sequence: input.sequence,
  });
  return {
    number,
    bodyCode: input.bodyCode,
    receivedAt: input.receivedAt,
    registrationDate: input.registrationDate,
  };
}
