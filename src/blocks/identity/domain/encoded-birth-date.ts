import type { CountryId } from '../../../countries/country-profile.js';
import { parseKgPin } from '../../../countries/kg/national-id.js';
import { parseIin } from '../../../countries/kz/national-id.js';
import { parsePinfl } from '../../../countries/uz/national-id.js';

/** The birth date (`YYYY-MM-DD`) a valid personal identifier encodes, or null if it encodes none. */
export function encodedBirthDate(country: CountryId, nationalId: string): string | null {
  const parsed =
    country === 'kz'
      ? parseIin(nationalId)
      : country === 'kg'
        ? parseKgPin(nationalId)
        : country === 'uz'
          ? parsePinfl(nationalId)
          : null;
  return parsed?.valid ? parsed.birthDate : null;
}
