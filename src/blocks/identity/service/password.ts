import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { DomainError } from '../../../platform/errors.js';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting: 19 MiB of
 * memory, 2 passes, 1 lane (about 30 ms per hash on one core).
 */
const OWASP_ARGON2ID = {
  algorithm: 2 as Algorithm, // Argon2id; the enum is a const enum that isolatedModules cannot read
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Length is the rule that matters (NIST SP 800-63B); no composition rules. */
export function assertPasswordAcceptable(password: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('IDENTITY_PASSWORD_TOO_SHORT', 400, { min: PASSWORD_MIN_LENGTH }, [
      { field, code: 'IDENTITY_PASSWORD_TOO_SHORT', params: { min: PASSWORD_MIN_LENGTH } },
    ]);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new DomainError('IDENTITY_PASSWORD_TOO_LONG', 400, { max: PASSWORD_MAX_LENGTH }, [
      { field, code: 'IDENTITY_PASSWORD_TOO_LONG', params: { max: PASSWORD_MAX_LENGTH } },
    ]);
  }
}

export const hashPassword = (password: string): Promise<string> => hash(password, OWASP_ARGON2ID);

/** False for a wrong password and for a damaged hash alike. */
export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for logins that match no account, so the
 * answer time does not tell whether an account exists.
 */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoy, password);
}
