import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import { ACT_KIND_NAMES } from '../domain/act-kinds.js';
import type { FrozenAct } from '../service/acts.js';
import { APP_PATHS, formatMoment } from './format.js';

/**
 * The reviewer's queue: acts frozen by an owner's "this is not me", oldest report first, each
 * with who reported it and when, linking to the page where the reviewer decides.
 */
export function ReviewsPage(props: {
  frozen: FrozenAct[];
  timeZone: string;
  notice: string | null;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('enotary.reviews.title')}>
      <h1>{t('enotary.reviews.title')}</h1>
      {props.notice && <p role="status">{props.notice}</p>}
      <p>{t('enotary.reviews.lead')}</p>
      {props.frozen.length === 0 ? (
        <p>{t('enotary.reviews.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('enotary.field.kind')}</th>
              <th scope="col">{t('enotary.field.cadastralNumber')}</th>
              <th scope="col">{t('enotary.field.notaryLicence')}</th>
              <th scope="col">{t('enotary.field.reportedBy')}</th>
              <th scope="col">{t('enotary.field.reportedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {props.frozen.map(({ act, state }) => (
              <tr key={act.id}>
                <td>
                  <a href={APP_PATHS.review(act.id)}>{t(ACT_KIND_NAMES[act.kind])}</a>
                </td>
                <td>{act.cadastralNumber ?? ''}</td>
                <td>{act.notaryLicence}</td>
                <td>{state.reports.map((report) => report.owner.id).join(', ')}</td>
                <td>
                  {state.reports[0]
                    ? formatMoment(state.reports[0].at, locale, props.timeZone)
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
