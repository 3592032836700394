import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import { APP_PATHS } from './format.js';

/** The app's front page: where notaries, citizens and reviewers go next. */
export function HomePage(props: { reviewer: boolean }) {
  const { t } = usePage();
  return (
    <Layout title={t('enotary.app.name')}>
      <h1>{t('enotary.app.name')}</h1>
      <p>{t('enotary.page.home.lead')}</p>
      <ul>
        <li>
          <a href={APP_PATHS.acts}>{t('enotary.nav.myActs')}</a>
        </li>
        <li>
          <a href={APP_PATHS.newAct}>{t('enotary.nav.newAct')}</a>
        </li>
        <li>
          <a href={APP_PATHS.powersOfAttorney}>{t('enotary.nav.powersOfAttorney')}</a>
        </li>
        {props.reviewer && (
          <li>
            <a href={APP_PATHS.reviews}>{t('enotary.nav.reviews')}</a>
          </li>
        )}
        <li>
          <a href={APP_PATHS.verify}>{t('enotary.nav.verify')}</a>
        </li>
      </ul>
    </Layout>
  );
}
