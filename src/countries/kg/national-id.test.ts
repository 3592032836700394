import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kgOrganisationId, kgPersonId, parseKgPin } from './national-id.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ddmmyyyy = (date: Date) =>
  `${pad(date.getUTCDate(), 2)}${pad(date.getUTCMonth() + 1, 2)}${date.getUTCFullYear()}`;

describe('Kyrgyzstan personal PIN', () => {
  it('accepts a PIN and reads birth date and sex', () => {
    expect(parseKgPin('21505199012345')).toEqual({
      valid: true,
      birthDate: '1990-05-15',
      sex: 'male',
    });
    expect(parseKgPin('10102200000001')).toMatchObject({ birthDate: '2000-02-01', sex: 'female' });
  });

  it.each([
    ['2150519901234', 'IDENTITY_ID_WRONG_LENGTH'],
    ['2150519901234x', 'IDENTITY_ID_NOT_DIGITS'],
    ['31505199012345', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ['01505199012345', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ['23102199012345', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['21513199012345', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['22902190012345', 'IDENTITY_ID_BAD_BIRTH_DATE'],
  ])('rejects %j with %s', (value, code) => {
    expect(kgPersonId.check(value)).toEqual({ valid: false, code });
  });

  it('accepts every PIN built from a real date, a sex digit and any five digits', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('1', '2'),
        fc.integer({ min: 0, max: 99999 }),
        (date, sex, rest) => {
          const pin = `${sex}${ddmmyyyy(date)}${pad(rest, 5)}`;
          expect(parseKgPin(pin)).toEqual({
            valid: true,
            birthDate: date.toISOString().slice(0, 10),
            sex: sex === '1' ? 'female' : 'male',
          });
        },
      ),
    );
  });
});

describe('Kyrgyzstan organisation INN', () => {
  it('accepts an INN with a registration date', () => {
    expect(kgOrganisationId.check('00207199610017')).toEqual({ valid: true });
  });

  it.each([
    ['0020719961001', 'IDENTITY_ID_WRONG_LENGTH'],
    ['0020719961001-', 'IDENTITY_ID_NOT_DIGITS'],
    ['20207199610017', 'IDENTITY_ID_BAD_ENTITY_TYPE'],
    ['03202199610017', 'IDENTITY_ID_BAD_REGISTRATION_DATE'],
  ])('rejects %j with %s', (value, code) => {
    expect(kgOrganisationId.check(value)).toEqual({ valid: false, code });
  });
});
