import type { FieldDefinition, RegistryDefinition } from './definition.js';

/**
 * The GovStack Database API describes a registry as a JSON-Schema-like `DatabaseSchema`. These
 * functions translate between it and the platform's definition. What GovStack cannot say
 * (personal data, the subject, identifier types, legal basis, permissions) travels in `x-`
 * extension keywords, which GovStack clients ignore.
 */
export interface DatabaseSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required: string[];
}

const JSON_TYPES: Record<FieldDefinition['type'], string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'string',
  'national-id': 'string',
  'business-id': 'string',
  enum: 'string',
  reference: 'string',
};

/** A definition as a GovStack DatabaseSchema; the record id is the read-only primary key `ID`. */
export function toDatabaseSchema(definition: RegistryDefinition): DatabaseSchema {
  const properties: DatabaseSchema['properties'] = {
    ID: { type: 'string', primaryKey: true, readOnly: true, description: 'Record id (UUID)' },
  };
  definition.fields.forEach((field, index) => {
    properties[field.name] = {
      type: JSON_TYPES[field.type],
      id: index + 1,
      ...(field.description ? { description: field.description } : {}),
      ...(field.type === 'date' ? { format: 'date' } : {}),
      ...(field.values ? { enum: field.values } : {}),
      ...(field.pattern ? { pattern: field.pattern } : {}),
      ...(field.maxLength ? { maxLength: field.maxLength } : {}),
      'x-ortaq-type': field.type,
      ...(field.personal ? { 'x-personal-data': true } : {}),
      ...(field.indexed ? { 'x-indexed': true } : {}),
      ...(field.name === definition.key ? { 'x-key': true } : {}),
      ...(field.name === definition.subject ? { 'x-subject': true } : {}),
      ...(field.references ? { 'x-references': field.references } : {}),
    };
  });
  return {
    type: 'object',
    properties,
    required: definition.fields.filter((field) => field.required).map((field) => field.name),
  };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A Database API modify body (either API generation's spelling) as a definition input for
 * parseDefinition, which then checks it. A body carrying `definition` (the platform's own form)
 * is taken as it is. Properties that are objects of their own (nested schemas) are passed on
 * with type `object`, which parseDefinition reports as unsupported.
 */
export function fromModifyBody(body: Json): unknown {
  if (isObject(body.definition)) return body.definition;
  const schema = isObject(body.schema) ? body.schema : {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const fields: Json[] = [];
  let key: string | undefined;
  let subject: string | undefined;
  for (const [name, raw] of Object.entries(properties)) {
    if (name === 'ID' || name === 'id') continue; // the record id
    const property = isObject(raw) ? raw : {};
    const explicit =
      typeof property['x-ortaq-type'] === 'string' ? property['x-ortaq-type'] : undefined;
    const type =
      explicit ??
      (Array.isArray(property.enum)
        ? 'enum'
        : property.format === 'date'
          ? 'date'
          : typeof property.type === 'string'
            ? property.type
            : 'object');
    const field: Json = { name, type, required: required.includes(name) };
    if (typeof property.description === 'string') field.description = property.description;
    if (type === 'enum') field.values = property.enum;
    if (typeof property.pattern === 'string') field.pattern = property.pattern;
    if (typeof property.maxLength === 'number') field.maxLength = property.maxLength;
    if (property['x-personal-data'] === true) field.personal = true;
    if (property['x-indexed'] === true) field.indexed = true;
    if (isObject(property['x-references'])) field.references = property['x-references'];
    if (property['x-key'] === true || property.primaryKey === true) key = name;
    if (property['x-subject'] === true) subject = name;
    fields.push(field);
  }
  const text = (...keys: string[]) =>
    keys.map((name) => body[name]).find((value) => typeof value === 'string') as string | undefined;
  const name = text('code', 'name');
  const title = isObject(body.title)
    ? body.title
    : name
      ? { kk: name, ru: name, en: name }
      : undefined;
  return {
    name,
    version: text('version') ?? '1.0',
    title,
    description: text('description') ?? '',
    institution: text('institution') ?? '',
    legalBasis: text('legalBasis', 'legal_basis'),
    group: text('groupName', 'group_name') ?? '',
    catalog: text('catalogName', 'catalog_name') ?? '',
    fields,
    ...(key ? { key } : {}),
    ...(subject ? { subject } : {}),
    ...(isObject(body.permissions)
      ? { permissions: body.permissions }
      : {
          permissions: {
            read: { scopes: ['registries:read'] },
            write: { scopes: ['registries:write'] },
          },
        }),
  };
}
