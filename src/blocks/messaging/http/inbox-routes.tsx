import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { emailCopiesOf, listInbox, openInboxMessage } from '../service/inbox.js';
import { InboxPage } from '../views/inbox-page.js';
import { INBOX_PATHS } from '../views/inbox-paths.js';
import { MessagePage } from '../views/message-page.js';
import { InboxQuery, MessageParams } from './schemas.js';

/**
 * GET /inbox and GET /inbox/:messageId, for the signed-in person only: whose inbox it is comes
 * from the session, never from the address. Opening a message marks it read for this person.
 * Outcomes: 200 page; 303 to sign-in for an anonymous browser; 400 for a malformed page number;
 * 404 for a message that does not exist or is someone else's.
 */
export async function inboxRoutes(app: FastifyInstance) {
  const timeZone = app.platform.country.timeZone;

  app.get(
    INBOX_PATHS.list,
    { schema: { hide: true, querystring: InboxQuery }, preHandler: requireSignedIn() },
    async (request, reply) => {
      const { page = 1 } = request.query as { page?: number };
      const inbox = await listInbox(
        app.platform.db,
        { personId: request.principal!.personId },
        { page, locale: request.locale },
      );
      return reply.page(<InboxPage inbox={inbox} timeZone={timeZone} />);
    },
  );

  app.get(
    `${INBOX_PATHS.list}/:messageId`,
    { schema: { hide: true, params: MessageParams }, preHandler: requireSignedIn() },
    async (request, reply) => {
      const { messageId } = request.params as { messageId: string };
      const viewer = { personId: request.principal!.personId };
      const entry = await openInboxMessage(
        app.platform.db,
        viewer,
        messageId,
        request.locale,
        app.platform.now(),
      );
      const emailCopies = await emailCopiesOf(app.platform.db, viewer, messageId);
      return reply.page(
        <MessagePage entry={entry} emailCopies={emailCopies} timeZone={timeZone} />,
      );
    },
  );
}
