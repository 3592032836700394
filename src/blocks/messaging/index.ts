import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { messagingApiRoutes } from './http/api-routes.js';
import { inboxRoutes } from './http/inbox-routes.js';
import { deliverEmail, type EmailDeps } from './service/deliver-email.js';
import {
  configureEmailQueue,
  EMAIL_DELIVERY_QUEUE,
  type EmailDeliveryJob,
} from './service/delivery-queue.js';
import { smtpTransport } from './service/mail-transport.js';

export { messagingMessages } from './messages.js';
export { messagingMigrations } from './migrations/index.js';
export type { MessageTemplate, RenderedText, TemplateParams } from './domain/template.js';
export { TemplateError } from './domain/template-registry.js';
export { registerTemplates, messagingTemplates } from './service/templates.js';
export {
  publishStatus,
  publishStatuses,
  type PublishStatusInput,
  type PublishedStatus,
  type Recipient,
  type StatusSubject,
} from './service/publish-status.js';
export {
  describeStatus,
  latestStatus,
  statusHistory,
  type StatusEvent,
} from './service/status-feed.js';
export {
  listInbox,
  getInboxMessage,
  openInboxMessage,
  emailCopiesOf,
  type InboxEntry,
  type InboxPage,
  type InboxViewer,
  type EmailCopy,
} from './service/inbox.js';
export { setPersonEmail, findPersonEmail } from './service/contacts.js';
export type { DeliveryState } from './domain/delivery-state.js';
export { INBOX_PATHS } from './views/inbox-paths.js';

/**
 * The messaging block: the inbox pages and API, and the email worker. Email goes out through
 * SMTP_URL; when it is empty, delivery is off (each queued email is recorded `notSent`) and the
 * feed and inboxes work as ever. Registered by app.ts after the kernel's plugins.
 */
export const messagingPlugin = fp(
  async (app: FastifyInstance) => {
    const { config, catalogue } = app.platform;
    const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
    const deps: EmailDeps = {
      db: app.platform.db,
      transport,
      from: config.mailFrom,
      publicBaseUrl: config.publicBaseUrl,
      retryLimit: config.mailRetryLimit,
      translator: (locale) => catalogue.translator(locale),
      now: () => app.platform.now(),
    };
    await app.platform.jobs.work<EmailDeliveryJob>(EMAIL_DELIVERY_QUEUE, async (job) => {
      await deliverEmail(deps, job);
    });
    // After the job queue's own onReady (registered earlier), when its schema exists.
    app.addHook('onReady', () =>
      configureEmailQueue(app.platform.db, {
        retryLimit: config.mailRetryLimit,
        retryDelaySeconds: config.mailRetryDelaySeconds,
      }),
    );
    app.addHook('onClose', async () => transport?.close());

    await app.register(inboxRoutes);
    await app.register(messagingApiRoutes);
  },
  { name: 'messaging', dependencies: ['views', 'session', 'jobs', 'error-handler'] },
);
