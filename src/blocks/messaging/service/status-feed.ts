import type { Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { renderTemplate, type RenderedText } from '../domain/template.js';
import { statusEventsOf, type StatusEvent } from '../repo/feed-repo.js';
import { messagingTemplates } from './templates.js';
import type { StatusSubject } from './publish-status.js';

export type { StatusEvent } from '../repo/feed-repo.js';

/**
 * The subject's current status: the newest row of the feed, the same row its inbox message and
 * email were made from. Outcomes: the row; undefined when nothing was ever published about it.
 */
export async function latestStatus(
  db: Kysely<Tables>,
  subject: StatusSubject,
): Promise<StatusEvent | undefined> {
  const [latest] = await statusEventsOf(db, subject, { newestOnly: true });
  return latest;
}

/** Every status the subject went through, oldest first (empty if none). */
export function statusHistory(db: Kysely<Tables>, subject: StatusSubject): Promise<StatusEvent[]> {
  return statusEventsOf(db, subject);
}

/**
 * A feed row in words, for the subject's own page: the same template and parameters the inbox
 * message and the email were made from. Outcomes: the text; MESSAGING_TEMPLATE_UNKNOWN (500)
 * when the template is no longer registered.
 */
export function describeStatus(event: StatusEvent, locale: Locale): RenderedText {
  return renderTemplate(messagingTemplates.get(event.templateId), locale, event.params);
}
