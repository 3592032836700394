import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Principal } from '../auth/principal.js';
import type { Locale } from '../i18n/locales.js';
import type { Translate } from '../i18n/catalogue.js';

/** What every page component may read about the request it renders for. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Path and query of the current page, to come back to after a language switch or sign-in. */
  path: string;
  principal: Principal | null;
  csrfToken: string;
}

export const PageContextValue = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const context = useContext(PageContextValue);
  if (!context) throw new Error('usePage() outside a rendered page');
  return context;
}
