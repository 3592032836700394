import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCountryProfile } from '../../../countries/index.js';
import { parseDefinition, type RegistryDefinition } from './definition.js';
import {
  checkRecord,
  fromCsvCell,
  indexText,
  isCalendarDate,
  mapKeys,
  personalFieldsIn,
  queryConditions,
} from './record-values.js';

const kz = getCountryProfile('kz');
const ids = { person: kz.personId, organisation: kz.organisationId };

const result = parseDefinition({
  name: 'owners',
  title: { kk: 'a', ru: 'b', en: 'c' },
  legalBasis: 'law',
  key: 'rightNumber',
  subject: 'ownerIin',
  oneOf: [['ownerIin', 'ownerBin']],
  fields: [
    { name: 'rightNumber', type: 'string', required: true, maxLength: 10, pattern: 'R-[0-9]+' },
    { name: 'ownerIin', type: 'national-id', personal: true },
    { name: 'ownerBin', type: 'business-id' },
    { name: 'share', type: 'integer', required: true },
    { name: 'area', type: 'number' },
    { name: 'active', type: 'boolean' },
    { name: 'since', type: 'date' },
    { name: 'kind', type: 'enum', values: ['flat', 'house'] },
  ],
});
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const definition: RegistryDefinition = result.definition;

describe('checkRecord', () => {
  it('accepts a record and drops empty values', () => {
    const checked = checkRecord(
      definition,
      {
        rightNumber: ' R-1 ',
        ownerIin: '850725400024',
        share: 1,
        area: 54.5,
        active: true,
        since: '2024-02-29',
        kind: 'flat',
        ownerBin: null,
      },
      ids,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        rightNumber: 'R-1',
        ownerIin: '850725400024',
        share: 1,
        area: 54.5,
        active: true,
        since: '2024-02-29',
        kind: 'flat',
      },
    });
  });

  it('names each bad value with a stable code', () => {
    const checked = checkRecord(
      definition,
      {
        rightNumber: 'X-1',
        ownerIin: '850725400025',
        ownerBin: 150440012344,
        share: 1.5,
        area: 'big',
        active: 'yes',
        since: '2023-02-29',
        kind: 'castle',
        colour: 'red',
      },
      ids,
    );
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems).toEqual([
      { field: 'rightNumber', code: 'REGISTRY_VALUE_PATTERN_MISMATCH' },
      { field: 'ownerIin', code: 'IDENTITY_ID_BAD_CHECK_DIGIT', params: { label: 'IIN' } },
      { field: 'ownerBin', code: 'REGISTRY_VALUE_WRONG_TYPE', params: { type: 'business-id' } },
      { field: 'share', code: 'REGISTRY_VALUE_WRONG_TYPE', params: { type: 'integer' } },
      { field: 'area', code: 'REGISTRY_VALUE_WRONG_TYPE', params: { type: 'number' } },
      { field: 'active', code: 'REGISTRY_VALUE_WRONG_TYPE', params: { type: 'boolean' } },
      { field: 'since', code: 'REGISTRY_VALUE_WRONG_TYPE', params: { type: 'date' } },
      { field: 'kind', code: 'REGISTRY_VALUE_NOT_ALLOWED', params: { values: 'flat, house' } },
      { field: 'colour', code: 'REGISTRY_UNKNOWN_FIELD', params: { name: 'colour' } },
    ]);
  });

  it('needs required fields, a length within bounds, and one of a oneOf group', () => {
    const missing = checkRecord(definition, { rightNumber: 'R-12345678901' }, ids);
    expect(!missing.ok && missing.problems).toEqual([
      { field: 'rightNumber', code: 'REGISTRY_VALUE_TOO_LONG', params: { max: 10 } },
      { field: 'share', code: 'VALIDATION_REQUIRED' },
    ]);
    const neither = checkRecord(definition, { rightNumber: 'R-1', share: 1 }, ids);
    expect(!neither.ok && neither.problems).toEqual([
      {
        field: 'ownerIin',
        code: 'REGISTRY_ONE_OF_REQUIRED',
        params: { fields: 'ownerIin, ownerBin' },
      },
    ]);
  });

  it('lists the personal fields a record holds', () => {
    expect(personalFieldsIn(definition, { rightNumber: 'R-1', ownerIin: '850725400024' })).toEqual([
      'ownerIin',
    ]);
    expect(personalFieldsIn(definition, { rightNumber: 'R-1', ownerBin: '150440012344' })).toEqual(
      [],
    );
  });
});

describe('keys and queries', () => {
  it('maps any spelling of a field name, and keeps the record id apart', () => {
    expect(mapKeys(definition, { ID: 'x', Owner_Iin: '1', RIGHTNUMBER: 'R-1' })).toEqual({
      ok: true,
      value: { values: { ownerIin: '1', rightNumber: 'R-1' }, recordId: 'x' },
    });
    expect(mapKeys(definition, { nope: 1 })).toEqual({
      ok: false,
      problems: [{ field: 'nope', code: 'REGISTRY_UNKNOWN_FIELD', params: { name: 'nope' } }],
    });
  });

  it('turns a query into index texts, and refuses an empty one', () => {
    const parsed = queryConditions(definition, { share: '1', active: true, kind: 'flat' });
    expect(parsed.ok && parsed.value.conditions.map((c) => [c.field.name, c.text])).toEqual([
      ['share', '1'],
      ['active', 'true'],
      ['kind', 'flat'],
    ]);
    expect(queryConditions(definition, {})).toEqual({
      ok: false,
      problems: [{ field: 'query.content', code: 'REGISTRY_QUERY_EMPTY' }],
    });
    expect(queryConditions(definition, { share: 'many' }).ok).toBe(false);
  });

  it('writes numbers in index text as JSON does, whatever their spelling', () => {
    const area = definition.fields.find((field) => field.name === 'area')!;
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(indexText(area, value)).toBe(JSON.parse(JSON.stringify(value)).toString());
        expect(indexText(area, String(value))).toBe(String(value));
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it('agrees with the calendar for every day of years 1-9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
          const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
          const real = month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1]!;
          expect(isCalendarDate(text)).toBe(real);
        },
      ),
    );
  });

  it('refuses other shapes', () => {
    expect(['2024-1-01', '20240101', '2024-01-01T00:00', ''].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('fromCsvCell', () => {
  it('reads numbers (with a decimal comma) and booleans, and leaves the rest as text', () => {
    const field = (name: string) => definition.fields.find((candidate) => candidate.name === name)!;
    expect(fromCsvCell(field('area'), '54,5')).toBe(54.5);
    expect(fromCsvCell(field('share'), 'one')).toBe('one');
    expect(fromCsvCell(field('active'), 'Yes')).toBe(true);
    expect(fromCsvCell(field('active'), '0')).toBe(false);
    expect(fromCsvCell(field('ownerIin'), ' 850725400024 ')).toBe('850725400024');
    expect(fromCsvCell(field('since'), '  ')).toBeNull();
  });
});
