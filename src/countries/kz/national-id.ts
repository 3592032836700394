import type { IdentifierCheck, IdentifierFormat } from '../country-profile.js';
import {
  calendarDate,
  checkDigitsOfLength,
  digitsOf,
  IdentifierError,
  invalid,
  valid,
  weightedSum,
  type ParsedPersonId,
  type Sex,
} from '../national-id-rules.js';

/*
 * Kazakhstan's identifiers: the IIN of a person and the BIN of an organisation, both 12 digits
 * ending in the same check digit (rules of the Ministry of Justice on the national registers of
 * identification numbers).
 *
 * IIN  YYMMDD C SSSS K
 *   YYMMDD  date of birth
 *   C       century and sex: 1/2 born in the 1800s (male/female), 3/4 in the 1900s, 5/6 in the 2000s.
 *           Decision: 0 (seen on some numbers issued to foreigners whose birth date is unknown)
 *           and 7–9 are rejected, so that every person registered here has a birth date; a
 *           deployment that must register such numbers relaxes this one rule.
 *   SSSS    serial number
 *   K       check digit
 * BIN  YYMM T A SSSSS K
 *   YYMM    year and month of registration
 *   T       type: 4 resident legal entity, 5 non-resident legal entity, 6 individual entrepreneur
 *           acting jointly
 *   A       attribute: 0 head office, 1 branch, 2 representative office, 3 peasant farm
 *   SSSSS   serial number
 *   K       check digit
 *
 * Check digit: the first 11 digits weighted 1..11, modulo 11; when that gives 10, a second pass
 * with weights 3..11,1,2; when that gives 10 again, no number with these 11 digits is issued.
 * Its blind spot: the 11th digit weighs 11 ≡ 0 in the first pass, so a mistyped 11th digit is
 * caught only when the second pass applies (the tests show this).
 * What is checked here: length, digits only, the date (a real calendar day or month), the century
 * or type digit and the check digit. Whether a number was actually issued only the register knows.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** The check digit for the first 11 digits, or null when both passes give 10 (never issued). */
export function kzCheckDigit(first11: string): number | null {
  const digits = digitsOf(first11);
  const first = weightedSum(digits, FIRST_WEIGHTS) % 11;
  if (first !== 10) return first;
  const second = weightedSum(digits, SECOND_WEIGHTS) % 11;
  return second === 10 ? null : second;
}

function checkCheckDigit(value: string): IdentifierCheck {
  const expected = kzCheckDigit(value.slice(0, 11));
  if (expected === null) return invalid(IdentifierError.noCheckDigit);
  if (expected !== Number(value[11])) return invalid(IdentifierError.badCheckDigit);
  return valid;
}

const CENTURY_SEX: Record<string, { century: number; sex: Sex }> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

export type ParsedIin = ParsedPersonId;

/** Checks an IIN and, when valid, reads the birth date (`YYYY-MM-DD`) and sex it encodes. */
export function parseIin(value: string): ParsedIin {
  const shape = checkDigitsOfLength(value, 12);
  if (!shape.valid) return shape;
  const centurySex = CENTURY_SEX[value[6] as string];
  if (!centurySex) return invalid(IdentifierError.badCenturyDigit) as ParsedIin;
  const birthDate = calendarDate(
    centurySex.century + Number(value.slice(0, 2)),
    Number(value.slice(2, 4)),
    Number(value.slice(4, 6)),
  );
  if (!birthDate) return invalid(IdentifierError.badBirthDate) as ParsedIin;
  const check = checkCheckDigit(value);
  if (!check.valid) return check;
  return { valid: true, birthDate, sex: centurySex.sex };
}

/** Checks a BIN (see the layout above). */
export function checkBin(value: string): IdentifierCheck {
  const shape = checkDigitsOfLength(value, 12);
  if (!shape.valid) return shape;
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return invalid(IdentifierError.badRegistrationDate);
  if (!'456'.includes(value[4] as string) || !'0123'.includes(value[5] as string)) {
    return invalid(IdentifierError.badEntityType);
  }
  return checkCheckDigit(value);
}

export const kzPersonId: IdentifierFormat = {
  label: 'IIN',
  length: 12,
  check: (value) => {
    const parsed = parseIin(value);
    return parsed.valid ? valid : parsed;
  },
};

export const kzOrganisationId: IdentifierFormat = {
  label: 'BIN',
  length: 12,
  check: checkBin,
};
