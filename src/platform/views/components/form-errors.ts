import type { DomainError } from '../../errors.js';
import type { Translate } from '../../i18n/catalogue.js';

/**
 * A form's errors: field name -> translated message, in the order the fields appear on the
 * page (the error summary lists them in that order). Empty when the form has no errors.
 */
export type FormErrors = Record<string, string>;

/** The id of a field's input, which the error summary links to. One rule for every form. */
export const fieldId = (name: string): string => `field-${name.replaceAll('.', '-')}`;

export const hasErrors = (errors: FormErrors | undefined): boolean =>
  errors !== undefined && Object.keys(errors).length > 0;

/**
 * Turns a DomainError's field problems into a form's errors. A problem that concerns no field
 * (the whole form) is keyed by `fallbackField`, so the summary still links somewhere useful.
 * `rename` maps a service's field name to the form's where the form calls it otherwise.
 */
export function formErrorsFrom(
  error: DomainError,
  t: Translate,
  fallbackField: string,
  rename: Record<string, string> = {},
): FormErrors {
  const errors: FormErrors = {};
  for (const problem of error.fields) {
    errors[rename[problem.field] ?? problem.field] ??= t(`error.${problem.code}`, problem.params);
  }
  if (error.fields.length === 0) errors[fallbackField] = t(`error.${error.code}`, error.params);
  return errors;
}
