import type { Locale } from '../../../platform/i18n/locales.js';

const INTL_LOCALE = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;

/** A moment as people of the deployment's country read it, in their language. */
export const formatMoment = (at: Date, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(at);

export const APP_PATHS = {
  home: '/e-notary',
  acts: '/e-notary/acts',
  newAct: '/e-notary/acts/new',
  act: (id: string) => `/e-notary/acts/${id}`,
  alert: (id: string) => `/e-notary/alerts/${id}`,
  powersOfAttorney: '/e-notary/powers-of-attorney',
  reviews: '/e-notary/reviews',
  review: (id: string) => `/e-notary/reviews/${id}`,
  verify: '/verify',
} as const;
