import type { Locale } from '../../../platform/i18n/locales.js';

const INTL_LOCALE = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;

/** Date and time as people of the deployment's country read them, in their language. */
export const dateTimeFormat = (locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeStyle: 'short', timeZone });
