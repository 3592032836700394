import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayVerificationCode,
  normaliseVerificationCode,
  verificationCodeFrom,
} from './verification-code.js';

describe('verification codes', () => {
  it('spell 100 bits as 20 Crockford characters, read back however they are typed (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 13, maxLength: 13 }), (bytes) => {
        const code = verificationCodeFrom(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
        const shown = displayVerificationCode(code);
        expect(shown).toMatch(/^(\w{4}-){4}\w{4}$/);
        expect(normaliseVerificationCode(shown)).toBe(code);
        expect(normaliseVerificationCode(` ${shown.toLowerCase().replaceAll('-', ' ')} `)).toBe(
          code,
        );
      }),
    );
  });

  it('differ for different random bytes', () => {
    const a = verificationCodeFrom(new Uint8Array(13));
    const b = verificationCodeFrom(new Uint8Array([...new Uint8Array(12), 0x80]));
    expect(a).toBe('0'.repeat(20));
    expect(b).not.toBe(a);
  });

  it('read I and L as 1 and O as 0; refuse anything else', () => {
    expect(normaliseVerificationCode('IL00-0000-0000-0000-OOOO')).toBe('11' + '0'.repeat(18));
    for (const bad of ['', 'ABC', 'U'.repeat(20), '0'.repeat(21), '850725400024'])
      expect(normaliseVerificationCode(bad)).toBeUndefined();
    expect(() => verificationCodeFrom(new Uint8Array(12))).toThrow(RangeError);
  });
});
