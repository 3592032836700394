import type { Kysely } from 'kysely';
import { DomainError } from '../../../platform/errors.js';
import { isUuid } from '../domain/ids.js';
import type { Tables } from '../../../platform/db/tables.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { deliveryState, type DeliveryState } from '../domain/delivery-state.js';
import { deliveriesOfMessage } from '../repo/delivery-repo.js';
import {
  countInbox,
  findInboxRow,
  listInboxRows,
  markRead,
  type InboxRow,
} from '../repo/inbox-repo.js';

/** Whose inbox: always the signed-in person (never an id taken from the request). */
export interface InboxViewer {
  personId: string;
}

/** One inbox message in the reader's language. */
export interface InboxEntry {
  id: string;
  subject: string;
  text: string;
  link: string | null;
  createdAt: Date;
  /** When this reader first opened it; null while unread. */
  readAt: Date | null;
  /** Set when the message went to an organisation the reader acts for. */
  organisation: { id: string; name: string } | null;
  /** The feed row it was made from. */
  about: { kind: string; id: string; status: string };
}

export interface InboxPage {
  entries: InboxEntry[];
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  unread: number;
}

export const INBOX_PAGE_SIZE = 20;

const toEntry = (row: InboxRow, locale: Locale): InboxEntry => ({
  id: row.id,
  subject: row.rendered[locale].subject,
  text: row.rendered[locale].text,
  link: row.link,
  createdAt: row.createdAt,
  readAt: row.readAt,
  organisation:
    row.organisationId && row.organisationName
      ? { id: row.organisationId, name: row.organisationName }
      : null,
  about: { kind: row.subjectKind, id: row.subjectId, status: row.status },
});

/** The message if the person may see it; the same 404 for unknown and someone else's. */
async function visibleRow(
  db: Kysely<Tables>,
  viewer: InboxViewer,
  messageId: string,
): Promise<InboxRow> {
  const row = isUuid(messageId) ? await findInboxRow(db, viewer.personId, messageId) : undefined;
  if (!row) throw new DomainError('MESSAGING_MESSAGE_NOT_FOUND', 404);
  return row;
}

/**
 * A page of the person's inbox (their own messages and those of organisations they act for),
 * unread first, then newest first. Outcomes: the page (empty beyond the last page).
 */
export async function listInbox(
  db: Kysely<Tables>,
  viewer: InboxViewer,
  options: { page?: number; pageSize?: number; locale: Locale },
): Promise<InboxPage> {
  const pageSize = Math.min(Math.max(options.pageSize ?? INBOX_PAGE_SIZE, 1), 100);
  const page = Math.max(options.page ?? 1, 1);
  const [counts, rows] = await Promise.all([
    countInbox(db, viewer.personId),
    listInboxRows(db, viewer.personId, pageSize, (page - 1) * pageSize),
  ]);
  return {
    entries: rows.map((row) => toEntry(row, options.locale)),
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(counts.total / pageSize)),
    total: counts.total,
    unread: counts.unread,
  };
}

/**
 * One message, if the person may see it. Outcomes: the entry; MESSAGING_MESSAGE_NOT_FOUND (404)
 * for an unknown id and for someone else's message alike, so ids reveal nothing.
 */
export async function getInboxMessage(
  db: Kysely<Tables>,
  viewer: InboxViewer,
  messageId: string,
  locale: Locale,
): Promise<InboxEntry> {
  return toEntry(await visibleRow(db, viewer, messageId), locale);
}

/**
 * Opens a message: records that this person read it (the first time only) and returns it.
 * Outcomes: the entry with readAt set; MESSAGING_MESSAGE_NOT_FOUND (404), nothing written.
 */
export async function openInboxMessage(
  db: Kysely<Tables>,
  viewer: InboxViewer,
  messageId: string,
  locale: Locale,
  at: Date,
): Promise<InboxEntry> {
  await visibleRow(db, viewer, messageId);
  await markRead(db, messageId, viewer.personId, at);
  return getInboxMessage(db, viewer, messageId, locale);
}

/** An email copy of a message to the reader, and how it stands. */
export interface EmailCopy {
  address: string;
  state: DeliveryState;
}

/**
 * The email copies of a message sent to this reader (not to other members of an organisation).
 * Outcomes: the copies (empty when none was made); MESSAGING_MESSAGE_NOT_FOUND (404).
 */
export async function emailCopiesOf(
  db: Kysely<Tables>,
  viewer: InboxViewer,
  messageId: string,
): Promise<EmailCopy[]> {
  await visibleRow(db, viewer, messageId);
  const deliveries = await deliveriesOfMessage(db, messageId, viewer.personId);
  return deliveries.map((delivery) => ({
    address: delivery.toAddress,
    state: deliveryState(delivery.attempts),
  }));
}
