import type { FieldProblem } from '../../../platform/errors.js';

/**
 * A registry's schema, as a definition file or the Database API gives it. It is data, not code:
 * a new registry needs no program change. `parseDefinition` checks one and names every problem
 * with its path (e.g. `fields.2.type`), so an operator can fix a file in one pass.
 */
export const FIELD_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'national-id',
  'business-id',
  'enum',
  'reference',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** Shown in the Database API schema and to operators; not translated (it is registry data). */
  description?: string;
  required: boolean;
  /** Personal data: reading it writes an access record for the person the record is about. */
  personal: boolean;
  /** Looked up by value: an expression index is built for it when the registry is defined. */
  indexed: boolean;
  /** `string`: the longest value accepted (default 1000). */
  maxLength?: number;
  /** `string`: a regular expression the whole value must match (e.g. a cadastral number). */
  pattern?: string;
  /** `enum`: the values accepted. */
  values?: string[];
  /** `reference`: the registry and field whose value this one names (e.g. flats.cadastralNumber). */
  references?: { registry: string; field: string };
}

/** Who may read or write: people holding one of the roles, or API clients holding a scope. */
export interface Permission {
  roles: string[];
  scopes: string[];
}

/** Which records' access records are sealed, and under which legal basis. */
export interface SealRule {
  legalBasis: string;
  /** Only records whose field equals the value (a record class); absent: every record. */
  when?: { field: string; equals: string | number | boolean };
}

/** Identity fields of a registry that is the source of people (the population register). */
export interface PersonDetails {
  familyName: string;
  givenName: string;
  patronymic?: string;
  birthDate?: string;
}

export interface RegistryDefinition {
  name: string;
  version: string;
  title: { kk: string; ru: string; en: string };
  description: string;
  /** The body that keeps the registry (shown as `institution` in the Database API). */
  institution: string;
  /** The law that allows the registry to hold and share its data. */
  legalBasis: string;
  fields: FieldDefinition[];
  /** The field that identifies a record: unique among live records, and indexed. */
  key?: string;
  /** The national-id field naming the person the record is about. */
  subject?: string;
  /** When given, a record about a person not yet known registers them (population register). */
  personDetails?: PersonDetails;
  /** Groups of fields of which at least one must have a value (e.g. owner IIN or owner BIN). */
  oneOf: string[][];
  permissions: { read: Permission; write: Permission };
  sealed?: SealRule;
  /** GovStack Database API grouping. */
  group: string;
  catalog: string;
}

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
export const VERSION_PATTERN = /^[0-9]{1,4}(\.[0-9]{1,4}){0,2}$/;
/** Letters, digits, underscore: field names go into index expressions, so nothing else. */
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const ROLE_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const SCOPE_PATTERN = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;
const DEFAULT_MAX_LENGTH = 1000;

export type DefinitionResult =
  { ok: true; definition: RegistryDefinition } | { ok: false; problems: FieldProblem[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 1000): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max;

/**
 * Checks a definition read from JSON and returns it with defaults filled in, or every problem
 * found. Pure: references to other registries are checked by the service, which knows them.
 */
export function parseDefinition(input: unknown): DefinitionResult {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string, params?: Record<string, string | number>) =>
    problems.push(params ? { field, code, params } : { field, code });
  if (!isObject(input)) {
    problem('(definition)', 'REGISTRY_DEFINITION_NOT_OBJECT');
    return { ok: false, problems };
  }
  const known = new Set([
    'name',
    'version',
    'title',
    'description',
    'institution',
    'legalBasis',
    'fields',
    'key',
    'subject',
    'personDetails',
    'oneOf',
    'permissions',
    'sealed',
    'group',
    'catalog',
  ]);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problem(key, 'VALIDATION_UNKNOWN_FIELD');
  }

  const name = input.name;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name))
    problem('name', 'REGISTRY_NAME_INVALID');
  const version = input.version ?? '1.0';
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version))
    problem('version', 'REGISTRY_VERSION_INVALID');

  const title = { kk: '', ru: '', en: '' };
  if (!isObject(input.title)) problem('title', 'VALIDATION_REQUIRED');
  else
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const text = input.title[locale];
      if (!isText(text, 200)) problem(`title.${locale}`, 'VALIDATION_REQUIRED');
      else title[locale] = text.trim();
    }
  const optionalText = (field: string, max: number): string => {
    const value = input[field];
    if (value === undefined) return '';
    if (typeof value !== 'string' || value.length > max) {
      problem(field, 'VALIDATION_INVALID_VALUE');
      return '';
    }
    return value.trim();
  };
  const description = optionalText('description', 2000);
  const institution = optionalText('institution', 500);
  const group = optionalText('group', 200);
  const catalog = optionalText('catalog', 200);
  if (!isText(input.legalBasis)) problem('legalBasis', 'REGISTRY_LEGAL_BASIS_REQUIRED');

  const fields: FieldDefinition[] = [];
  if (!Array.isArray(input.fields) || input.fields.length === 0) {
    problem('fields', 'REGISTRY_FIELDS_REQUIRED');
  } else {
    const seen = new Set<string>();
    input.fields.forEach((raw, index) => {
      const field = parseField(raw, `fields.${index}`, problem);
      if (!field) return;
      // Case-insensitively unique: GovStack clients write `FirstName` for `firstName`.
      const folded = foldFieldName(field.name);
      if (seen.has(folded) || folded === 'id') {
        problem(`fields.${index}.name`, 'REGISTRY_FIELD_DUPLICATE', { name: field.name });
        return;
      }
      seen.add(folded);
      fields.push(field);
    });
  }
  const byName = new Map(fields.map((field) => [field.name, field]));
  const fieldRef = (path: string, value: unknown): FieldDefinition | undefined => {
    if (value === undefined) return undefined;
    const field = typeof value === 'string' ? byName.get(value) : undefined;
    if (!field) problem(path, 'REGISTRY_FIELD_NOT_DEFINED', { name: String(value) });
    return field;
  };

  const keyField = fieldRef('key', input.key);
  if (keyField) {
    keyField.indexed = true;
    if (!keyField.required) problem('key', 'REGISTRY_KEY_NOT_REQUIRED', { name: keyField.name });
  }
  const subjectField = fieldRef('subject', input.subject);
  if (subjectField) {
    subjectField.indexed = true;
    if (subjectField.type !== 'national-id')
      problem('subject', 'REGISTRY_SUBJECT_NOT_NATIONAL_ID', { name: subjectField.name });
  }
  if (fields.some((field) => field.personal) && !subjectField && !problemsAt(problems, 'subject'))
    problem('subject', 'REGISTRY_SUBJECT_REQUIRED');

  let personDetails: PersonDetails | undefined;
  if (input.personDetails !== undefined) {
    if (!isObject(input.personDetails) || !subjectField) {
      problem('personDetails', 'VALIDATION_INVALID_VALUE');
    } else {
      const details = input.personDetails;
      const family = fieldRef('personDetails.familyName', details.familyName);
      const given = fieldRef('personDetails.givenName', details.givenName);
      const patronymic = fieldRef('personDetails.patronymic', details.patronymic);
      const birthDate = fieldRef('personDetails.birthDate', details.birthDate);
      if (details.familyName === undefined)
        problem('personDetails.familyName', 'VALIDATION_REQUIRED');
      if (details.givenName === undefined)
        problem('personDetails.givenName', 'VALIDATION_REQUIRED');
      if (birthDate && birthDate.type !== 'date')
        problem('personDetails.birthDate', 'REGISTRY_FIELD_WRONG_TYPE', { type: 'date' });
      if (family && given) {
        personDetails = { familyName: family.name, givenName: given.name };
        if (patronymic) personDetails.patronymic = patronymic.name;
        if (birthDate) personDetails.birthDate = birthDate.name;
      }
    }
  }

  const oneOf: string[][] = [];
  if (input.oneOf !== undefined) {
    if (!Array.isArray(input.oneOf)) problem('oneOf', 'VALIDATION_INVALID_VALUE');
    else
      input.oneOf.forEach((group, index) => {
        if (!Array.isArray(group) || group.length < 2) {
          problem(`oneOf.${index}`, 'VALIDATION_INVALID_VALUE');
          return;
        }
        const names = group.map((name, at) => fieldRef(`oneOf.${index}.${at}`, name)?.name);
        if (names.every((name): name is string => name !== undefined)) oneOf.push(names);
      });
  }

  const permissions = {
    read: parsePermission(input.permissions, 'read', problem),
    write: parsePermission(input.permissions, 'write', problem),
  };

  let sealed: SealRule | undefined;
  if (input.sealed !== undefined) {
    const raw = input.sealed;
    if (!isObject(raw) || !isText(raw.legalBasis)) {
      problem('sealed.legalBasis', 'REGISTRY_LEGAL_BASIS_REQUIRED');
    } else {
      sealed = { legalBasis: raw.legalBasis.trim() };
      if (raw.when !== undefined) {
        const when = raw.when;
        const equals = isObject(when) ? when.equals : undefined;
        const field = isObject(when) ? fieldRef('sealed.when.field', when.field) : undefined;
        if (
          !['string', 'number', 'boolean'].includes(typeof equals) ||
          (isObject(when) && when.field === undefined)
        )
          problem('sealed.when', 'VALIDATION_INVALID_VALUE');
        else if (field) sealed.when = { field: field.name, equals: equals as string };
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    definition: {
      name: name as string,
      version: version as string,
      title,
      description,
      institution,
      legalBasis: (input.legalBasis as string).trim(),
      fields,
      ...(keyField ? { key: keyField.name } : {}),
      ...(subjectField ? { subject: subjectField.name } : {}),
      ...(personDetails ? { personDetails } : {}),
      oneOf,
      permissions,
      ...(sealed ? { sealed } : {}),
      group,
      catalog,
    },
  };
}

const problemsAt = (problems: FieldProblem[], path: string) =>
  problems.some((problem) => problem.field === path);

function parseField(
  raw: unknown,
  path: string,
  problem: (field: string, code: string, params?: Record<string, string | number>) => void,
): FieldDefinition | undefined {
  if (!isObject(raw)) {
    problem(path, 'VALIDATION_INVALID_VALUE');
    return undefined;
  }
  const known = new Set([
    'name',
    'type',
    'description',
    'required',
    'personal',
    'indexed',
    'maxLength',
    'pattern',
    'values',
    'references',
  ]);
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      problem(`${path}.${key}`, 'VALIDATION_UNKNOWN_FIELD');
      ok = false;
    }
  }
  if (typeof raw.name !== 'string' || !FIELD_NAME_PATTERN.test(raw.name)) {
    problem(`${path}.name`, 'REGISTRY_FIELD_NAME_INVALID', { name: String(raw.name ?? '') });
    ok = false;
  }
  const type = raw.type as FieldType;
  if (!FIELD_TYPES.includes(type)) {
    problem(`${path}.type`, 'REGISTRY_FIELD_TYPE_UNKNOWN', { type: String(raw.type ?? '') });
    ok = false;
  }
  const flag = (key: string): boolean => {
    const value = raw[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') {
      problem(`${path}.${key}`, 'VALIDATION_INVALID_VALUE');
      ok = false;
    }
    return value === true;
  };
  const field: FieldDefinition = {
    name: raw.name as string,
    type,
    required: flag('required'),
    personal: flag('personal'),
    indexed: flag('indexed'),
  };
  if (raw.description !== undefined) {
    if (typeof raw.description !== 'string' || raw.description.length > 1000) {
      problem(`${path}.description`, 'VALIDATION_INVALID_VALUE');
      ok = false;
    } else field.description = raw.description;
  }
  if (raw.maxLength !== undefined) {
    const max = raw.maxLength;
    if (
      type !== 'string' ||
      !Number.isInteger(max) ||
      (max as number) < 1 ||
      (max as number) > 100_000
    ) {
      problem(`${path}.maxLength`, 'VALIDATION_INVALID_VALUE');
      ok = false;
    } else field.maxLength = max as number;
  } else if (type === 'string') field.maxLength = DEFAULT_MAX_LENGTH;
  if (raw.pattern !== undefined) {
    if (type !== 'string' || typeof raw.pattern !== 'string' || !isRegExp(raw.pattern)) {
      problem(`${path}.pattern`, 'REGISTRY_PATTERN_INVALID');
      ok = false;
    } else field.pattern = raw.pattern;
  }
  if (type === 'enum') {
    const values = raw.values;
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      values.some((value) => !isText(value, 200)) ||
      new Set(values).size !== values.length
    ) {
      problem(`${path}.values`, 'REGISTRY_ENUM_VALUES_MISSING');
      ok = false;
    } else field.values = values as string[];
  } else if (raw.values !== undefined) {
    problem(`${path}.values`, 'VALIDATION_UNKNOWN_FIELD');
    ok = false;
  }
  if (type === 'reference') {
    const target = raw.references;
    if (
      !isObject(target) ||
      typeof target.registry !== 'string' ||
      !NAME_PATTERN.test(target.registry) ||
      typeof target.field !== 'string' ||
      !FIELD_NAME_PATTERN.test(target.field)
    ) {
      problem(`${path}.references`, 'REGISTRY_REFERENCE_TARGET_MISSING');
      ok = false;
    } else field.references = { registry: target.registry, field: target.field };
  } else if (raw.references !== undefined) {
    problem(`${path}.references`, 'VALIDATION_UNKNOWN_FIELD');
    ok = false;
  }
  return ok ? field : undefined;
}

function parsePermission(
  raw: unknown,
  kind: 'read' | 'write',
  problem: (field: string, code: string) => void,
): Permission {
  const permission: Permission = { roles: [], scopes: [] };
  if (raw === undefined) return permission;
  const entry = isObject(raw) ? raw[kind] : undefined;
  if (entry === undefined) return permission;
  if (!isObject(entry)) {
    problem(`permissions.${kind}`, 'REGISTRY_PERMISSIONS_INVALID');
    return permission;
  }
  for (const [list, pattern] of [
    ['roles', ROLE_PATTERN],
    ['scopes', SCOPE_PATTERN],
  ] as const) {
    const values = entry[list];
    if (values === undefined) continue;
    if (
      !Array.isArray(values) ||
      values.some((value) => typeof value !== 'string' || !pattern.test(value))
    )
      problem(`permissions.${kind}.${list}`, 'REGISTRY_PERMISSIONS_INVALID');
    else permission[list] = values as string[];
  }
  return permission;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return source.length <= 500;
  } catch {
    return false;
  }
}

/**
 * Field names compared the way GovStack clients of both API generations write them: `FirstName`,
 * `firstName`, `first_name` and `First name` are one field.
 */
export const foldFieldName = (name: string): string => name.replace(/[\s_-]/g, '').toLowerCase();

/** The fields whose values are looked up through an expression index. */
export const indexedFields = (definition: RegistryDefinition): FieldDefinition[] =>
  definition.fields.filter((field) => field.indexed);

/** True when the rule seals the access records of reads of this record. */
export function isSealed(definition: RegistryDefinition, data: Record<string, unknown>): boolean {
  const rule = definition.sealed;
  if (!rule) return false;
  return !rule.when || data[rule.when.field] === rule.when.equals;
}
