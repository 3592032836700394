import type { Database } from '../../../platform/db/database.js';
import type { Translate } from '../../../platform/i18n/catalogue.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { composeEmail } from '../domain/email-content.js';
import { attemptsOf, findEmailDelivery, insertEmailAttempt } from '../repo/delivery-repo.js';
import type { EmailOutcome } from '../repo/tables.js';
import type { EmailDeliveryJob } from './delivery-queue.js';
import { MailSendError, type MailTransport } from './mail-transport.js';

/** What the email worker needs; built by the messaging plugin from the configuration. */
export interface EmailDeps {
  db: Database;
  /** null when SMTP_URL is empty: email delivery is off. */
  transport: MailTransport | null;
  from: string;
  /** PUBLIC_BASE_URL: links in emails are absolute. */
  publicBaseUrl: string;
  /** The queue's retry limit: the attempt with retryCount equal to it is the last one. */
  retryLimit: number;
  translator: (locale: Locale) => Translate;
  now: () => Date;
}

const FINAL: EmailOutcome[] = ['delivered', 'bounced', 'notSent'];

/** The part after @ of a From address, for Message-IDs (`Ortaq <a@b.kz>` gives `b.kz`). */
const domainOf = (from: string) => /@([^\s>]+)/.exec(from)?.[1] ?? 'localhost';

/**
 * One attempt at one email delivery, run by its pg-boss job, and recorded as an attempt row.
 *
 * Outcomes (the recorded outcome is returned or the attempt throws):
 * - `delivered`: the SMTP server accepted the email;
 * - `bounced`: the server refused it for good (5xx); not retried;
 * - `notSent`: email delivery is off (SMTP_URL empty), or the last retry failed (then throws,
 *   so the job ends failed);
 * - `deferred`: a temporary failure; throws, and pg-boss retries after a growing delay.
 * A delivery that already has a final outcome is not sent again (a job may run twice).
 */
export async function deliverEmail(
  deps: EmailDeps,
  job: { data: EmailDeliveryJob; retryCount: number },
): Promise<EmailOutcome> {
  const delivery = await findEmailDelivery(deps.db, job.data.deliveryId);
  if (!delivery) throw new Error(`email delivery ${job.data.deliveryId} does not exist`);
  const attempts = await attemptsOf(deps.db, delivery.id);
  const done = attempts.find((attempt) => FINAL.includes(attempt.outcome));
  if (done) return done.outcome;

  const record = (outcome: EmailOutcome, detail: string) =>
    insertEmailAttempt(deps.db, delivery.id, {
      attempt: attempts.length + 1,
      outcome,
      detail,
      at: deps.now(),
    });

  if (!deps.transport) {
    await record('notSent', 'email delivery is off: SMTP_URL is empty');
    return 'notSent';
  }

  const t = deps.translator(delivery.locale);
  const content = composeEmail({
    locale: delivery.locale,
    subject: delivery.subject,
    text: delivery.textBody,
    url: delivery.link ? `${deps.publicBaseUrl}${delivery.link}` : null,
    linkLabel: t('messaging.email.openLink'),
    footer: t('messaging.email.footer'),
  });
  try {
    const sent = await deps.transport.send({
      from: deps.from,
      to: delivery.toAddress,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: `<${delivery.id}@${domainOf(deps.from)}>`,
      locale: delivery.locale,
    });
    await record('delivered', sent.response);
    return 'delivered';
  } catch (error) {
    const failure =
      error instanceof MailSendError ? error : new MailSendError(String(error), false);
    if (failure.permanent) {
      await record('bounced', failure.message);
      return 'bounced';
    }
    if (job.retryCount >= deps.retryLimit) {
      await record('notSent', `retries exhausted: ${failure.message}`);
    } else {
      await record('deferred', failure.message);
    }
    throw failure;
  }
}
