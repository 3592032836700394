import type { IdentifierCheck, IdentifierFormat } from '../country-profile.js';
import {
  calendarDate,
  checkDigitsOfLength,
  IdentifierError,
  invalid,
  valid,
  type Sex,
} from '../national-id-rules.js';

/*
 * Kyrgyzstan's identifiers, both 14 digits (assigned by the State Registration Service; the
 * personal number also serves as the taxpayer number).
 *
 * Personal PIN  S DDMMYYYY NNNNN
 *   S         sex: 1 female, 2 male
 *   DDMMYYYY  date of birth
 *   NNNNN     serial and control part; its algorithm is not published, so it is not checked
 * Organisation INN  0 DDMMYYYY NNNNN
 *   0         marks a legal entity (a sole trader uses the personal PIN)
 *   DDMMYYYY  date of registration
 *   NNNNN     serial and control part, not checked (as above)
 * What is checked: length, digits only, the leading digit and a real calendar date.
 */

const PIN_SEX: Record<string, Sex> = { '1': 'female', '2': 'male' };

export type ParsedKgPin =
  { valid: true; birthDate: string; sex: Sex } | { valid: false; code: string };

const dateAt = (value: string, from: number) =>
  calendarDate(
    Number(value.slice(from + 4, from + 8)),
    Number(value.slice(from + 2, from + 4)),
    Number(value.slice(from, from + 2)),
  );

/** Checks a personal PIN and, when valid, reads the birth date and sex it encodes. */
export function parseKgPin(value: string): ParsedKgPin {
  const shape = checkDigitsOfLength(value, 14);
  if (!shape.valid) return shape;
  const sex = PIN_SEX[value[0] as string];
  if (!sex) return invalid(IdentifierError.badCenturyDigit) as ParsedKgPin;
  const birthDate = dateAt(value, 1);
  if (!birthDate) return invalid(IdentifierError.badBirthDate) as ParsedKgPin;
  return { valid: true, birthDate, sex };
}

export function checkKgOrganisationInn(value: string): IdentifierCheck {
  const shape = checkDigitsOfLength(value, 14);
  if (!shape.valid) return shape;
  if (value[0] !== '0') return invalid(IdentifierError.badEntityType);
  if (!dateAt(value, 1)) return invalid(IdentifierError.badRegistrationDate);
  return valid;
}

export const kgPersonId: IdentifierFormat = {
  label: 'PIN',
  length: 14,
  check: (value) => {
    const parsed = parseKgPin(value);
    return parsed.valid ? valid : parsed;
  },
};

export const kgOrganisationId: IdentifierFormat = {
  label: 'INN',
  length: 14,
  check: checkKgOrganisationInn,
};
