import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import type { TemplateParams } from '../domain/template.js';
import type { NewInboxMessage } from './inbox-repo.js';
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

/**
 * Inserts status events and their inbox messages (one each, with the ids the caller chose) in
 * one statement whatever their number: each column travels as one array. The messages' foreign
 * key to their events is checked at the statement's end, when the events are there.
 */
export async function insertEventsWithMessages(
  db: Kysely<Tables>,
  events: (NewStatusEvent & { id: string })[],
  messages: (NewInboxMessage & { id: string })[],
): Promise<void> {
  if (events.length === 0) return;
  const e = events;
  const m = messages;
  await sql`
    with event as (
      insert into messaging_status_event (id, subject_kind, subject_id, status, template_id,
        params, link, recipient_person_id, recipient_organisation_id, occurred_at)
      select * from unnest(${e.map((x) => x.id)}::uuid[], ${e.map((x) => x.subjectKind)}::text[],
        ${e.map((x) => x.subjectId)}::text[], ${e.map((x) => x.status)}::text[],
        ${e.map((x) => x.templateId)}::text[], ${e.map((x) => JSON.stringify(x.params))}::jsonb[],
        ${e.map((x) => x.link)}::text[], ${e.map((x) => x.recipientPersonId)}::uuid[],
        ${e.map((x) => x.recipientOrganisationId)}::uuid[],
        ${e.map((x) => x.occurredAt)}::timestamptz[])
    )
    insert into messaging_inbox_message (id, event_id, recipient_person_id,
      recipient_organisation_id, rendered, link, created_at)
    select * from unnest(${m.map((x) => x.id)}::uuid[], ${m.map((x) => x.eventId)}::uuid[],
      ${m.map((x) => x.recipientPersonId)}::uuid[],
      ${m.map((x) => x.recipientOrganisationId)}::uuid[],
      ${m.map((x) => JSON.stringify(x.rendered))}::jsonb[], ${m.map((x) => x.link)}::text[],
      ${m.map((x) => x.createdAt)}::timestamptz[])`.execute(db);
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
