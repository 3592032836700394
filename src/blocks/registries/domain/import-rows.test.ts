import { describe, expect, it } from 'vitest';
import { parseDefinition, type RegistryDefinition } from './definition.js';
import { elementLines, parseImport } from './import-rows.js';

const parsed = parseDefinition({
  name: 'flats',
  title: { kk: 'a', ru: 'b', en: 'c' },
  legalBasis: 'law',
  fields: [
    { name: 'cadastralNumber', type: 'string', required: true },
    { name: 'rooms', type: 'integer' },
  ],
});
const definition = (parsed as { definition: RegistryDefinition }).definition;

describe('parseImport', () => {
  it('reads CSV with any spelling of the header and the line of each row', () => {
    const result = parseImport(
      definition,
      'csv',
      '\uFEFFCadastral_Number,Rooms\n20:1,3\n\n"20:2\nb",x\n20:3\n',
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 1, line: 2, values: { cadastralNumber: '20:1', rooms: 3 }, problems: [] },
        { row: 2, line: 5, values: { cadastralNumber: '20:2\nb', rooms: 'x' }, problems: [] },
        {
          row: 3,
          line: 6,
          values: {},
          problems: [
            {
              field: '(row)',
              code: 'REGISTRY_IMPORT_COLUMN_COUNT',
              params: { expected: 2, found: 1 },
            },
          ],
        },
      ],
    });
  });

  it('refuses a CSV header naming an unknown column, and unreadable files', () => {
    expect(parseImport(definition, 'csv', 'cadastralNumber,colour\n1,2\n')).toEqual({
      ok: false,
      code: 'REGISTRY_IMPORT_UNKNOWN_COLUMN',
      line: 1,
    });
    expect(parseImport(definition, 'csv', 'a,"b\n')).toMatchObject({
      ok: false,
      code: 'REGISTRY_IMPORT_UNREADABLE',
    });
    expect(parseImport(definition, 'json', '{"rows": []}')).toEqual({
      ok: false,
      code: 'REGISTRY_IMPORT_UNREADABLE',
    });
    expect(parseImport(definition, 'json', '[{]')).toEqual({
      ok: false,
      code: 'REGISTRY_IMPORT_UNREADABLE',
    });
  });

  it('reads JSON arrays or {records}, with the line each element starts on', () => {
    const text =
      '{\n  "records": [\n    { "rooms": 1 },\n    "x",\n\n    { "note": "a, [b]" }\n  ]\n}';
    expect(parseImport(definition, 'json', text)).toEqual({
      ok: true,
      rows: [
        { row: 1, line: 3, values: { rooms: 1 }, problems: [] },
        {
          row: 2,
          line: 4,
          values: {},
          problems: [{ field: '(row)', code: 'REGISTRY_IMPORT_ROW_NOT_OBJECT' }],
        },
        { row: 3, line: 6, values: { note: 'a, [b]' }, problems: [] },
      ],
    });
    expect(elementLines('[{"a":"]"},\n{"b":"\\""}]')).toEqual([1, 2]);
  });
});
