import crypto from 'node:crypto';
import { endSession, startSession, type Session } from '../../../platform/auth/session-store.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { parseLogin, type Login } from '../domain/login.js';
import { needsSecondFactor } from '../domain/roles.js';
import {
  judgeAttempt,
  NO_FAILURES,
  recordFailure,
  type FailureState,
} from '../domain/sign-in-throttle.js';
import {
  findAccountById,
  findAccountByLogin,
  findUnknownLoginFailures,
  recordTotpStep,
  saveAccountFailures,
  saveUnknownLoginFailures,
  type AccountRecord,
} from '../repo/accounts-repo.js';
import type { IdentityDeps, RequestFacts } from './deps.js';
import { verifyDecoy, verifyPassword } from './password.js';
import { loadPrincipal } from './principal.js';
import { matchTotp } from './totp.js';

export type SignInOutcome = {
  next: 'signed-in' | 'second-factor';
  token: string;
  accountId: string;
};

/**
 * First step of signing in: login (national identifier or username) and password.
 *
 * Outcomes: `signed-in` with a new session token; `second-factor` with a token for the short
 * session that waits for the one-time code (officers, administrators); or a DomainError:
 * IDENTITY_SIGN_IN_INCOMPLETE (400, field problems), IDENTITY_SIGN_IN_FAILED (401),
 * IDENTITY_SIGN_IN_FAILED_WAIT (401, with `time`), IDENTITY_SIGN_IN_THROTTLED (429, `time`),
 * IDENTITY_ACCOUNT_LOCKED (429, `time`). The answers are the same whether or not an account
 * exists (unknown logins are throttled alike and take as long). Every attempt is audited.
 */
export async function signInWithPassword(
  deps: IdentityDeps,
  input: { login: string; password: string; previousSession?: Session | null },
  facts: RequestFacts = {},
): Promise<SignInOutcome> {
  const problems: FieldProblem[] = [];
  const login = parseLogin(input.login);
  if (!login) problems.push({ field: 'login', code: 'IDENTITY_LOGIN_REQUIRED' });
  if (input.password === '')
    problems.push({ field: 'password', code: 'IDENTITY_PASSWORD_REQUIRED' });
  if (!login || problems.length > 0) {
    throw new DomainError('IDENTITY_SIGN_IN_INCOMPLETE', 400, {}, problems);
  }
  const now = deps.now();
  const account = await findAccountByLogin(deps.db, deps.country.id, login);
  const throttle = account ? accountThrottle(deps, account.id) : unknownThrottle(deps, login);

  const verdict = judgeAttempt(account?.failures ?? (await throttle.read()), now);
  if (!verdict.allowed) {
    const code =
      verdict.reason === 'locked' ? 'IDENTITY_ACCOUNT_LOCKED' : 'IDENTITY_SIGN_IN_THROTTLED';
    await auditSignIn(deps, 'failure', account?.id ?? null, { ...facts, code });
    throw retryError(deps, code, verdict.retryAt, now);
  }

  const passwordRight = account
    ? await verifyPassword(account.passwordHash, input.password)
    : (await verifyDecoy(input.password), false);
  if (!account || !passwordRight) {
    throw await failAttempt(deps, throttle, account?.id ?? null, 'IDENTITY_SIGN_IN_FAILED', facts);
  }

  if (input.previousSession) await endSession(deps.db, input.previousSession.id);
  const principal = await loadPrincipal(deps.db, account.id);
  const secondFactor = account.totpSecret !== null || needsSecondFactor(principal?.roles ?? []);
  if (secondFactor) {
    // Fail closed: an officer or administrator without a secret cannot sign in at all.
    if (account.totpSecret === null) {
      throw await failAttempt(deps, throttle, account.id, 'IDENTITY_SIGN_IN_FAILED', facts);
    }
    const { token } = await startSession(deps.db, {
      accountId: account.id,
      stage: 'second-factor',
      now,
      limits: deps.sessionLimits,
    });
    return { next: 'second-factor', token, accountId: account.id };
  }
  const token = await completeSignIn(deps, account, null, facts);
  return { next: 'signed-in', token, accountId: account.id };
}

/**
 * Second step for officers and administrators: the 6-digit code from their authenticator app.
 *
 * Outcomes: a new, fully signed-in session token (the waiting session ends); or a DomainError:
 * IDENTITY_SECOND_FACTOR_NOT_PENDING (400); IDENTITY_CODE_REQUIRED (400, field problem);
 * IDENTITY_CODE_WRONG (401) for a wrong or already used code; IDENTITY_SIGN_IN_FAILED_WAIT,
 * IDENTITY_SIGN_IN_THROTTLED, IDENTITY_ACCOUNT_LOCKED as for the password (same counter).
 */
export async function verifySecondFactor(
  deps: IdentityDeps,
  input: { session: Session | null; code: string },
  facts: RequestFacts = {},
): Promise<{ token: string; accountId: string }> {
  const session = input.session;
  if (!session || session.stage !== 'second-factor') {
    throw new DomainError('IDENTITY_SECOND_FACTOR_NOT_PENDING', 400);
  }
  const now = deps.now();
  const account = await findAccountById(deps.db, session.accountId);
  if (!account || account.totpSecret === null) {
    await endSession(deps.db, session.id);
    throw new DomainError('IDENTITY_SECOND_FACTOR_NOT_PENDING', 400);
  }
  const throttle = accountThrottle(deps, account.id);
  const verdict = judgeAttempt(account.failures, now);
  if (!verdict.allowed) {
    const code =
      verdict.reason === 'locked' ? 'IDENTITY_ACCOUNT_LOCKED' : 'IDENTITY_SIGN_IN_THROTTLED';
    if (verdict.reason === 'locked') await endSession(deps.db, session.id);
    await auditSignIn(deps, 'failure', account.id, { ...facts, code, step: 'code' });
    throw retryError(deps, code, verdict.retryAt, now);
  }
  const code = input.code.replace(/\s/g, '');
  if (code === '') {
    throw new DomainError('IDENTITY_CODE_REQUIRED', 400, {}, [
      { field: 'code', code: 'IDENTITY_CODE_REQUIRED' },
    ]);
  }
  const step = matchTotp(account.totpSecret, code, now);
  if (step === null || (account.totpLastStep !== null && step <= account.totpLastStep)) {
    const error = await failAttempt(deps, throttle, account.id, 'IDENTITY_CODE_WRONG', facts);
    if (error.code === 'IDENTITY_ACCOUNT_LOCKED') await endSession(deps.db, session.id);
    throw error;
  }
  await endSession(deps.db, session.id);
  const token = await completeSignIn(deps, account, step, facts);
  return { token, accountId: account.id };
}

/** Ends a session at the person's request. Outcome: always succeeds; audited. */
export async function signOut(deps: IdentityDeps, session: Session, facts: RequestFacts = {}) {
  await endSession(deps.db, session.id);
  await deps.audit.append({
    action: 'identity.sign-out',
    outcome: 'success',
    actorAccountId: session.accountId,
    subject: session.accountId,
    details: { ...facts },
  });
}

async function completeSignIn(
  deps: IdentityDeps,
  account: AccountRecord,
  totpStep: number | null,
  facts: RequestFacts,
): Promise<string> {
  const now = deps.now();
  const token = await deps.db.transaction().execute(async (trx) => {
    await saveAccountFailures(trx, account.id, NO_FAILURES);
    if (totpStep !== null) await recordTotpStep(trx, account.id, totpStep);
    const started = await startSession(trx, {
      accountId: account.id,
      stage: 'signed-in',
      now,
      limits: deps.sessionLimits,
    });
    return started.token;
  });
  await auditSignIn(deps, 'success', account.id, { ...facts });
  return token;
}

interface Throttle {
  read(): Promise<FailureState>;
  /** Counts one failure atomically and returns the new state. */
  fail(now: Date): Promise<ReturnType<typeof recordFailure>>;
}

function accountThrottle(deps: IdentityDeps, accountId: string): Throttle {
  return {
    read: async () => (await findAccountById(deps.db, accountId))?.failures ?? NO_FAILURES,
    fail: (now) =>
      deps.db.transaction().execute(async (trx) => {
        const current = await findAccountById(trx, accountId, { forUpdate: true });
        const next = recordFailure(current?.failures ?? NO_FAILURES, now);
        await saveAccountFailures(trx, accountId, next);
        return next;
      }),
  };
}

function unknownThrottle(deps: IdentityDeps, login: Login): Throttle {
  const loginHash = crypto
    .createHash('sha256')
    .update(`${deps.country.id}:${login.kind}:${login.value}`)
    .digest();
  return {
    read: async () => (await findUnknownLoginFailures(deps.db, loginHash)) ?? NO_FAILURES,
    fail: (now) =>
      deps.db.transaction().execute(async (trx) => {
        const current = await findUnknownLoginFailures(trx, loginHash, { forUpdate: true });
        const next = recordFailure(current ?? NO_FAILURES, now);
        await saveUnknownLoginFailures(trx, loginHash, next);
        return next;
      }),
  };
}

/** Counts a failure, audits it (and a lockout), and returns the error to answer with. */
async function failAttempt(
  deps: IdentityDeps,
  throttle: Throttle,
  accountId: string | null,
  failureCode: 'IDENTITY_SIGN_IN_FAILED' | 'IDENTITY_CODE_WRONG',
  facts: RequestFacts,
): Promise<DomainError> {
  const now = deps.now();
  const next = await throttle.fail(now);
  await auditSignIn(deps, 'failure', accountId, { ...facts, code: failureCode });
  if (next.locked) {
    await deps.audit.append({
      action: 'identity.account-lock',
      outcome: 'success',
      actorAccountId: null,
      subject: accountId,
      details: { ...facts, until: next.lockedUntil?.toISOString(), failures: next.failures },
    });
    return retryError(deps, 'IDENTITY_ACCOUNT_LOCKED', next.retryAt as Date, now);
  }
  if (next.retryAt) {
    const code =
      failureCode === 'IDENTITY_CODE_WRONG'
        ? 'IDENTITY_CODE_WRONG_WAIT'
        : 'IDENTITY_SIGN_IN_FAILED_WAIT';
    return retryError(deps, code, next.retryAt, now);
  }
  return new DomainError(failureCode, 401);
}

const RETRY_STATUS: Record<string, number> = {
  IDENTITY_ACCOUNT_LOCKED: 429,
  IDENTITY_SIGN_IN_THROTTLED: 429,
  IDENTITY_SIGN_IN_FAILED_WAIT: 401,
  IDENTITY_CODE_WRONG_WAIT: 401,
};

/** An error that says when to try again, as a local clock time of the deployment's country. */
function retryError(deps: IdentityDeps, code: string, retryAt: Date, now: Date): DomainError {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: deps.country.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(retryAt);
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new DomainError(code, RETRY_STATUS[code] ?? 429, { time, seconds });
}

function auditSignIn(
  deps: IdentityDeps,
  outcome: 'success' | 'failure',
  accountId: string | null,
  details: Record<string, unknown>,
) {
  return deps.audit.append({
    action: 'identity.sign-in',
    outcome,
    actorAccountId: outcome === 'success' ? accountId : null,
    subject: accountId,
    details,
  });
}
