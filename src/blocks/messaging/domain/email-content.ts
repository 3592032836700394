import type { Locale } from '../../../platform/i18n/locales.js';

/** The parts of one email as they go to the SMTP server. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface ComposeEmailInput {
  locale: Locale;
  subject: string;
  /** The template's rendered body: plain text, paragraphs separated by blank lines. */
  text: string;
  /** Absolute address of the page the message is about, if any. */
  url: string | null;
  /** Translated label of the link, e.g. "Open in Ortaq". */
  linkLabel: string;
  /** Translated closing line saying the message was sent automatically. */
  footer: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The plain-text and HTML parts of an email from a rendered template. The HTML part escapes
 * every character of the text (parameters included), so a name like `<b>` arrives as text;
 * paragraphs become <p>, line breaks <br>. Both parts say the same thing.
 */
export function composeEmail(input: ComposeEmailInput): EmailContent {
  const body = input.text.replace(/\r\n?/g, '\n').trim();
  const paragraphs = body.split(/\n{2,}/);
  const textParts = [body];
  if (input.url) textParts.push(`${input.linkLabel}: ${input.url}`);
  textParts.push(`-- \n${input.footer}`);

  const html = [
    '<!doctype html>',
    `<html lang="${input.locale}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(input.subject)}</title></head>`,
    '<body>',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).split('\n').join('<br>\n')}</p>`),
    ...(input.url
      ? [`<p><a href="${escapeHtml(input.url)}">${escapeHtml(input.linkLabel)}</a></p>`]
      : []),
    `<hr><p><small>${escapeHtml(input.footer)}</small></p>`,
    '</body>',
    '</html>',
  ].join('\n');

  return { subject: input.subject, text: `${textParts.join('\n\n')}\n`, html };
}
