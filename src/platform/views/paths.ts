/**
 * Addresses of the kernel's own pages that the layout links to. Blocks that serve them import
 * these, so a link and its route cannot drift apart.
 */
export const PATHS = {
  home: '/',
  apps: '/apps',
  apiReference: '/api/reference',
  openApi: '/api/openapi.json',
  signIn: '/sign-in',
  signOut: '/sign-out',
  whoUsedMyData: '/my-data-usage',
  /** Served by the messaging block; linked from every page for a signed-in person. */
  inbox: '/inbox',
  language: (locale: string) => `/language/${locale}`,
} as const;

/** A link that brings the person back to `path` afterwards (sign-in, language switch). */
export const withReturn = (target: string, path: string): string =>
  `${target}?return=${encodeURIComponent(path)}`;
