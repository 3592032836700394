import type { Locale } from '../../../platform/i18n/locales.js';
import type { LocalisedText } from './document-statement.js';

/** The text in `locale`: the given translation, or the catalogue's for a message code. */
export const resolveText = (
  text: LocalisedText,
  locale: Locale,
  t: (id: string) => string,
): string => ('code' in text ? t(text.code) : text[locale]);

/** Intl locales for dates printed on pages and documents. */
export const INTL_LOCALE: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** The message id naming each holder kind (literal ids, so the catalogue check sees them). */
export const HOLDER_KIND_MESSAGES: Record<string, string> = {
  agency: 'trust.holder.agency',
  notary: 'trust.holder.notary',
  officer: 'trust.holder.officer',
  architect: 'trust.holder.architect',
  'bridge-member': 'trust.holder.bridge-member',
};

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date-and-time format for `locale` in `timeZone`, made once and reused: building an
 * Intl.DateTimeFormat costs about thirty times as much as using one, on the verification hot path.
 */
export function dateTimeFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone,
    });
    formats.set(key, format);
  }
  return format;
}
