import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { ApplicationSummary } from '../service/queries.js';
import { ClockText } from './clock-text.js';
import { stateName } from './my-applications-page.js';
import { pick } from './service-form.js';

/** The officer's agency queue: open applications, least time left first. */
export function QueuePage({
  queue,
  names,
}: {
  queue: ApplicationSummary[];
  names: Map<string, string>;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('services.queue.title')}>
      <h1>{t('services.queue.title')}</h1>
      {queue.length === 0 ? (
        <p>{t('services.queue.empty')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('services.queue.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('services.table.reference')}</th>
              <th scope="col">{t('services.table.service')}</th>
              <th scope="col">{t('services.table.submitted')}</th>
              <th scope="col">{t('services.table.state')}</th>
              <th scope="col">{t('services.queue.assignee')}</th>
              <th scope="col">{t('services.table.deadlines')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map(({ row, definition, status, clocks }) => (
              <tr key={row.id}>
                <td>
                  <a href={`/officer/applications/${row.id}`}>{row.reference}</a>
                </td>
                <td>{pick(definition.names, locale)}</td>
                <td>{row.submitted_at.toISOString().slice(0, 10)}</td>
                <td>{stateName(definition, status.state, locale)}</td>
                <td>
                  {status.assigneeAccountId
                    ? (names.get(status.assigneeAccountId) ?? '—')
                    : t('services.queue.unassigned')}
                </td>
                <td>
                  <ul class="plain-list">
                    {clocks.map((clock) => (
                      <li key={clock.id}>
                        {pick(definition.clocks!.find((c) => c.id === clock.id)!.names, locale)}:{' '}
                        <ClockText clock={clock} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
