import { Layout } from '../views/layout.js';
import { usePage } from '../views/page-context.js';
import { PATHS, withReturn } from '../views/paths.js';

/** The front door: what Ortaq does for a citizen, and where to go next. */
export function HomePage({ appCount }: { appCount: number }) {
  const { t, principal, path } = usePage();
  return (
    <Layout title={t('home.title')}>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p class="hero__actions">
          <a href={PATHS.apps} role="button">
            {t('home.action.apps')}
          </a>
          {!principal && (
            <a href={withReturn(PATHS.signIn, path)} role="button" class="secondary outline">
              {t('layout.signIn')}
            </a>
          )}
        </p>
      </section>

      <section aria-labelledby="home-what">
        <h2 id="home-what">{t('home.what.title')}</h2>
        <div class="grid cards">
          <article>
            <h3>{t('home.what.apply.title')}</h3>
            <p>{t('home.what.apply.text')}</p>
          </article>
          <article>
            <h3>{t('home.what.track.title')}</h3>
            <p>{t('home.what.track.text')}</p>
          </article>
          <article>
            <h3>{t('home.what.data.title')}</h3>
            <p>{t('home.what.data.text')}</p>
          </article>
        </div>
      </section>

      <section aria-labelledby="home-next">
        <h2 id="home-next">{t('home.next.title')}</h2>
        <ul>
          <li>
            <a href={PATHS.apps}>{t('home.next.apps', { count: appCount })}</a>
          </li>
          <li>
            <a href={PATHS.apiReference}>{t('home.next.api')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
