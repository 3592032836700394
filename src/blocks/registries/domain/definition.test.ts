import { describe, expect, it } from 'vitest';
import { foldFieldName, isSealed, parseDefinition, type RegistryDefinition } from './definition.js';

const valid = {
  name: 'wills',
  version: '1.0',
  title: { kk: 'Өсиеттер', ru: 'Завещания', en: 'Wills' },
  legalBasis: 'Civil Code, Art. 1046',
  key: 'number',
  subject: 'testatorIin',
  fields: [
    { name: 'number', type: 'string', required: true },
    { name: 'testatorIin', type: 'national-id', required: true, personal: true },
    { name: 'status', type: 'enum', values: ['sealed', 'opened'], required: true },
  ],
  sealed: {
    legalBasis: 'Civil Code, Art. 1049: secrecy of a will',
    when: { field: 'status', equals: 'sealed' },
  },
};

const parse = (input: unknown) => parseDefinition(input);
const problemsOf = (input: unknown) => {
  const result = parse(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('parseDefinition', () => {
  it('accepts a definition and fills in defaults: key and subject are indexed', () => {
    const result = parse(valid);
    expect(result.ok).toBe(true);
    const definition = (result as { definition: RegistryDefinition }).definition;
    expect(definition.fields.map((field) => [field.name, field.indexed])).toEqual([
      ['number', true],
      ['testatorIin', true],
      ['status', false],
    ]);
    expect(definition.fields[0]!.maxLength).toBe(1000);
    expect(definition.permissions).toEqual({
      read: { roles: [], scopes: [] },
      write: { roles: [], scopes: [] },
    });
    expect(definition.oneOf).toEqual([]);
  });

  it('names every problem by its path, in one pass', () => {
    const problems = problemsOf({
      name: '1bad name',
      version: 'v1',
      title: { kk: 'x', ru: '' },
      fields: [
        { name: 'ok', type: 'string' },
        { name: 'bad-name', type: 'string' },
        { name: 'kind', type: 'colour' },
        { name: 'choice', type: 'enum' },
        { name: 'link', type: 'reference' },
        { name: 'OK', type: 'integer' },
        { name: 'code', type: 'string', pattern: '([' },
      ],
      key: 'missing',
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'extra', code: 'VALIDATION_UNKNOWN_FIELD' },
        { field: 'name', code: 'REGISTRY_NAME_INVALID' },
        { field: 'version', code: 'REGISTRY_VERSION_INVALID' },
        { field: 'title.ru', code: 'VALIDATION_REQUIRED' },
        { field: 'title.en', code: 'VALIDATION_REQUIRED' },
        { field: 'legalBasis', code: 'REGISTRY_LEGAL_BASIS_REQUIRED' },
        {
          field: 'fields.1.name',
          code: 'REGISTRY_FIELD_NAME_INVALID',
          params: { name: 'bad-name' },
        },
        { field: 'fields.2.type', code: 'REGISTRY_FIELD_TYPE_UNKNOWN', params: { type: 'colour' } },
        { field: 'fields.3.values', code: 'REGISTRY_ENUM_VALUES_MISSING' },
        { field: 'fields.4.references', code: 'REGISTRY_REFERENCE_TARGET_MISSING' },
        { field: 'fields.5.name', code: 'REGISTRY_FIELD_DUPLICATE', params: { name: 'OK' } },
        { field: 'fields.6.pattern', code: 'REGISTRY_PATTERN_INVALID' },
        { field: 'key', code: 'REGISTRY_FIELD_NOT_DEFINED', params: { name: 'missing' } },
      ]),
    );
  });

  it('refuses a non-object, no fields, and a field named id', () => {
    expect(problemsOf(null)).toEqual([
      { field: '(definition)', code: 'REGISTRY_DEFINITION_NOT_OBJECT' },
    ]);
    expect(problemsOf({ ...valid, fields: [] })).toContainEqual({
      field: 'fields',
      code: 'REGISTRY_FIELDS_REQUIRED',
    });
    expect(
      problemsOf({ ...valid, fields: [...valid.fields, { name: 'ID', type: 'string' }] }),
    ).toContainEqual({
      field: 'fields.3.name',
      code: 'REGISTRY_FIELD_DUPLICATE',
      params: { name: 'ID' },
    });
  });

  it('needs a subject of type national-id when fields hold personal data', () => {
    expect(problemsOf({ ...valid, subject: undefined })).toContainEqual({
      field: 'subject',
      code: 'REGISTRY_SUBJECT_REQUIRED',
    });
    expect(problemsOf({ ...valid, subject: 'number' })).toContainEqual({
      field: 'subject',
      code: 'REGISTRY_SUBJECT_NOT_NATIONAL_ID',
      params: { name: 'number' },
    });
  });

  it('needs the key to be required, and checks permissions and the seal rule', () => {
    const fields = valid.fields.map((field) =>
      field.name === 'number' ? { ...field, required: false } : field,
    );
    expect(problemsOf({ ...valid, fields })).toContainEqual({
      field: 'key',
      code: 'REGISTRY_KEY_NOT_REQUIRED',
      params: { name: 'number' },
    });
    expect(
      problemsOf({ ...valid, permissions: { read: { roles: ['Officer'], scopes: ['nocolon'] } } }),
    ).toEqual([
      { field: 'permissions.read.roles', code: 'REGISTRY_PERMISSIONS_INVALID' },
      { field: 'permissions.read.scopes', code: 'REGISTRY_PERMISSIONS_INVALID' },
    ]);
    expect(
      problemsOf({ ...valid, sealed: { when: { field: 'status', equals: 'sealed' } } }),
    ).toEqual([{ field: 'sealed.legalBasis', code: 'REGISTRY_LEGAL_BASIS_REQUIRED' }]);
    expect(
      problemsOf({ ...valid, sealed: { legalBasis: 'x', when: { field: 'nope', equals: 1 } } }),
    ).toEqual([
      { field: 'sealed.when.field', code: 'REGISTRY_FIELD_NOT_DEFINED', params: { name: 'nope' } },
    ]);
  });

  it('seals every record, or only those of the sealed class', () => {
    const definition = (parse(valid) as { definition: RegistryDefinition }).definition;
    expect(isSealed(definition, { status: 'sealed' })).toBe(true);
    expect(isSealed(definition, { status: 'opened' })).toBe(false);
    expect(isSealed({ ...definition, sealed: { legalBasis: 'x' } }, { status: 'opened' })).toBe(
      true,
    );
    expect(isSealed({ ...definition, sealed: undefined } as RegistryDefinition, {})).toBe(false);
  });

  it('folds field names the way both GovStack generations write them', () => {
    expect(
      ['FirstName', 'firstName', 'first_name', 'First name', 'Firstname'].map(foldFieldName),
    ).toEqual(Array(5).fill('firstname'));
  });
});
