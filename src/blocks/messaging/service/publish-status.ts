import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { DomainError } from '../../../platform/errors.js';
import { isUuid } from '../domain/ids.js';
import type { Tables } from '../../../platform/db/tables.js';
import { checkParams, renderAllLocales, type TemplateParams } from '../domain/template.js';
import { insertEmailDeliveries } from '../repo/delivery-repo.js';
import { insertEventsWithMessages } from '../repo/feed-repo.js';
import { organisationsWithMembers, peopleWithContacts } from '../repo/recipients-repo.js';
import { enqueueEmailDeliveries } from './delivery-queue.js';
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
  const [published] = await publishStatuses(trx, [input]);
  return published!;
}

/**
 * Publishes several statuses as publishStatus publishes one, in a few statements whatever their
 * number (one read of the recipients and their addresses, one insert of the events with their
 * messages, and for emails one of the deliveries and one of their jobs), for a writer that
 * group-commits many requests.
 *
 * Outcomes: the ids, in order; the first refusal among the inputs (as publishStatus), before
 * anything is written.
 */
export async function publishStatuses(
  trx: Transaction<Tables>,
  inputs: PublishStatusInput[],
): Promise<PublishedStatus[]> {
  const checked = inputs.map(checkInput);
  const organisations = await organisationsWithMembers(
    trx,
    checked.flatMap((c) => (c.organisationId !== null ? [c.organisationId] : [])),
  );
  const people = await peopleWithContacts(trx, [
    ...checked.flatMap((c) => (c.personId !== null ? [c.personId] : [])),
    ...[...organisations.values()].flat(),
  ]);
  const known = (c: Checked) =>
    c.personId !== null ? people.has(c.personId) : organisations.has(c.organisationId!);
  if (!checked.every(known)) throw new DomainError('MESSAGING_UNKNOWN_RECIPIENT', 400);

  const needsTime = checked.some((c) => c.input.at === undefined);
  const transactionNow = needsTime ? await transactionTime(trx) : undefined;
  const published = checked.map((c) => {
    const at = c.input.at ?? transactionNow!;
    const rendered = renderAllLocales(c.template, c.input.params);
    const members = c.personId !== null ? [c.personId] : organisations.get(c.organisationId!)!;
    const deliveries = members.flatMap((person) => {
      const contact = people.get(person);
      return contact
        ? [{ person, contact, id: crypto.randomUUID(), jobId: crypto.randomUUID() }]
        : [];
    });
    return {
      ...c,
      at,
      rendered,
      deliveries,
      eventId: crypto.randomUUID(),
      messageId: crypto.randomUUID(),
    };
  });

  const common = (p: (typeof published)[number]) => ({
    recipientPersonId: p.personId,
    recipientOrganisationId: p.organisationId,
    link: p.link,
  });
  await insertEventsWithMessages(
    trx,
    published.map((p) => ({
      ...common(p),
      id: p.eventId,
      subjectKind: p.input.subject.kind,
      subjectId: p.input.subject.id,
      status: p.input.status,
      templateId: p.template.id,
      params: p.input.params,
      occurredAt: p.at,
    })),
    published.map((p) => ({
      ...common(p),
      id: p.messageId,
      eventId: p.eventId,
      rendered: p.rendered,
      createdAt: p.at,
    })),
  );
  const deliveries = published.flatMap((p) =>
    // Each email in the language its recipient reads notices in; the inbox keeps all three.
    p.deliveries.map(({ person, contact, id, jobId }) => ({
      id,
      messageId: p.messageId,
      toPersonId: person,
      toAddress: contact.email,
      locale: contact.locale,
      // The same rendering as the inbox message, in the recipient's language.
      subject: p.rendered[contact.locale].subject,
      textBody: p.rendered[contact.locale].text,
      jobId,
      createdAt: p.at,
    })),
  );
  await insertEmailDeliveries(trx, deliveries);
  await enqueueEmailDeliveries(
    trx,
    deliveries.map((delivery) => ({ jobId: delivery.jobId, job: { deliveryId: delivery.id } })),
  );
  return published.map((p) => ({
    eventId: p.eventId,
    messageId: p.messageId,
    emailDeliveryIds: p.deliveries.map((delivery) => delivery.id),
  }));
}

type Checked = ReturnType<typeof checkInput>;

/** An input's own checks, which need no database. Throws the refusals publishStatus lists. */
function checkInput(input: PublishStatusInput) {
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
  const id = personId ?? organisationId;
  if (typeof id !== 'string' || !isUuid(id))
    throw new DomainError('MESSAGING_UNKNOWN_RECIPIENT', 400);
  return { input, link, template, personId, organisationId };
}

async function transactionTime(trx: Transaction<Tables>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(trx);
  return rows[0]!.now;
}
