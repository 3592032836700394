import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findRegisterNumber,
  formatRegisterNumber,
  newRegisterNumber,
  parseRegisterNumber,
  type RegisterNumber,
} from './register-number.js';

describe('register numbers', () => {
  it('formats the register letter, licence, year and a zero-padded sequence', () => {
    expect(
      formatRegisterNumber({
        register: 'acts',
        licenceNumber: '21012345',
        year: 2026,
        sequence: 42,
      }),
    ).toBe('A-21012345-2026-000042');
    expect(
      formatRegisterNumber({
        register: 'wills',
        licenceNumber: 'N0007',
        year: 2026,
        sequence: 1_234_567,
      }),
    ).toBe('W-N0007-2026-1234567');
    expect(
      formatRegisterNumber({
        register: 'inheritance-cases',
        licenceNumber: '7',
        year: 1997,
        sequence: 1,
      }),
    ).toBe('I-7-1997-000001');
  });

  it('refuses parts out of range', () => {
    const base: RegisterNumber = { register: 'acts', licenceNumber: '1', year: 2026, sequence: 1 };
    for (const bad of [
      { sequence: 0 },
      { sequence: 1.5 },
      { sequence: 1_000_000_000 },
      { year: 1996 },
      { licenceNumber: 'ab-1' },
      { licenceNumber: '' },
      { licenceNumber: '1'.repeat(21) },
    ]) {
      expect(() => formatRegisterNumber({ ...base, ...bad }), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'ENOTARY_REGISTER_NUMBER_INVALID' }),
      );
    }
  });

  it('takes the year of the entry in the country time zone', () => {
    const newYearInAlmaty = new Date('2026-12-31T19:30:00Z'); // 00:30 on 1 January 2027 at UTC+5
    expect(
      newRegisterNumber('acts', '21012345', 1, { now: newYearInAlmaty, timeZone: 'Asia/Almaty' }),
    ).toBe('A-21012345-2027-000001');
  });

  it('reads typed numbers, forgiving case and spaces but no other spelling', () => {
    expect(findRegisterNumber(' a-21012345-2026-000042 ')).toEqual({
      register: 'acts',
      licenceNumber: '21012345',
      year: 2026,
      sequence: 42,
    });
    for (const bad of [
      'A-21012345-2026-42',
      'A-21012345-2026-0000042',
      'A/21012345/2026/000042',
      'X-21012345-2026-000042',
      'A-21012345-1996-000001',
      'A-21012345-2026-000000',
      'A--2026-000001',
    ]) {
      expect(findRegisterNumber(bad), bad).toBeUndefined();
    }
    expect(() => parseRegisterNumber('nonsense')).toThrow(
      expect.objectContaining({ code: 'ENOTARY_REGISTER_NUMBER_INVALID' }),
    );
    expect(() => parseRegisterNumber('W-1-2026-000001', 'acts')).toThrow(
      expect.objectContaining({ code: 'ENOTARY_REGISTER_NUMBER_WRONG_REGISTER' }),
    );
    expect(parseRegisterNumber('W-1-2026-000001', 'wills').register).toBe('wills');
  });

  it('property: every number has exactly one spelling that reads back to it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('acts' as const, 'wills' as const, 'inheritance-cases' as const),
        fc.stringMatching(/^[0-9A-Z]{1,20}$/),
        fc.integer({ min: 1997, max: 9999 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (register, licenceNumber, year, sequence) => {
          const value = { register, licenceNumber, year, sequence };
          const text = formatRegisterNumber(value);
          expect(findRegisterNumber(text)).toEqual(value);
          expect(findRegisterNumber(text.toLowerCase())).toEqual(value);
        },
      ),
    );
  });
});
