import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBin, kzCheckDigit, kzOrganisationId, kzPersonId, parseIin } from './national-id.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Every IIN that can be issued: a real date, a century/sex digit, a serial and its check digit. */
const validIin = fc
  .record({
    date: fc.date({
      min: new Date('1800-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    female: fc.boolean(),
    serial: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ date, female, serial }) => {
    const year = date.getUTCFullYear();
    const centuryDigit = (Math.floor(year / 100) - 18) * 2 + (female ? 2 : 1);
    const first11 = `${pad(year % 100, 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}${centuryDigit}${pad(serial, 4)}`;
    return { first11, date: date.toISOString().slice(0, 10), sex: female ? 'female' : 'male' };
  })
  .filter(({ first11 }) => kzCheckDigit(first11) !== null)
  .map(({ first11, date, sex }) => ({ iin: first11 + kzCheckDigit(first11), date, sex }));

const validBin = fc
  .record({
    year: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    type: fc.constantFrom('4', '5', '6'),
    attribute: fc.constantFrom('0', '1', '2', '3'),
    serial: fc.integer({ min: 0, max: 99999 }),
  })
  .map((b) => `${pad(b.year, 2)}${pad(b.month, 2)}${b.type}${b.attribute}${pad(b.serial, 5)}`)
  .filter((first11) => kzCheckDigit(first11) !== null)
  .map((first11) => first11 + kzCheckDigit(first11));

/** Changes one digit to another digit. */
const firstPass = (value: string) =>
  [...value.slice(0, 11)].reduce((sum, digit, index) => sum + Number(digit) * (index + 1), 0) % 11;

const withOneDigitChanged = (value: string, position: number, shift: number) =>
  value.slice(0, position) +
  String((Number(value[position]) + shift) % 10) +
  value.slice(position + 1);

describe('Kazakhstan IIN', () => {
  it('accepts known numbers and reads birth date and sex', () => {
    expect(parseIin('900101300017')).toEqual({ valid: true, birthDate: '1990-01-01', sex: 'male' });
    expect(parseIin('850725400024')).toEqual({
      valid: true,
      birthDate: '1985-07-25',
      sex: 'female',
    });
    expect(parseIin('780403200075')).toMatchObject({ birthDate: '1878-04-03', sex: 'female' });
  });

  it('uses the second pass of weights when the first gives 10', () => {
    // 90010130080: first pass 10, second pass 10 — no such IIN can exist.
    expect(kzCheckDigit('90010130080')).toBeNull();
    expect(parseIin('900101300800')).toEqual({ valid: false, code: 'IDENTITY_ID_NO_CHECK_DIGIT' });
    // Find a prefix whose first pass is 10 but the second is not, and check that digit is used.
    const prefix = Array.from({ length: 10000 }, (_, i) => `9001013${pad(i, 4)}`).find((p) => {
      const digits = [...p].map(Number);
      return digits.reduce((s, d, i) => s + d * (i + 1), 0) % 11 === 10 && kzCheckDigit(p) !== null;
    }) as string;
    const second =
      [...prefix]
        .map(Number)
        .reduce((s, d, i) => s + d * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    expect(kzCheckDigit(prefix)).toBe(second);
  });

  it.each([
    ['', 'IDENTITY_ID_WRONG_LENGTH'],
    ['90010130001', 'IDENTITY_ID_WRONG_LENGTH'],
    ['9001013000170', 'IDENTITY_ID_WRONG_LENGTH'],
    ['90010130001a', 'IDENTITY_ID_NOT_DIGITS'],
    ['9001 1300017', 'IDENTITY_ID_NOT_DIGITS'],
    ['９００１０１３０００１７', 'IDENTITY_ID_NOT_DIGITS'],
    ['900101000017', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ['900101700017', 'IDENTITY_ID_BAD_CENTURY_DIGIT'],
    ['900230300017', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['901301300017', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['900100300017', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    // 29 February exists in 2000 but not in 1900.
    ['000229300017', 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ['900101300018', 'IDENTITY_ID_BAD_CHECK_DIGIT'],
  ])('rejects %j with %s', (value, code) => {
    expect(kzPersonId.check(value)).toEqual({ valid: false, code });
  });

  it('accepts 29 February of a leap year', () => {
    const first11 = '0002295' + '0001';
    const check = kzCheckDigit(first11);
    expect(check).not.toBeNull();
    expect(parseIin(first11 + check)).toMatchObject({ valid: true, birthDate: '2000-02-29' });
  });

  it('accepts every generated valid IIN and reads back its date and sex', () => {
    fc.assert(
      fc.property(validIin, ({ iin, date, sex }) => {
        expect(parseIin(iin)).toEqual({ valid: true, birthDate: date, sex });
        expect(kzPersonId.check(iin)).toEqual({ valid: true });
      }),
    );
  });

  it('rejects any change of the check digit of a valid IIN', () => {
    fc.assert(
      fc.property(validIin, fc.integer({ min: 1, max: 9 }), ({ iin }, shift) => {
        expect(kzPersonId.check(withOneDigitChanged(iin, 11, shift))).toEqual({
          valid: false,
          code: 'IDENTITY_ID_BAD_CHECK_DIGIT',
        });
      }),
    );
  });

  it('rejects any single-digit change that the first pass of weights can see', () => {
    // The 11th digit has weight 11 ≡ 0 (mod 11) in the first pass, so only the second pass can
    // see a change there; and a change that moves the number into or out of the second pass can
    // land on the same digit by chance. Every other single-digit change is caught, because the
    // weights 1..10 are all nonzero modulo 11.
    fc.assert(
      fc.property(
        validIin,
        fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11),
        fc.integer({ min: 1, max: 9 }),
        ({ iin }, position, shift) => {
          const changed = withOneDigitChanged(iin, position, shift);
          fc.pre(firstPass(iin) !== 10 && firstPass(changed) !== 10);
          expect(kzPersonId.check(changed).valid).toBe(false);
        },
      ),
    );
  });

  it('shows the known blind spot of the scheme: the 11th digit is weighted 11 in the first pass', () => {
    expect(kzPersonId.check('700101300005')).toEqual({ valid: true });
    expect(kzPersonId.check('700101300015')).toEqual({ valid: true });
  });
});

describe('Kazakhstan BIN', () => {
  it('accepts known numbers', () => {
    expect(checkBin('150440012344')).toEqual({ valid: true });
    expect(kzOrganisationId.check('200340000110')).toEqual({ valid: true });
  });

  it.each([
    ['15044001234', 'IDENTITY_ID_WRONG_LENGTH'],
    ['15044001234x', 'IDENTITY_ID_NOT_DIGITS'],
    ['151340012344', 'IDENTITY_ID_BAD_REGISTRATION_DATE'],
    ['150040012344', 'IDENTITY_ID_BAD_REGISTRATION_DATE'],
    ['150430012344', 'IDENTITY_ID_BAD_ENTITY_TYPE'],
    ['150470012344', 'IDENTITY_ID_BAD_ENTITY_TYPE'],
    ['150444012344', 'IDENTITY_ID_BAD_ENTITY_TYPE'],
    ['150440012345', 'IDENTITY_ID_BAD_CHECK_DIGIT'],
    // An IIN is not a BIN.
    ['900101300017', 'IDENTITY_ID_BAD_ENTITY_TYPE'],
  ])('rejects %j with %s', (value, code) => {
    expect(kzOrganisationId.check(value)).toEqual({ valid: false, code });
  });

  it('accepts every generated valid BIN and rejects single-digit changes the first pass sees', () => {
    fc.assert(
      fc.property(
        validBin,
        fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11),
        fc.integer({ min: 1, max: 9 }),
        (bin, position, shift) => {
          expect(checkBin(bin)).toEqual({ valid: true });
          const changed = withOneDigitChanged(bin, position, shift);
          fc.pre(firstPass(bin) !== 10 && firstPass(changed) !== 10);
          expect(checkBin(changed).valid).toBe(false);
        },
      ),
    );
  });
});
