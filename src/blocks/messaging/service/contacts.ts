import type { Kysely, Transaction } from 'kysely';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import { DomainError } from '../../../platform/errors.js';
import { isUuid } from '../domain/ids.js';
import type { Tables } from '../../../platform/db/tables.js';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/locales.js';
import {
  deletePersonEmail,
  findPersonContact,
  findPersonEmail,
  upsertPersonEmail,
  type PersonContact,
} from '../repo/contact-repo.js';
import { personExists } from '../repo/recipients-repo.js';

/** Deliberately simple: one @, no spaces or angle brackets; the SMTP server has the last word. */
const EMAIL = /^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+$/;

/**
 * Sets (or with null or an empty string, removes) the email address a person receives notices
 * at, and the language the notices are written in (the deployment's default, kk, unless given).
 * Emails already queued keep the address and language they were queued with.
 * Outcomes: returns; MESSAGING_EMAIL_INVALID (400); MESSAGING_UNKNOWN_RECIPIENT (400).
 */
export async function setPersonEmail(
  trx: Transaction<Tables>,
  personId: string,
  email: string | null,
  at: Date,
  locale: Locale = DEFAULT_LOCALE,
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
  await upsertPersonEmail(trx, personId, { email: address, locale }, at);
}

/**
 * The person's own change of address and language, in a transaction of its own, recorded in the
 * audit log (`messaging.contact-change`, without the address). Same outcomes as setPersonEmail;
 * returns the contact now on file (null: none).
 */
export async function changeOwnEmail(
  deps: { db: Kysely<Tables>; audit: AuditLog; now: () => Date },
  actor: { personId: string; accountId: string },
  change: { email: string | null; locale: Locale },
  facts: { requestId?: string } = {},
): Promise<PersonContact | null> {
  await deps.db
    .transaction()
    .execute((trx) => setPersonEmail(trx, actor.personId, change.email, deps.now(), change.locale));
  const current = (await findPersonContact(deps.db, actor.personId)) ?? null;
  await deps.audit.append({
    action: 'messaging.contact-change',
    outcome: 'success',
    actorAccountId: actor.accountId,
    subject: actor.personId,
    details: { email: current === null ? 'removed' : 'set', ...facts },
  });
  return current;
}

export { findPersonContact, findPersonEmail };
