import type { ComponentChildren } from 'preact';
import { LOCALE_NAMES, LOCALES } from '../i18n/locales.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { usePage } from './page-context.js';
import { PATHS, withReturn } from './paths.js';

export interface LayoutProps {
  /** Translated page title; prefixed with "Error:" by the layout when the page shows errors. */
  title: string;
  hasErrors?: boolean;
  children: ComponentChildren;
}

/**
 * The frame of every page: skip link, header with the platform name, navigation, sign-in state
 * and language switch, the main content, footer. Only the deployment's own style sheets: no
 * script, no inline style, no font or file from another site (the CSP would block them anyway).
 */
export function Layout({ title, hasErrors = false, children }: LayoutProps) {
  const { locale, t } = usePage();
  const fullTitle = `${hasErrors ? t('layout.errorPrefix') + ' ' : ''}${title} — ${t('layout.platformName')}`;
  return (
    <html lang={locale} data-theme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/assets/pico.min.css" />
        <link rel="stylesheet" href="/assets/ortaq.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <Header />
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}

function Header() {
  const { t, principal } = usePage();
  return (
    <header class="site-header">
      <div class="site-header__band">
        <div class="container site-header__bar">
          <a class="site-header__brand" href={PATHS.home}>
            <span class="site-header__name">{t('layout.platformName')}</span>
            <span class="site-header__tagline">{t('layout.tagline')}</span>
          </a>
          <div class="site-header__tools">
            <LanguageSwitch />
            <SignInState />
          </div>
        </div>
      </div>
      <nav class="site-nav" aria-label={t('layout.mainNav')}>
        <div class="container">
          <ul>
            <NavLink href={PATHS.apps}>{t('layout.nav.apps')}</NavLink>
            {principal && <NavLink href={PATHS.inbox}>{t('layout.nav.inbox')}</NavLink>}
            {principal && (
              <NavLink href={PATHS.whoUsedMyData}>{t('layout.nav.whoUsedMyData')}</NavLink>
            )}
            <NavLink href={PATHS.apiReference}>{t('layout.nav.apiReference')}</NavLink>
          </ul>
        </div>
      </nav>
    </header>
  );
}

/** A navigation link that tells assistive technology when it is the page being shown. */
function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = usePage();
  const current = path.split('?')[0] === href;
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

function LanguageSwitch() {
  const { locale, path, t } = usePage();
  return (
    <nav class="language-switch" aria-label={t('layout.languageNav')}>
      <ul>
        {LOCALES.map((option) => (
          <li key={option}>
            <a
              href={withReturn(PATHS.language(option), path)}
              lang={option}
              hreflang={option}
              aria-current={option === locale ? 'true' : undefined}
            >
              {LOCALE_NAMES[option]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SignInState() {
  // csrfToken is read only for the sign-out form: reading it makes the token (and its cookie).
  const page = usePage();
  const { principal, path, t } = page;
  if (!principal) {
    return (
      <a class="sign-in-link" href={withReturn(PATHS.signIn, path)}>
        {t('layout.signIn')}
      </a>
    );
  }
  return (
    <div class="sign-in-state">
      <span class="sign-in-state__name">
        <span class="visually-hidden">{t('layout.signedInAs')} </span>
        {principal.displayName}
      </span>
      <form method="post" action={PATHS.signOut} class="sign-out-form">
        <input type="hidden" name={CSRF_FIELD} value={page.csrfToken} />
        <button type="submit" class="secondary outline">
          {t('layout.signOut')}
        </button>
      </form>
    </div>
  );
}

function Footer() {
  const { t } = usePage();
  return (
    <footer class="site-footer">
      <div class="container">
        <p>{t('layout.footer.about')}</p>
        <ul>
          <li>
            <a href={PATHS.apps}>{t('layout.nav.apps')}</a>
          </li>
          <li>
            <a href={PATHS.apiReference}>{t('layout.nav.apiReference')}</a>
          </li>
          <li>
            <a href={PATHS.openApi}>{t('layout.footer.openApi')}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
