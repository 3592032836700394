import type { Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import type { TemplateParams } from '../domain/template.js';
import './tables.js';

export interface NewStatusEvent {
  subjectKind: string;
  subjectId: string;
  status: string;
  templateId: string;
  params: TemplateParams;
  link: string | null;
  recipientPersonId: string | null;
  recipientOrganisationId: string | null;
  occurredAt: Date;
}

/** One row of the status feed. */
export interface StatusEvent extends NewStatusEvent {
  id: string;
}

export async function insertStatusEvent(
  db: Kysely<Tables>,
  event: NewStatusEvent,
): Promise<string> {
  const row = await db
    .insertInto('messaging_status_event')
    .values({
      subject_kind: event.subjectKind,
      subject_id: event.subjectId,
      status: event.status,
      template_id: event.templateId,
      params: JSON.stringify(event.params),
      link: event.link,
      recipient_person_id: event.recipientPersonId,
      recipient_organisation_id: event.recipientOrganisationId,
      occurred_at: event.occurredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const columns = [
  'id',
  'subject_kind as subjectKind',
  'subject_id as subjectId',
  'status',
  'template_id as templateId',
  'params',
  'link',
  'recipient_person_id as recipientPersonId',
  'recipient_organisation_id as recipientOrganisationId',
  'occurred_at as occurredAt',
] as const;

/** The feed of one subject, oldest first, at most `limit` rows from the newest end. */
export async function statusEventsOf(
  db: Kysely<Tables>,
  subject: { kind: string; id: string },
  options: { newestOnly?: boolean } = {},
): Promise<StatusEvent[]> {
  let query = db
    .selectFrom('messaging_status_event')
    .select(columns)
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .orderBy('seq', 'desc');
  if (options.newestOnly) query = query.limit(1);
  const rows = await query.execute();
  return rows.reverse();
}
