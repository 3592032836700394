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
 * Uzbekistan's identifiers.
 *
 * PINFL (personal identification number of a natural person), 14 digits:  C DDMMYY RRR SSS K
 *   C       century and sex: 3/4 born in the 1900s (male/female), 5/6 in the 2000s
 *           (1/2 for the 1800s exist in the scheme but are not issued to living people: rejected)
 *   DDMMYY  date of birth
 *   RRR     code of the district that issued it
 *   SSS     serial number
 *   K       check digit: the first 13 digits weighted 7,3,1,7,3,1…, sum modulo 10
 * STIR (taxpayer number, INN) of an organisation, 9 digits: legal entities are numbered from
 * 2xxxxxxxx and 3xxxxxxxx (people from 4 to 7). The ninth digit is a control digit whose
 * algorithm the State Tax Committee does not publish, so it is not checked.
 * What is checked: length, digits only, the leading digit, a real birth date, the PINFL check digit.
 */

const PINFL_WEIGHTS = [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7] as const;

const CENTURY_SEX: Record<string, { century: number; sex: Sex }> = {
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

export const pinflCheckDigit = (first13: string): number =>
  weightedSum(digitsOf(first13), PINFL_WEIGHTS) % 10;

export type ParsedPinfl = ParsedPersonId;

/** Checks a PINFL and, when valid, reads the birth date and sex it encodes. */
export function parsePinfl(value: string): ParsedPinfl {
  const shape = checkDigitsOfLength(value, 14);
  if (!shape.valid) return shape;
  const centurySex = CENTURY_SEX[value[0] as string];
  if (!centurySex) return invalid(IdentifierError.badCenturyDigit) as ParsedPinfl;
  const birthDate = calendarDate(
    centurySex.century + Number(value.slice(5, 7)),
    Number(value.slice(3, 5)),
    Number(value.slice(1, 3)),
  );
  if (!birthDate) return invalid(IdentifierError.badBirthDate) as ParsedPinfl;
  if (pinflCheckDigit(value.slice(0, 13)) !== Number(value[13])) {
    return invalid(IdentifierError.badCheckDigit) as ParsedPinfl;
  }
  return { valid: true, birthDate, sex: centurySex.sex };
}

export function checkUzOrganisationStir(value: string): IdentifierCheck {
  const shape = checkDigitsOfLength(value, 9);
  if (!shape.valid) return shape;
  if (!'23'.includes(value[0] as string)) return invalid(IdentifierError.badEntityType);
  return valid;
}

export const uzPersonId: IdentifierFormat = {
  label: 'PINFL',
  length: 14,
  check: (value) => {
    const parsed = parsePinfl(value);
    return parsed.valid ? valid : parsed;
  },
};

export const uzOrganisationId: IdentifierFormat = {
  label: 'STIR',
  length: 9,
  check: checkUzOrganisationStir,
};
