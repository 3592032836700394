import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';

/**
 * The app's front page, where the catalogue card leads: what e-Otinish is, the law's promises in
 * one paragraph, and the ways in (file, follow, statistics, the officers' desk).
 */
export function HomePage({ prefix }: { prefix: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('otinish.home.title')}>
      <h1>{t('otinish.home.title')}</h1>
      <p class="lead">{t('otinish.home.lead')}</p>
      <ul>
        <li>
          <a href={`${prefix}/appeals/new`}>{t('otinish.file.title')}</a>
        </li>
        <li>
          <a href="/my/applications">{t('services.my.title')}</a>
        </li>
        <li>
          <a href={`${prefix}/statistics`}>{t('otinish.stats.title')}</a>
        </li>
        <li>
          <a href={`${prefix}/officer`}>{t('otinish.officer.title')}</a>
        </li>
      </ul>
    </Layout>
  );
}
