import type { IdentifierCheck } from './country-profile.js';

/**
 * Building blocks shared by the identifier formats of every country profile. Each failure has a
 * stable code (its translated message lives in the identity block's catalogue as `error.<CODE>`).
 */
export const IdentifierError = {
  wrongLength: 'IDENTITY_ID_WRONG_LENGTH',
  notDigits: 'IDENTITY_ID_NOT_DIGITS',
  badCheckDigit: 'IDENTITY_ID_BAD_CHECK_DIGIT',
  noCheckDigit: 'IDENTITY_ID_NO_CHECK_DIGIT',
  badBirthDate: 'IDENTITY_ID_BAD_BIRTH_DATE',
  badCenturyDigit: 'IDENTITY_ID_BAD_CENTURY_DIGIT',
  badRegistrationDate: 'IDENTITY_ID_BAD_REGISTRATION_DATE',
  badEntityType: 'IDENTITY_ID_BAD_ENTITY_TYPE',
} as const;
export type IdentifierErrorCode = (typeof IdentifierError)[keyof typeof IdentifierError];

export const valid: IdentifierCheck = { valid: true };
export const invalid = (code: IdentifierErrorCode): IdentifierCheck => ({ valid: false, code });

/**
 * The length test comes before the digit test, so a value with a letter in it and the wrong
 * length is reported as the wrong length (the first thing a person checks on a printed card).
 */
export function checkDigitsOfLength(value: string, length: number): IdentifierCheck {
  if (value.length !== length) return invalid(IdentifierError.wrongLength);
  if (!/^[0-9]+$/.test(value)) return invalid(IdentifierError.notDigits);
  return valid;
}

export const digitsOf = (value: string): number[] => [...value].map(Number);

export const weightedSum = (digits: number[], weights: readonly number[]): number =>
  weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0);

/** A calendar date as `YYYY-MM-DD`, or null when the day does not exist (30 February, month 13). */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 onto 1900–1999; set the full year explicitly.
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type Sex = 'male' | 'female';

/** A personal identifier that encodes its holder's birth date and sex, once checked and read. */
export type ParsedPersonId =
  { valid: true; birthDate: string; sex: Sex } | { valid: false; code: string };
