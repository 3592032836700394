import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { DomainError } from '../../../platform/errors.js';
import { isUuid } from '../domain/ids.js';
import type { Tables } from '../../../platform/db/tables.js';
import { checkParams, renderAllLocales, type TemplateParams } from '../domain/template.js';
import { findPersonContact } from '../repo/contact-repo.js';
import { insertEmailDelivery } from '../repo/delivery-repo.js';
import { insertStatusEvent } from '../repo/feed-repo.js';
import { insertInboxMessage } from '../repo/inbox-repo.js';
import { organisationExists, organisationMembers, personExists } from '../repo/recipients-repo.js';
import { enqueueEmailDelivery } from './delivery-queue.js';
import { messagingTemplates } from './templates.js';

/** What a status is about: e.g. `{ kind: 'appeal', id: '<appeal uuid>' }`. */
export interface StatusSubject {
  kind: string;
  id: string;
}

/** Who is told: one person, or one organisation (whose members share its inbox). */
export type Recipient = { personId: string } | { organisationId: string };

export interface PublishStatusInput {
  subject: StatusSubject;
  recipient: Recipient;
  /** Stable status code, e.g. `registered`, `extended`, `decided`. */
  status: string;
  /** Id of a registered template. */
  template: string;
  /** Exactly the template's parameters. */
  params: TemplateParams;
  /** Path on this site where the recipient sees the subject, e.g. `/e-otinish/appeals/…`. */
  link?: string;
  /** When the status was reached; defaults to the transaction's time. */
  at?: Date;
}

export interface PublishedStatus {
  eventId: string;
  messageId: string;
  /** One per member with an email address; empty when nobody has one. */
  emailDeliveryIds: string[];
}

const CODE = /^[a-z][a-z0-9-]{0,62}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Publishes a status: the feed row, the inbox message and, for each recipient person with an
 * email address, an email delivery and its pg-boss job, all in the caller's transaction (the
 * outbox pattern). The email leaves only after the commit; a rollback leaves no trace anywhere.
 *
 * Outcomes: the ids; MESSAGING_INVALID_SUBJECT, MESSAGING_INVALID_STATUS, MESSAGING_INVALID_LINK,
 * MESSAGING_UNKNOWN_RECIPIENT (400); MESSAGING_TEMPLATE_PARAM_MISSING / _UNKNOWN / _INVALID
 * (400); MESSAGING_TEMPLATE_UNKNOWN (500). On any of these nothing has been written.
 */
export async function publishStatus(
  trx: Transaction<Tables>,
  input: PublishStatusInput,
): Promise<PublishedStatus> {
  const { subject, recipient, status } = input;
  if (
    !CODE.test(subject?.kind ?? '') ||
    typeof subject.id !== 'string' ||
    subject.id.length < 1 ||
    subject.id.length > 200 ||
    CONTROL.test(subject.id)
  ) {
    throw new DomainError('MESSAGING_INVALID_SUBJECT', 400);
  }
  if (!CODE.test(status ?? '')) throw new DomainError('MESSAGING_INVALID_STATUS', 400);
  const link = input.link ?? null;
  if (link !== null && !/^\/(?![/\\])\S{1,1999}$/.test(link)) {
    throw new DomainError('MESSAGING_INVALID_LINK', 400);
  }
  const template = messagingTemplates.get(input.template);
  checkParams(template, input.params);

  const personId = 'personId' in recipient ? recipient.personId : null;
  const organisationId = 'organisationId' in recipient ? recipient.organisationId : null;
  const known = personId
    ? isUuid(personId) && (await personExists(trx, personId))
    : organisationId !== null &&
      isUuid(organisationId) &&
      (await organisationExists(trx, organisationId));
  if (!known) throw new DomainError('MESSAGING_UNKNOWN_RECIPIENT', 400);

  const at = input.at ?? (await transactionTime(trx));
  const eventId = await insertStatusEvent(trx, {
    subjectKind: subject.kind,
    subjectId: subject.id,
    status,
    templateId: template.id,
    params: input.params,
    link,
    recipientPersonId: personId,
    recipientOrganisationId: organisationId,
    occurredAt: at,
  });
  const rendered = renderAllLocales(template, input.params);
  const messageId = await insertInboxMessage(trx, {
    eventId,
    recipientPersonId: personId,
    recipientOrganisationId: organisationId,
    rendered,
    link,
    createdAt: at,
  });

  const people = personId ? [personId] : await organisationMembers(trx, organisationId!);
  const emailDeliveryIds: string[] = [];
  for (const person of people) {
    const contact = await findPersonContact(trx, person);
    if (!contact) continue;
    // Each email in the language its recipient reads notices in; the inbox keeps all three.
    const { email: address, locale } = contact;
    const delivery = { id: crypto.randomUUID(), jobId: crypto.randomUUID() };
    await insertEmailDelivery(trx, {
      id: delivery.id,
      messageId,
      toPersonId: person,
      toAddress: address,
      locale,
      // The same rendering as the inbox message, in the recipient's language.
      subject: rendered[locale].subject,
      textBody: rendered[locale].text,
      jobId: delivery.jobId,
      createdAt: at,
    });
    await enqueueEmailDelivery(trx, delivery.jobId, { deliveryId: delivery.id });
    emailDeliveryIds.push(delivery.id);
  }
  return { eventId, messageId, emailDeliveryIds };
}

async function transactionTime(trx: Transaction<Tables>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(trx);
  return rows[0]!.now;
}
