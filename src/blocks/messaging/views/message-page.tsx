import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { DeliveryState } from '../domain/delivery-state.js';
import type { EmailCopy, InboxEntry } from '../service/inbox.js';
import { dateTimeFormat } from './date-format.js';
import { INBOX_PATHS } from './inbox-paths.js';

const STATE_MESSAGE: Record<DeliveryState, string> = {
  scheduled: 'messaging.email.state.scheduled',
  deferred: 'messaging.email.state.deferred',
  delivered: 'messaging.email.state.delivered',
  bounced: 'messaging.email.state.bounced',
  notSent: 'messaging.email.state.notSent',
};

/** One message in the reader's language, with where it leads and how its email copy went. */
export function MessagePage({
  entry,
  emailCopies,
  timeZone,
}: {
  entry: InboxEntry;
  emailCopies: EmailCopy[];
  timeZone: string;
}) {
  const { t, locale } = usePage();
  const format = dateTimeFormat(locale, timeZone);
  return (
    <Layout title={entry.subject}>
      <p>
        <a href={INBOX_PATHS.list}>{t('messaging.message.back')}</a>
      </p>
      <article>
        <header>
          <h1>{entry.subject}</h1>
          <p>
            {t('messaging.message.received')}:{' '}
            <time dateTime={entry.createdAt.toISOString()}>{format.format(entry.createdAt)}</time>
            {entry.organisation && (
              <>
                <br />
                {t('messaging.message.forOrganisation', {
                  organisation: entry.organisation.name,
                })}
              </>
            )}
          </p>
        </header>
        {entry.text.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>
            {paragraph.split('\n').map((line, lineIndex) => (
              <>
                {lineIndex > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
        {entry.link && (
          <p>
            <a href={entry.link}>{t('messaging.message.openLink')}</a>
          </p>
        )}
      </article>
      {emailCopies.length > 0 && (
        <section aria-labelledby="email-copies">
          <h2 id="email-copies">{t('messaging.message.emailHeading')}</h2>
          <ul>
            {emailCopies.map((copy, index) => (
              <li key={index}>
                {t('messaging.message.emailTo', {
                  address: copy.address,
                  state: t(STATE_MESSAGE[copy.state]),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
