import { DomainError } from '../../../platform/errors.js';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.js';

/** Named values a template is filled with: `{number}` in the text takes `params.number`. */
export type TemplateParams = Record<string, string | number>;

/** A template's text in one language. `{name}` marks a parameter, as in the UI catalogues. */
export interface LocalisedTemplate {
  subject: string;
  body: string;
}

/**
 * A message template: one id, and a subject and body in every UI language with the same named
 * parameters. Bodies are plain text: paragraphs separated by a blank line. The HTML part of an
 * email is made from it with every character escaped, so no parameter can become markup.
 */
export interface MessageTemplate {
  /** `<module>.<name>`, e.g. `e-otinish.appeal-registered`; stable, it is stored in the feed. */
  id: string;
  /** For translators: when the message is sent and what each parameter holds. */
  note: string;
  kk: LocalisedTemplate;
  ru: LocalisedTemplate;
  en: LocalisedTemplate;
}

/** A template filled in for one language. */
export interface RenderedText {
  subject: string;
  text: string;
}

const TEMPLATE_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const PLACEHOLDER = /\{(\w+)\}/g;

/** The parameter names a text uses, sorted and without repeats. */
export function placeholdersOf(texts: string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names].sort();
}

/** The parameters of a valid template (the same in every language). */
export const parametersOf = (template: MessageTemplate): string[] =>
  placeholdersOf([template.kk.subject, template.kk.body]);

/**
 * What is wrong with a template definition, as sentences for the developer who wrote it (these
 * are found at start-up, never shown to the public). Empty when the template is valid.
 */
export function templateProblems(template: MessageTemplate): string[] {
  const problems: string[] = [];
  const id = typeof template?.id === 'string' ? template.id : String(template?.id);
  if (!TEMPLATE_ID.test(id)) {
    problems.push(`template id "${id}" must look like module.name (lower case, digits, dashes)`);
  }
  if (typeof template?.note !== 'string' || template.note.trim() === '') {
    problems.push(`template ${id}: note for translators is missing`);
  }
  const present: Locale[] = [];
  for (const locale of LOCALES) {
    const text = template?.[locale] as Partial<LocalisedTemplate> | undefined;
    if (typeof text !== 'object' || text === null) {
      problems.push(`template ${id}: the ${locale} text is missing`);
      continue;
    }
    let complete = true;
    for (const part of ['subject', 'body'] as const) {
      if (typeof text[part] !== 'string' || text[part].trim() === '') {
        problems.push(`template ${id}: ${locale} ${part} is missing or empty`);
        complete = false;
      }
    }
    if (typeof text.subject === 'string' && /[\r\n]/.test(text.subject)) {
      problems.push(`template ${id}: ${locale} subject must be one line`);
    }
    if (complete) present.push(locale);
  }
  const reference = present[0];
  if (reference) {
    const expected = placeholdersOf([template[reference].subject, template[reference].body]);
    for (const locale of present.slice(1)) {
      const actual = placeholdersOf([template[locale].subject, template[locale].body]);
      if (actual.join(',') !== expected.join(',')) {
        problems.push(
          `template ${id}: ${locale} has parameters {${actual.join('}, {')}} but ${reference} has {${expected.join('}, {')}}`,
        );
      }
    }
  }
  return problems;
}

/**
 * Checks that `params` fill exactly the template's parameters.
 * Outcomes: returns; MESSAGING_TEMPLATE_PARAM_MISSING; MESSAGING_TEMPLATE_PARAM_UNKNOWN;
 * MESSAGING_TEMPLATE_PARAM_INVALID (not a string or a finite number).
 */
export function checkParams(template: MessageTemplate, params: TemplateParams): void {
  const expected = parametersOf(template);
  for (const name of expected) {
    if (!Object.hasOwn(params, name)) {
      throw new DomainError('MESSAGING_TEMPLATE_PARAM_MISSING', 400, {
        template: template.id,
        param: name,
      });
    }
  }
  for (const [name, value] of Object.entries(params)) {
    if (!expected.includes(name)) {
      throw new DomainError('MESSAGING_TEMPLATE_PARAM_UNKNOWN', 400, {
        template: template.id,
        param: name,
      });
    }
    const valid =
      (typeof value === 'string' && value.length <= 2000) ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!valid) {
      throw new DomainError('MESSAGING_TEMPLATE_PARAM_INVALID', 400, {
        template: template.id,
        param: name,
      });
    }
  }
}

/**
 * Fills the template in one language. Parameters are inserted as they are (plain text; the HTML
 * part escapes them later); in the subject, line breaks become spaces so a value can never add a
 * mail header. Call checkParams first.
 */
export function renderTemplate(
  template: MessageTemplate,
  locale: Locale,
  params: TemplateParams,
): RenderedText {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  return {
    subject: fill(template[locale].subject)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text: fill(template[locale].body),
  };
}

/** The template in every UI language, as the inbox stores it. */
export function renderAllLocales(
  template: MessageTemplate,
  params: TemplateParams,
): Record<Locale, RenderedText> {
  return {
    kk: renderTemplate(template, 'kk', params),
    ru: renderTemplate(template, 'ru', params),
    en: renderTemplate(template, 'en', params),
  };
}
