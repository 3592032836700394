import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { AppealStatistics } from '../domain/statistics.js';

/** Public statistics per body and per region. */
export function StatisticsPage({
  byAgency,
  byRegion,
  names,
}: {
  byAgency: AppealStatistics[];
  byRegion: AppealStatistics[];
  names: Map<string, string>;
}) {
  const { t } = usePage();
  const table = (id: string, caption: string, rows: AppealStatistics[]) => (
    <table id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {[
            t('otinish.stats.key'),
            t('otinish.stats.received'),
            t('otinish.stats.onTime'),
            t('otinish.stats.overdue'),
            t('otinish.stats.extended'),
            t('otinish.stats.forwarded'),
            t('otinish.stats.average'),
          ].map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{names.get(row.key) ?? row.key}</th>
            <td>{row.received}</td>
            <td>{row.decidedOnTime}</td>
            <td>{row.overdue}</td>
            <td>{row.extended}</td>
            <td>{row.forwarded}</td>
            <td>{row.averageDays ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Layout title={t('otinish.stats.title')}>
      <h1>{t('otinish.stats.title')}</h1>
      {byAgency.length === 0 ? (
        <p>{t('otinish.stats.none')}</p>
      ) : (
        <>
          {table('by-agency', t('otinish.stats.byAgency'), byAgency)}
          {table('by-region', t('otinish.stats.byRegion'), byRegion)}
        </>
      )}
    </Layout>
  );
}
