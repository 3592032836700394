import type { FieldProblem } from '../../../platform/errors.js';
import { parseLocalDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { FormField } from './definition.js';

/** A field's value once checked: attachments are lists of file ids. */
export type FormValue = string | number | boolean | string[];
export type FormValues = Record<string, FormValue>;

export interface FormContext {
  /** Today in the country's calendar, for date ranges. */
  today: LocalDate;
  /** The country profile's check of a national identifier: an error code and its label. */
  checkNationalId(
    of: 'person' | 'organisation',
    value: string,
  ): { code: string; label: string } | undefined;
}

/** Longest text kept when a definition names no limit, so nobody stores a novel in a name. */
const DEFAULT_MAX = { text: 500, 'long-text': 10_000 } as const;

/**
 * Checks what an applicant sent against the form's fields, in order, and returns the values to
 * keep and one problem per invalid field (a stable code the pages and the API translate).
 *
 * - A field whose `when` condition does not hold is hidden: its value is dropped, never checked.
 *   (Pages without scripts show every field with a hint saying when it applies.)
 * - Empty text counts as not given; a required visible field not given is SERVICES_FIELD_REQUIRED.
 * - Page posts send strings; the JSON API may send numbers and booleans: both are accepted.
 * - A name that is no field of the form is SERVICES_FIELD_UNKNOWN.
 */
export function validateForm(
  fields: readonly FormField[],
  raw: Record<string, unknown>,
  context: FormContext,
): { values: FormValues; problems: FieldProblem[] } {
  const values: FormValues = {};
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) problems.push({ field: name, code: 'SERVICES_FIELD_UNKNOWN' });
  }
  for (const field of fields) {
    if (!isVisible(field, values)) continue;
    const outcome = checkField(field, raw[field.name], context);
    if ('problem' in outcome) problems.push({ field: field.name, ...outcome.problem });
    else if (outcome.value !== undefined) values[field.name] = outcome.value;
    else if (field.required) problems.push({ field: field.name, code: 'SERVICES_FIELD_REQUIRED' });
  }
  return { values, problems };
}

/** Does the field's condition hold for the values checked so far (earlier fields)? */
export function isVisible(field: FormField, values: FormValues): boolean {
  if (!field.when) return true;
  return values[field.when.field] === field.when.equals;
}

type Problem = { code: string; params?: Record<string, string | number> };
type Outcome = { value: FormValue | undefined } | { problem: Problem };

const none: Outcome = { value: undefined };
const fail = (code: string, params?: Record<string, string | number>): Outcome => ({
  problem: params ? { code, params } : { code },
});

function checkField(field: FormField, input: unknown, context: FormContext): Outcome {
  if (input === undefined || input === null) return none;
  if (typeof input === 'string' && input.trim() === '' && field.type !== 'attachment') return none;
  switch (field.type) {
    case 'text':
    case 'long-text': {
      if (typeof input !== 'string') return fail('SERVICES_FIELD_WRONG_TYPE');
      // Long text keeps its line breaks; a one-line answer loses stray spaces around it.
      const value = field.type === 'text' ? input.trim() : input.replace(/\r\n/g, '\n').trim();
      const length = [...value].length;
      if (field.minLength !== undefined && length < field.minLength) {
        return fail('SERVICES_FIELD_TOO_SHORT', { min: field.minLength });
      }
      const max = field.maxLength ?? DEFAULT_MAX[field.type];
      if (length > max) return fail('SERVICES_FIELD_TOO_LONG', { max });
      if (
        field.type === 'text' &&
        field.pattern &&
        !new RegExp(`^(?:${field.pattern})$`, 'u').test(value)
      ) {
        return fail('SERVICES_FIELD_PATTERN');
      }
      return { value };
    }
    case 'number': {
      const value =
        typeof input === 'number'
          ? input
          : typeof input === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(input)
            ? Number(input.trim().replace(',', '.'))
            : Number.NaN;
      if (!Number.isFinite(value)) return fail('SERVICES_FIELD_NOT_A_NUMBER');
      if (field.integer && !Number.isInteger(value)) return fail('SERVICES_FIELD_NOT_WHOLE');
      if (field.min !== undefined && value < field.min)
        return fail('SERVICES_FIELD_TOO_SMALL', { min: field.min });
      if (field.max !== undefined && value > field.max)
        return fail('SERVICES_FIELD_TOO_LARGE', { max: field.max });
      return { value };
    }
    case 'date': {
      const value = typeof input === 'string' ? input.trim() : '';
      if (!parseLocalDate(value)) return fail('SERVICES_FIELD_NOT_A_DATE');
      if (field.range === 'past' && value > context.today)
        return fail('SERVICES_FIELD_DATE_IN_FUTURE');
      if (field.range === 'future' && value < context.today)
        return fail('SERVICES_FIELD_DATE_IN_PAST');
      return { value };
    }
    case 'choice': {
      if (typeof input !== 'string' || !field.options.some((option) => option.value === input)) {
        return fail('SERVICES_FIELD_NOT_AN_OPTION');
      }
      return { value: input };
    }
    case 'yes-no': {
      if (input === true || input === 'yes') return { value: true };
      if (input === false || input === 'no') return { value: false };
      return fail('SERVICES_FIELD_NOT_YES_NO');
    }
    case 'national-id': {
      if (typeof input !== 'string') return fail('SERVICES_FIELD_WRONG_TYPE');
      const value = input.replace(/\s+/g, '');
      const problem = context.checkNationalId(field.of, value);
      if (problem) return fail(problem.code, { label: problem.label });
      return { value };
    }
    case 'attachment': {
      const ids = (Array.isArray(input) ? input : [input]).filter(
        (id): id is string => typeof id === 'string' && id !== '',
      );
      if (ids.length !== (Array.isArray(input) ? input.length : 1) && ids.length > 0) {
        return fail('SERVICES_FIELD_WRONG_TYPE');
      }
      if (ids.length === 0) return none;
      const max = field.maxFiles ?? 1;
      if (ids.length > max) return fail('SERVICES_FIELD_TOO_MANY_FILES', { max });
      return { value: ids };
    }
  }
}
