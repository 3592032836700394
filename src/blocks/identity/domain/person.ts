import type { IdentifierFormat } from '../../../countries/country-profile.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';

/** A national identifier is checked against the country profile's format, field by field. */
export function assertNationalId(format: IdentifierFormat, value: string, field = 'nationalId') {
  const check = format.check(value);
  if (!check.valid) {
    throw new DomainError(check.code, 400, { label: format.label }, [
      { field, code: check.code, params: { label: format.label } },
    ]);
  }
}

/**
 * A birth date given beside an identifier that encodes one must agree with it, and no one is born
 * in the future (an IIN can encode a date up to 2099).
 */
export function birthDateProblems(
  given: string | null,
  encoded: string | null,
  today: string,
): FieldProblem[] {
  const date = given ?? encoded;
  if (date === null) return [];
  if (given !== null && encoded !== null && given !== encoded) {
    return [{ field: 'birthDate', code: 'IDENTITY_BIRTH_DATE_MISMATCH' }];
  }
  if (date > today) {
    return [
      { field: given !== null ? 'birthDate' : 'nationalId', code: 'IDENTITY_BIRTH_DATE_FUTURE' },
    ];
  }
  return [];
}
