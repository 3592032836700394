/**
 * Verification codes: 20 characters of Crockford's base32 (100 random bits), printed in groups of
 * four, e.g. `7K3M-Q9XD-2HVA-8RTB-C4NE`. Opaque and unguessable, and no personal identifier: a
 * code tells nothing about the document or its holder. Read back leniently, as people type: any
 * case, spaces or dashes anywhere, I and L read as 1, O as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 20;
const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{20}$/;

/** The code spelled by `random` (at least 13 bytes from a secure source, handed in). */
export function verificationCodeFrom(random: Uint8Array): string {
  if (random.length < 13) throw new RangeError('a verification code needs 100 random bits');
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of random) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && code.length < CODE_LENGTH) {
      code += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (code.length === CODE_LENGTH) break;
  }
  return code;
}

/** The stored form of what a person typed, or undefined when it cannot be a code. */
export function normaliseVerificationCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** The code as printed: groups of four joined by dashes. */
export const displayVerificationCode = (code: string): string =>
  code.match(/.{1,4}/g)?.join('-') ?? code;
