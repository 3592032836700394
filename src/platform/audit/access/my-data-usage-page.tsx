import { Layout } from '../../views/layout.js';
import { usePage } from '../../views/page-context.js';
import { PATHS } from '../../views/paths.js';
import type { AccessRecordPage } from './access-records.js';

const INTL_LOCALE = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;

/** "Who used my data": the signed-in person's access records, newest first, a page at a time. */
export function MyDataUsagePage({
  result,
  timeZone,
}: {
  result: AccessRecordPage;
  timeZone: string;
}) {
  const { t, locale } = usePage();
  const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  });
  const pageLink = (page: number) => `${PATHS.whoUsedMyData}?page=${page}`;
  return (
    <Layout title={t('myDataUsage.title')}>
      <h1>{t('myDataUsage.title')}</h1>
      <p class="lead">{t('myDataUsage.lead')}</p>
      <p>{t('myDataUsage.sealedNote')}</p>
      {result.total === 0 ? (
        <p class="empty-state">{t('myDataUsage.empty')}</p>
      ) : (
        <>
          <div class="overflow-auto">
            <table class="striped">
              <caption>{t('myDataUsage.caption', { total: result.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('myDataUsage.column.when')}</th>
                  <th scope="col">{t('myDataUsage.column.who')}</th>
                  <th scope="col">{t('myDataUsage.column.purpose')}</th>
                  <th scope="col">{t('myDataUsage.column.legalBasis')}</th>
                  <th scope="col">{t('myDataUsage.column.fields')}</th>
                  <th scope="col">{t('myDataUsage.column.source')}</th>
                </tr>
              </thead>
              <tbody>
                {result.records.map((record) => (
                  <tr key={record.id}>
                    <td>
                      <time dateTime={record.accessedAt.toISOString()}>
                        {format.format(record.accessedAt)}
                      </time>
                    </td>
                    <td>
                      {record.accessorName}
                      <br />
                      <small>{record.accessorOrganisation}</small>
                    </td>
                    <td>{record.purpose}</td>
                    <td>{record.legalBasis}</td>
                    <td>{record.fields.join(', ')}</td>
                    <td>{record.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.pageCount > 1 && (
            <nav aria-label={t('myDataUsage.pagination')}>
              <ul>
                {result.page > 1 && (
                  <li>
                    <a href={pageLink(result.page - 1)} rel="prev">
                      {t('myDataUsage.previous')}
                    </a>
                  </li>
                )}
                <li aria-current="page">
                  {t('myDataUsage.pageOf', { page: result.page, pageCount: result.pageCount })}
                </li>
                {result.page < result.pageCount && (
                  <li>
                    <a href={pageLink(result.page + 1)} rel="next">
                      {t('myDataUsage.next')}
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
