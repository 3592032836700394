import type { Kysely, Transaction } from 'kysely';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import { DomainError } from '../../../platform/errors.js';
import { isUuid } from '../domain/ids.js';
import type { Tables } from '../../../platform/db/tables.js';
import { deletePersonEmail, findPersonEmail, upsertPersonEmail } from '../repo/contact-repo.js';
import { personExists } from '../repo/recipients-repo.js';

/** Deliberately simple: one @, no spaces or angle brackets; the SMTP server has the last word. */
const EMAIL = /^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+$/;

/**
 * Sets (or with null or an empty string, removes) the email address a person receives notices
 * at. Emails already queued keep the address they were queued with.
 * Outcomes: returns; MESSAGING_EMAIL_INVALID (400); MESSAGING_UNKNOWN_RECIPIENT (400).
 */
export async function setPersonEmail(
  trx: Transaction<Tables>,
  personId: string,
  email: string | null,
  at: Date,
): Promise<void> {
  if (!isUuid(personId) || !(await personExists(trx, personId))) {
    throw new DomainError('MESSAGING_UNKNOWN_RECIPIENT', 400);
  }
  if (email === null || email.trim() === '') {
    await deletePersonEmail(trx, personId);
    return;
  }
  const address = email.trim();
  if (address.length > 254 || !EMAIL.test(address)) {
    throw new DomainError('MESSAGING_EMAIL_INVALID', 400, {}, [
      { field: 'email', code: 'MESSAGING_EMAIL_INVALID' },
    ]);
  }
  await upsertPersonEmail(trx, personId, address, at);
}

/**
 * The person's own change of address, in a transaction of its own, recorded in the audit log
 * (`messaging.contact-change`, without the address). Same outcomes as setPersonEmail; returns
 * the address now on file (null: none).
 */
export async function changeOwnEmail(
  deps: { db: Kysely<Tables>; audit: AuditLog; now: () => Date },
  actor: { personId: string; accountId: string },
  email: string | null,
  facts: { requestId?: string } = {},
): Promise<string | null> {
  await deps.db
    .transaction()
    .execute((trx) => setPersonEmail(trx, actor.personId, email, deps.now()));
  const current = (await findPersonEmail(deps.db, actor.personId)) ?? null;
  await deps.audit.append({
    action: 'messaging.contact-change',
    outcome: 'success',
    actorAccountId: actor.accountId,
    subject: actor.personId,
    details: { email: current === null ? 'removed' : 'set', ...facts },
  });
  return current;
}

export { findPersonEmail };
