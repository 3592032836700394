import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { InboxPage as InboxPageData } from '../service/inbox.js';
import { dateTimeFormat } from './date-format.js';
import { INBOX_PATHS } from './inbox-paths.js';

/** The signed-in person's inbox: unread first, then newest first, a page at a time. */
export function InboxPage({ inbox, timeZone }: { inbox: InboxPageData; timeZone: string }) {
  const { t, locale } = usePage();
  const format = dateTimeFormat(locale, timeZone);
  return (
    <Layout title={t('messaging.inbox.title')}>
      <h1>{t('messaging.inbox.title')}</h1>
      <p class="lead">{t('messaging.inbox.lead')}</p>
      {inbox.total === 0 ? (
        <p class="empty-state">{t('messaging.inbox.empty')}</p>
      ) : (
        <>
          <div class="overflow-auto">
            <table class="striped">
              <caption>
                {t('messaging.inbox.caption', { total: inbox.total, unread: inbox.unread })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('messaging.inbox.column.subject')}</th>
                  <th scope="col">{t('messaging.inbox.column.recipient')}</th>
                  <th scope="col">{t('messaging.inbox.column.received')}</th>
                  <th scope="col">{t('messaging.inbox.column.state')}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.entries.map((entry) => (
                  <tr key={entry.id} class={entry.readAt ? undefined : 'inbox-unread'}>
                    <td>
                      <a href={INBOX_PATHS.message(entry.id)}>
                        {entry.readAt ? entry.subject : <strong>{entry.subject}</strong>}
                      </a>
                    </td>
                    <td>{entry.organisation?.name ?? t('messaging.inbox.you')}</td>
                    <td>
                      <time dateTime={entry.createdAt.toISOString()}>
                        {format.format(entry.createdAt)}
                      </time>
                    </td>
                    <td>
                      {entry.readAt ? t('messaging.inbox.read') : t('messaging.inbox.unread')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {inbox.pageCount > 1 && (
            <nav aria-label={t('messaging.inbox.pagination')}>
              <ul>
                {inbox.page > 1 && (
                  <li>
                    <a href={INBOX_PATHS.page(inbox.page - 1)} rel="prev">
                      {t('messaging.inbox.previous')}
                    </a>
                  </li>
                )}
                <li aria-current="page">
                  {t('messaging.inbox.pageOf', { page: inbox.page, pageCount: inbox.pageCount })}
                </li>
                {inbox.page < inbox.pageCount && (
                  <li>
                    <a href={INBOX_PATHS.page(inbox.page + 1)} rel="next">
                      {t('messaging.inbox.next')}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </Layout>
  );
}
