import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { RenderedText } from '../domain/template.js';
import { organisationIdsOf } from './recipients-repo.js';
import './tables.js';

export interface NewInboxMessage {
  eventId: string;
  recipientPersonId: string | null;
  recipientOrganisationId: string | null;
  rendered: Record<Locale, RenderedText>;
  link: string | null;
  createdAt: Date;
}

export interface InboxRow {
  id: string;
  rendered: Record<Locale, RenderedText>;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  organisationId: string | null;
  organisationName: string | null;
  subjectKind: string;
  subjectId: string;
  status: string;
}

/**
 * The messages a person may see: addressed to them, or to an organisation they act for. Every
 * inbox query starts here, so no query can forget the rule.
 */
function visibleTo(db: Kysely<Tables>, personId: string) {
  return db
    .selectFrom('messaging_inbox_message as m')
    .innerJoin('messaging_status_event as e', 'e.id', 'm.event_id')
    .leftJoin('identity_organisation as o', 'o.id', 'm.recipient_organisation_id')
    .leftJoin('messaging_inbox_read as r', (join) =>
      join.onRef('r.message_id', '=', 'm.id').on('r.person_id', '=', personId),
    )
    .where((eb) =>
      eb.or([
        eb('m.recipient_person_id', '=', personId),
        eb('m.recipient_organisation_id', 'in', organisationIdsOf(db, personId)),
      ]),
    );
}

const inboxColumns = [
  'm.id as id',
  'm.rendered as rendered',
  'm.link as link',
  'm.created_at as createdAt',
  'r.read_at as readAt',
  'm.recipient_organisation_id as organisationId',
  'o.name as organisationName',
  'e.subject_kind as subjectKind',
  'e.subject_id as subjectId',
  'e.status as status',
] as const;

/** A page of a person's inbox: unread first, then newest first. */
export async function listInboxRows(
  db: Kysely<Tables>,
  personId: string,
  limit: number,
  offset: number,
): Promise<InboxRow[]> {
  return visibleTo(db, personId)
    .select(inboxColumns)
    .orderBy(sql`r.read_at is null`, 'desc')
    .orderBy('m.seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countInbox(
  db: Kysely<Tables>,
  personId: string,
): Promise<{ total: number; unread: number }> {
  const row = await visibleTo(db, personId)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('m.id').filterWhere('r.read_at', 'is', null).as('unread'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.unread) };
}

export async function findInboxRow(
  db: Kysely<Tables>,
  personId: string,
  messageId: string,
): Promise<InboxRow | undefined> {
  return visibleTo(db, personId)
    .select(inboxColumns)
    .where('m.id', '=', messageId)
    .executeTakeFirst();
}

/** Records the first time the person opened the message; later openings change nothing. */
export async function markRead(
  db: Kysely<Tables>,
  messageId: string,
  personId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('messaging_inbox_read')
    .values({ message_id: messageId, person_id: personId, read_at: at })
    .onConflict((oc) => oc.columns(['message_id', 'person_id']).doNothing())
    .execute();
}
