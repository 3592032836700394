import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { changeOwnEmail, findPersonContact } from '../service/contacts.js';
import { getInboxMessage, listInbox, openInboxMessage, type InboxEntry } from '../service/inbox.js';
import {
  ContactBody,
  ContactView,
  InboxListView,
  InboxMessageView,
  InboxQuery,
  MessageParams,
} from './schemas.js';
import { ProblemRef } from '../../identity/http/schemas.js';

const tags = ['messaging'];
const security = [{ session: [] }];
const guarded = { 401: ProblemRef, 403: ProblemRef };

const view = (entry: InboxEntry): InboxMessageView => ({
  ...entry,
  createdAt: entry.createdAt.toISOString(),
  readAt: entry.readAt?.toISOString() ?? null,
});

/**
 * The inbox as JSON under /api/v1/messaging, for the signed-in person (session cookie; a JSON
 * write also sends the page's CSRF token). API keys stand for no person and get 401: an inbox
 * is personal. Texts come in the request's language.
 */
export async function messagingApiRoutes(app: FastifyInstance) {
  const db = app.platform.db;

  app.get(
    '/api/v1/messaging/inbox',
    {
      preHandler: requireSignedIn(),
      schema: {
        tags,
        security,
        summary: 'The signed-in person’s inbox: unread first, then newest first',
        querystring: InboxQuery,
        response: { 200: InboxListView, 400: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const query = request.query as { page?: number; pageSize?: number };
      const inbox = await listInbox(
        db,
        { personId: request.principal!.personId },
        { ...query, locale: request.locale },
      );
      const { entries, ...paging } = inbox;
      return { messages: entries.map(view), ...paging };
    },
  );

  app.get(
    '/api/v1/messaging/inbox/:messageId',
    {
      preHandler: requireSignedIn(),
      schema: {
        tags,
        security,
        summary: 'One message of the signed-in person’s inbox (does not mark it read)',
        params: MessageParams,
        response: { 200: InboxMessageView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const { messageId } = request.params as { messageId: string };
      const viewer = { personId: request.principal!.personId };
      return view(await getInboxMessage(db, viewer, messageId, request.locale));
    },
  );

  app.post(
    '/api/v1/messaging/inbox/:messageId/read',
    {
      preHandler: requireSignedIn(),
      schema: {
        tags,
        security,
        summary: 'Mark a message read for the signed-in person',
        params: MessageParams,
        response: { 200: InboxMessageView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const { messageId } = request.params as { messageId: string };
      const viewer = { personId: request.principal!.personId };
      return view(
        await openInboxMessage(db, viewer, messageId, request.locale, app.platform.now()),
      );
    },
  );

  app.get(
    '/api/v1/messaging/contact',
    {
      preHandler: requireSignedIn(),
      schema: {
        tags,
        security,
        summary: 'The email address the signed-in person receives notices at',
        response: { 200: ContactView, ...guarded },
      },
    },
    async (request) => {
      const contact = await findPersonContact(db, request.principal!.personId);
      return { email: contact?.email ?? null, locale: contact?.locale ?? null };
    },
  );

  app.put(
    '/api/v1/messaging/contact',
    {
      preHandler: requireSignedIn(),
      schema: {
        tags,
        security,
        summary:
          'Set (or with null, remove) the signed-in person’s email address for notices, and their language (default: the language of the request)',
        body: ContactBody,
        response: { 200: ContactView, 400: ProblemRef, 415: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const { email, locale } = request.body as { email: string | null; locale?: Locale };
      const { personId, accountId } = request.principal!;
      const { audit, now } = app.platform;
      const change = { email, locale: locale ?? request.locale };
      const current = await changeOwnEmail({ db, audit, now }, { personId, accountId }, change, {
        requestId: String(request.id),
      });
      return { email: current?.email ?? null, locale: current?.locale ?? null };
    },
  );
}
