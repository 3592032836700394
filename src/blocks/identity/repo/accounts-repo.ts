import type { Database } from '../../../platform/db/database.js';
import type { FailureState } from '../domain/sign-in-throttle.js';
import type { Login } from '../domain/login.js';
import './tables.js';

export interface AccountRecord {
  id: string;
  personId: string;
  username: string | null;
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
  failures: FailureState;
}

const accountColumns = [
  'identity_account.id',
  'identity_account.person_id',
  'identity_account.username',
  'identity_account.password_hash',
  'identity_account.totp_secret',
  'identity_account.totp_last_step',
  'identity_account.failed_sign_ins',
  'identity_account.last_failed_sign_in_at',
  'identity_account.locked_until',
] as const;

type AccountRow = {
  id: string;
  person_id: string;
  username: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  failed_sign_ins: number;
  last_failed_sign_in_at: Date | null;
  locked_until: Date | null;
};

const toRecord = (row: AccountRow): AccountRecord => ({
  id: row.id,
  personId: row.person_id,
  username: row.username,
  passwordHash: row.password_hash,
  totpSecret: row.totp_secret,
  totpLastStep: row.totp_last_step,
  failures: {
    failures: row.failed_sign_ins,
    lastFailureAt: row.last_failed_sign_in_at,
    lockedUntil: row.locked_until,
  },
});

/** The account a login names; `forUpdate` holds the row while a failure is counted. */
export async function findAccountByLogin(
  db: Database,
  country: string,
  login: Login,
): Promise<AccountRecord | undefined> {
  const query = db.selectFrom('identity_account').select(accountColumns);
  const row =
    login.kind === 'username'
      ? await query.where('username', '=', login.value).executeTakeFirst()
      : await query
          .innerJoin('identity_person', 'identity_person.id', 'identity_account.person_id')
          .where('identity_person.country', '=', country)
          .where('identity_person.national_id', '=', login.value)
          .executeTakeFirst();
  return row && toRecord(row);
}

export async function findAccountById(
  db: Database,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AccountRecord | undefined> {
  let query = db.selectFrom('identity_account').select(accountColumns).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

export const findAccountByPerson = (db: Database, personId: string) =>
  db
    .selectFrom('identity_account')
    .select(['id', 'username'])
    .where('person_id', '=', personId)
    .executeTakeFirst();

export async function insertAccount(
  trx: Database,
  account: {
    personId: string;
    username: string | null;
    passwordHash: string;
    totpSecret: string | null;
  },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('identity_account')
    .values({
      person_id: account.personId,
      username: account.username,
      password_hash: account.passwordHash,
      totp_secret: account.totpSecret,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function saveAccountFailures(trx: Database, accountId: string, state: FailureState) {
  await trx
    .updateTable('identity_account')
    .set({
      failed_sign_ins: state.failures,
      last_failed_sign_in_at: state.lastFailureAt,
      locked_until: state.lockedUntil,
    })
    .where('id', '=', accountId)
    .execute();
}

export async function recordTotpStep(trx: Database, accountId: string, step: number) {
  await trx
    .updateTable('identity_account')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .execute();
}

export async function findUnknownLoginFailures(
  db: Database,
  loginHash: Buffer,
  options: { forUpdate?: boolean } = {},
): Promise<FailureState | undefined> {
  let query = db
    .selectFrom('identity_unknown_login')
    .selectAll()
    .where('login_hash', '=', loginHash);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return (
    row && {
      failures: row.failed_sign_ins,
      lastFailureAt: row.last_failed_sign_in_at,
      lockedUntil: row.locked_until,
    }
  );
}

export async function saveUnknownLoginFailures(
  trx: Database,
  loginHash: Buffer,
  state: FailureState,
) {
  const values = {
    failed_sign_ins: state.failures,
    last_failed_sign_in_at: state.lastFailureAt,
    locked_until: state.lockedUntil,
  };
  await trx
    .insertInto('identity_unknown_login')
    .values({ login_hash: loginHash, ...values })
    .onConflict((conflict) => conflict.column('login_hash').doUpdateSet(values))
    .execute();
}
