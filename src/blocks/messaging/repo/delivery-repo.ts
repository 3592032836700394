import type { Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { EmailOutcome } from './tables.js';

export interface NewEmailDelivery {
  id: string;
  messageId: string;
  toPersonId: string;
  toAddress: string;
  locale: Locale;
  subject: string;
  textBody: string;
  jobId: string;
  createdAt: Date;
}

export interface EmailDelivery extends NewEmailDelivery {
  link: string | null;
}

export interface EmailAttempt {
  attempt: number;
  outcome: EmailOutcome;
  detail: string;
  at: Date;
}

export async function insertEmailDeliveries(
  db: Kysely<Tables>,
  deliveries: NewEmailDelivery[],
): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto('messaging_email_delivery')
    .values(
      deliveries.map((delivery) => ({
        id: delivery.id,
        message_id: delivery.messageId,
        to_person_id: delivery.toPersonId,
        to_address: delivery.toAddress,
        locale: delivery.locale,
        subject: delivery.subject,
        text_body: delivery.textBody,
        job_id: delivery.jobId,
        created_at: delivery.createdAt,
      })),
    )
    .execute();
}

export async function findEmailDelivery(
  db: Kysely<Tables>,
  id: string,
): Promise<EmailDelivery | undefined> {
  return db
    .selectFrom('messaging_email_delivery as d')
    .innerJoin('messaging_inbox_message as m', 'm.id', 'd.message_id')
    .select([
      'd.id as id',
      'd.message_id as messageId',
      'd.to_person_id as toPersonId',
      'd.to_address as toAddress',
      'd.locale as locale',
      'd.subject as subject',
      'd.text_body as textBody',
      'd.job_id as jobId',
      'd.created_at as createdAt',
      'm.link as link',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function attemptsOf(db: Kysely<Tables>, deliveryId: string): Promise<EmailAttempt[]> {
  return db
    .selectFrom('messaging_email_attempt')
    .select(['attempt', 'outcome', 'detail', 'at'])
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .orderBy('at')
    .execute();
}

export async function insertEmailAttempt(
  db: Kysely<Tables>,
  deliveryId: string,
  attempt: EmailAttempt,
): Promise<void> {
  await db
    .insertInto('messaging_email_attempt')
    .values({
      delivery_id: deliveryId,
      attempt: attempt.attempt,
      outcome: attempt.outcome,
      detail: attempt.detail.slice(0, 1000),
      at: attempt.at,
    })
    .execute();
}

/** The email deliveries of an inbox message to one person, with their attempts. */
export async function deliveriesOfMessage(
  db: Kysely<Tables>,
  messageId: string,
  personId: string,
): Promise<Array<{ id: string; toAddress: string; attempts: EmailAttempt[] }>> {
  const deliveries = await db
    .selectFrom('messaging_email_delivery')
    .select(['id', 'to_address as toAddress'])
    .where('message_id', '=', messageId)
    .where('to_person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  return Promise.all(
    deliveries.map(async (delivery) => ({
      ...delivery,
      attempts: await attemptsOf(db, delivery.id),
    })),
  );
}
