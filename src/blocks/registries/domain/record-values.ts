import type { FieldProblem } from '../../../platform/errors.js';
import { foldFieldName, type FieldDefinition, type RegistryDefinition } from './definition.js';

/** A value as stored in a record's JSON: dates as `YYYY-MM-DD`, identifiers as digit strings. */
export type FieldValue = string | number | boolean;
export type RecordData = Record<string, FieldValue>;

/** The identifier formats of the deployment's country, handed in by the service. */
export interface IdentifierChecks {
  person: { label: string; check(value: string): { valid: true } | { valid: false; code: string } };
  organisation: {
    label: string;
    check(value: string): { valid: true } | { valid: false; code: string };
  };
}

/** The key under which a record's own id travels in GovStack content (`id`, or `ID` as tested). */
export const RECORD_ID_KEY = 'id';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Maps the keys a client sent onto the registry's field names, whichever spelling it used
 * (`FirstName`, `firstName`, `first_name`). The record id (`id`/`ID`) is returned apart.
 */
export function mapKeys(
  definition: RegistryDefinition,
  content: Record<string, unknown>,
): Checked<{ values: Record<string, unknown>; recordId?: unknown }> {
  const byFolded = new Map(definition.fields.map((field) => [foldFieldName(field.name), field]));
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  let recordId: unknown;
  for (const [key, value] of Object.entries(content)) {
    const folded = foldFieldName(key);
    if (folded === RECORD_ID_KEY) {
      recordId = value;
      continue;
    }
    const field = byFolded.get(folded);
    if (!field)
      problems.push({ field: key, code: 'REGISTRY_UNKNOWN_FIELD', params: { name: key } });
    else values[field.name] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: recordId === undefined ? { values } : { values, recordId } };
}

/**
 * Checks a whole record against its definition and returns it in stored form: every value of
 * the right type, required fields present, identifiers with valid check digits, `oneOf` groups
 * satisfied. `null` or an empty string leaves a field out. References are checked by the service.
 */
export function checkRecord(
  definition: RegistryDefinition,
  values: Record<string, unknown>,
  ids: IdentifierChecks,
): Checked<RecordData> {
  const problems: FieldProblem[] = [];
  const data: RecordData = {};
  for (const field of definition.fields) {
    const raw = values[field.name];
    if (raw === undefined || raw === null || raw === '') {
      if (field.required) problems.push({ field: field.name, code: 'VALIDATION_REQUIRED' });
      continue;
    }
    const checked = checkValue(field, raw, ids);
    if ('code' in checked) problems.push({ field: field.name, ...checked });
    else data[field.name] = checked.value;
  }
  for (const key of Object.keys(values)) {
    if (!definition.fields.some((field) => field.name === key))
      problems.push({ field: key, code: 'REGISTRY_UNKNOWN_FIELD', params: { name: key } });
  }
  for (const group of definition.oneOf) {
    if (group.every((name) => data[name] === undefined) && !problems.length)
      problems.push({
        field: group[0]!,
        code: 'REGISTRY_ONE_OF_REQUIRED',
        params: { fields: group.join(', ') },
      });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: data };
}

type ValueCheck =
  { value: FieldValue } | { code: string; params?: Record<string, string | number> };

function checkValue(field: FieldDefinition, raw: unknown, ids: IdentifierChecks): ValueCheck {
  const wrongType = { code: 'REGISTRY_VALUE_WRONG_TYPE', params: { type: field.type } };
  switch (field.type) {
    case 'string': {
      if (typeof raw !== 'string') return wrongType;
      const value = raw.trim();
      if (value.length > (field.maxLength ?? 1000))
        return { code: 'REGISTRY_VALUE_TOO_LONG', params: { max: field.maxLength ?? 1000 } };
      if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value))
        return { code: 'REGISTRY_VALUE_PATTERN_MISMATCH' };
      return { value };
    }
    case 'integer':
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? { value: raw } : wrongType;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { value: raw } : wrongType;
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : wrongType;
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw) ? { value: raw } : wrongType;
    case 'enum':
      if (typeof raw !== 'string') return wrongType;
      return field.values?.includes(raw)
        ? { value: raw }
        : {
            code: 'REGISTRY_VALUE_NOT_ALLOWED',
            params: { values: field.values?.join(', ') ?? '' },
          };
    case 'national-id':
    case 'business-id': {
      // Identifiers travel as strings: a number would lose leading zeros.
      if (typeof raw !== 'string') return wrongType;
      const format = field.type === 'national-id' ? ids.person : ids.organisation;
      const value = raw.trim();
      const result = format.check(value);
      return result.valid ? { value } : { code: result.code, params: { label: format.label } };
    }
    case 'reference':
      if (typeof raw === 'string' && raw.trim() !== '' && raw.length <= 1000)
        return { value: raw.trim() };
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? { value: raw } : wrongType;
  }
}

/** A real day of the Gregorian calendar written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The text a stored value has in the record's JSON (`data->>'field'`), which is what indexes
 * hold and what look-ups compare. Null for a value of the wrong type, which matches nothing.
 */
export function indexText(field: FieldDefinition, value: unknown): string | null {
  if (typeof value === 'string') {
    if (['integer', 'number'].includes(field.type)) {
      const number = Number(value);
      return value.trim() !== '' && Number.isFinite(number) ? String(number) : null;
    }
    if (field.type === 'boolean') return value === 'true' || value === 'false' ? value : null;
    return value.trim();
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** One condition of a look-up: a field equal to a value, compared as index text. */
export interface Condition {
  field: FieldDefinition;
  text: string;
}

/**
 * Turns GovStack query content into conditions. An empty query matches nothing on its own: a
 * caller must say what it looks for. Outcomes: conditions (and maybe a record id), or problems.
 */
export function queryConditions(
  definition: RegistryDefinition,
  content: Record<string, unknown>,
): Checked<{ conditions: Condition[]; recordId?: string }> {
  const mapped = mapKeys(definition, content);
  if (!mapped.ok) return mapped;
  const conditions: Condition[] = [];
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(mapped.value.values)) {
    const field = definition.fields.find((candidate) => candidate.name === name)!;
    const text = indexText(field, value);
    if (text === null)
      problems.push({
        field: name,
        code: 'REGISTRY_VALUE_WRONG_TYPE',
        params: { type: field.type },
      });
    else conditions.push({ field, text });
  }
  const recordId = mapped.value.recordId;
  if (recordId !== undefined && typeof recordId !== 'string')
    problems.push({ field: RECORD_ID_KEY, code: 'VALIDATION_INVALID_VALUE' });
  if (problems.length > 0) return { ok: false, problems };
  if (conditions.length === 0 && recordId === undefined)
    return { ok: false, problems: [{ field: 'query.content', code: 'REGISTRY_QUERY_EMPTY' }] };
  return {
    ok: true,
    value: recordId === undefined ? { conditions } : { conditions, recordId: recordId as string },
  };
}

/** The personal-data fields present in a record: what an access record says was read. */
export const personalFieldsIn = (definition: RegistryDefinition, data: RecordData): string[] =>
  definition.fields
    .filter((field) => field.personal && data[field.name] !== undefined)
    .map((field) => field.name);

/**
 * Converts one CSV cell to the value its field expects; an empty cell is no value. A cell that
 * cannot be read as its type is passed on as text, so checkRecord reports the type problem.
 */
export function fromCsvCell(field: FieldDefinition, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return null;
  if (field.type === 'integer' || field.type === 'number') {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) ? number : text;
  }
  if (field.type === 'boolean') {
    if (/^(true|1|yes)$/i.test(text)) return true;
    if (/^(false|0|no)$/i.test(text)) return false;
  }
  return text;
}
