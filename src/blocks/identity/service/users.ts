import { DomainError } from '../../../platform/errors.js';
import { USERNAME_PATTERN } from '../domain/login.js';
import { needsSecondFactor, type UserCreateRole } from '../domain/roles.js';
import { insertAdministrator } from '../repo/agencies-repo.js';
import { findAccountByPerson, insertAccount } from '../repo/accounts-repo.js';
import { findPersonByNationalId } from '../repo/people-repo.js';
import { addOfficer } from './agencies.js';
import { isUniqueViolation, type IdentityDeps } from './deps.js';
import { assertPasswordAcceptable, hashPassword } from './password.js';
import { addPerson } from './people.js';
import { newTotpSecret, totpUri } from './totp.js';

export interface NewUser {
  nationalId: string;
  familyName: string;
  givenName: string;
  patronymic?: string | null;
  username?: string | null;
  password: string;
  role: UserCreateRole;
  /** Required for `officer` and `agency-head`. */
  agencyCode?: string | null;
  /** A fixed TOTP secret (the demo seed); a new random one when omitted. */
  totpSecret?: string;
}

export interface CreatedUser {
  personId: string;
  accountId: string;
  /** Set for roles that sign in with a second factor: show it once to the person. */
  totpSecret: string | null;
  totpUri: string | null;
}

/**
 * Creates a person's account with a role, in one transaction: the person (reused when the
 * identifier is already registered), the officer or administrator record, the account.
 * Outcomes: the created user; IDENTITY_ID_* / IDENTITY_BIRTH_DATE_* (400);
 * IDENTITY_PASSWORD_TOO_SHORT / _TOO_LONG (400); IDENTITY_USERNAME_INVALID (400);
 * IDENTITY_AGENCY_REQUIRED (400); IDENTITY_AGENCY_NOT_FOUND (400); IDENTITY_ACCOUNT_EXISTS (409);
 * IDENTITY_USERNAME_TAKEN (409); IDENTITY_OFFICER_EXISTS (409).
 */
export async function createUser(
  deps: IdentityDeps,
  input: NewUser,
  actorAccountId: string | null,
): Promise<CreatedUser> {
  assertPasswordAcceptable(input.password);
  const username = input.username?.trim().toLowerCase() || null;
  if (username !== null && !USERNAME_PATTERN.test(username)) {
    throw new DomainError('IDENTITY_USERNAME_INVALID', 400, {}, [
      { field: 'username', code: 'IDENTITY_USERNAME_INVALID' },
    ]);
  }
  const isOfficer = input.role === 'officer' || input.role === 'agency-head';
  if (isOfficer && !input.agencyCode) {
    throw new DomainError('IDENTITY_AGENCY_REQUIRED', 400, {}, [
      { field: 'agencyCode', code: 'IDENTITY_AGENCY_REQUIRED' },
    ]);
  }
  const roles = isOfficer ? ['officer'] : input.role === 'admin' ? ['admin'] : [];
  const totpSecret = needsSecondFactor(roles) ? (input.totpSecret ?? newTotpSecret()) : null;
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();

  const created = await deps.db.transaction().execute(async (trx) => {
    const person =
      (await findPersonByNationalId(trx, deps.country.id, input.nationalId)) ??
      (await addPerson(trx, deps, input));
    if (await findAccountByPerson(trx, person.id)) {
      throw new DomainError('IDENTITY_ACCOUNT_EXISTS', 409, {}, [
        { field: 'nationalId', code: 'IDENTITY_ACCOUNT_EXISTS' },
      ]);
    }
    if (isOfficer) {
      await addOfficer(trx, now, {
        personId: person.id,
        agencyCode: input.agencyCode as string,
        roles: input.role === 'agency-head' ? ['officer', 'agency-head'] : ['officer'],
      });
    }
    if (input.role === 'admin') await insertAdministrator(trx, person.id, now);
    try {
      const accountId = await insertAccount(
        trx,
        { personId: person.id, username, passwordHash, totpSecret },
        now,
      );
      return { personId: person.id, accountId };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('IDENTITY_USERNAME_TAKEN', 409, {}, [
          { field: 'username', code: 'IDENTITY_USERNAME_TAKEN' },
        ]);
      }
      throw error;
    }
  });

  await deps.audit.append({
    action: 'identity.user-create',
    outcome: 'success',
    actorAccountId,
    subject: created.accountId,
    details: { role: input.role },
  });
  return {
    ...created,
    totpSecret,
    totpUri: totpSecret ? totpUri(totpSecret, username ?? created.accountId) : null,
  };
}
