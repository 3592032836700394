import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePinfl, pinflCheckDigit, uzOrganisationId, uzPersonId } from './national-id.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const validPinfl = fc
  .record({
    date: fc.date({
      min: new Date('1900-01-01'),
      max: new Date('2099-12-31'),
      noInvalidDate: true,
    }),
    female: fc.boolean(),
    district: fc.integer({ min: 0, max: 999 }),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ date, female, district, serial }) => {
    const year = date.getUTCFullYear();
    const century = (year >= 2000 ? 5 : 3) + (female ? 1 : 0);
    const first13 = `${century}${pad(date.getUTCDate(), 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(year % 100, 2)}${pad(district, 3)}${pad(serial, 3)}`;
    return {
      pinfl: first13 + pinflCheckDigit(first13),
      birthDate: date.toISOString().slice(0, 10),
      sex: female ? 'female' : 'male',
    };
  });

describe('Uzbekistan PINFL', () => {
  it('accepts a known PINFL and reads birth date and sex', () => {
    // 3 15 05 19 900 012 0: 3·7 + 1·3 + 5·1 + 0·7 + 5·3 + 1·1 + 9·7 + 9·3 + 0·1 + 0·7 + 0·3 + 1·1 + 2·7 = 150 → 0
    expect(parsePinfl('31505199000120')).toEqual({
      valid: true,
      birthDate: '1919-05-15',
      sex: 'male',
    });
  });

  it.each([
    ['3150519900012', 'IDENTITY_ID_WRONG_LENGTH'],
    ['3150519900012O', 'IDENTITY_ID_NOT_DIGITS'],
    ['21505199000120', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ['71505199000120', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ['33102199000120', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['31513199000120', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['31505199000121', 'IDENTITY_ID_BAD_CHECK_DIGIT'],
  ])('rejects %j with %s', (value, code) => {
    expect(uzPersonId.check(value)).toEqual({ valid: false, code });
  });

  it('accepts every generated PINFL and rejects any single-digit change of its serial or check', () => {
    // Weights 7, 3 and 1 are all coprime to 10, so any change of one digit changes the sum mod 10.
    fc.assert(
      fc.property(
        validPinfl,
        fc.integer({ min: 7, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        ({ pinfl, birthDate, sex }, position, shift) => {
          expect(parsePinfl(pinfl)).toEqual({ valid: true, birthDate, sex });
          const changed =
            pinfl.slice(0, position) +
            String((Number(pinfl[position]) + shift) % 10) +
            pinfl.slice(position + 1);
          expect(uzPersonId.check(changed)).toEqual({
            valid: false,
            code: 'IDENTITY_ID_BAD_CHECK_DIGIT',
          });
        },
      ),
    );
  });
});

describe('Uzbekistan organisation STIR', () => {
  it('accepts legal-entity numbers', () => {
    expect(uzOrganisationId.check('201234567')).toEqual({ valid: true });
    expect(uzOrganisationId.check('305123456')).toEqual({ valid: true });
  });

  it.each([
    ['20123456', 'IDENTITY_ID_WRONG_LENGTH'],
    ['20123456a', 'IDENTITY_ID_NOT_DIGITS'],
    ['401234567', 'IDENTITY_ID_BAD_ENTITY_TYPE'],
  ])('rejects %j with %s', (value, code) => {
    expect(uzOrganisationId.check(value)).toEqual({ valid: false, code });
  });
});
