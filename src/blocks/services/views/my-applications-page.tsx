import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { ApplicationSummary } from '../service/queries.js';
import { ClockText } from './clock-text.js';
import { pick } from './service-form.js';

/** "My applications": every application of the person, with its step and deadlines. */
export function MyApplicationsPage({ applications }: { applications: ApplicationSummary[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('services.my.title')}>
      <h1>{t('services.my.title')}</h1>
      {applications.length === 0 ? (
        <p>{t('services.my.empty')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('services.my.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('services.table.reference')}</th>
              <th scope="col">{t('services.table.service')}</th>
              <th scope="col">{t('services.table.submitted')}</th>
              <th scope="col">{t('services.table.state')}</th>
              <th scope="col">{t('services.table.deadlines')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map(({ row, definition, status, clocks }) => (
              <tr key={row.id}>
                <td>
                  <a href={`/my/applications/${row.id}`}>{row.reference}</a>
                </td>
                <td>{pick(definition.names, locale)}</td>
                <td>{row.submitted_at.toISOString().slice(0, 10)}</td>
                <td>{stateName(definition, status.state, locale)}</td>
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

export const stateName = (
  definition: { states: { id: string; names: Record<'kk' | 'ru' | 'en', string> }[] },
  state: string,
  locale: 'kk' | 'ru' | 'en',
) => definition.states.find((s) => s.id === state)?.names[locale] ?? state;
