import type { AppManifest } from '../apps/manifest.js';
import type { Locale } from '../i18n/locales.js';
import { Layout } from '../views/layout.js';
import { usePage } from '../views/page-context.js';

/** The public list of the services this deployment runs, each linking to its own pages. */
export function CataloguePage({
  apps,
  agencies,
}: {
  apps: readonly AppManifest[];
  /** Agency names by code; an agency missing from it is shown by its code. */
  agencies: ReadonlyMap<string, Record<Locale, string>>;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('apps.title')}>
      <h1>{t('apps.title')}</h1>
      <p class="lead">{t('apps.lead')}</p>
      {apps.length === 0 ? (
        <p class="empty-state">{t('apps.empty')}</p>
      ) : (
        <ul class="app-list">
          {apps.map((manifest) => (
            <li key={manifest.id} class="app-card" id={`app-${manifest.id}`}>
              <h2>
                <a href={manifest.routePrefix}>{manifest.names[locale]}</a>
              </h2>
              <p>{manifest.descriptions[locale]}</p>
              <p class="app-card__meta">
                {t('apps.owningAgency')}{' '}
                {agencies.get(manifest.owningAgency)?.[locale] ?? (
                  <span class="agency-code">{manifest.owningAgency}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
