import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { kazakhstan } from '../../../countries/kz/index.js';
import { parkingPermit } from '../test/parking-permit.js';
import type { ServiceDefinition } from './definition.js';
import { formSchema } from './form-schema.js';
import { validateForm, type FormContext } from './form-values.js';

const definition = parkingPermit as ServiceDefinition;
const context: FormContext = {
  today: '2026-03-10',
  checkNationalId: (of, value) => {
    const format = of === 'person' ? kazakhstan.personId : kazakhstan.organisationId;
    const result = format.check(value);
    return result.valid ? undefined : { code: result.code, label: format.label };
  },
};
const valid = {
  address: 'Abai avenue 10, Almaty',
  plate: '123ABC02',
  zone: 'centre',
  months: '6',
  startDate: '2026-04-01',
  ownsVehicle: 'yes',
  note: '',
};

describe('validateForm', () => {
  it('keeps checked values, typed, and drops empty optional ones', () => {
    expect(validateForm(definition.fields, valid, context)).toEqual({
      values: {
        address: 'Abai avenue 10, Almaty',
        plate: '123ABC02',
        zone: 'centre',
        months: 6,
        startDate: '2026-04-01',
        ownsVehicle: true,
      },
      problems: [],
    });
  });

  it('gives every invalid field its own problem, in form order', () => {
    const { problems } = validateForm(
      definition.fields,
      {
        address: 'x',
        plate: 'abc',
        zone: 'west',
        months: '13',
        startDate: '2026-03-09',
        ownsVehicle: 'maybe',
        extra: '1',
      },
      context,
    );
    expect(problems).toEqual([
      { field: 'extra', code: 'SERVICES_FIELD_UNKNOWN' },
      { field: 'address', code: 'SERVICES_FIELD_TOO_SHORT', params: { min: 5 } },
      { field: 'plate', code: 'SERVICES_FIELD_PATTERN' },
      { field: 'zone', code: 'SERVICES_FIELD_NOT_AN_OPTION' },
      { field: 'months', code: 'SERVICES_FIELD_TOO_LARGE', params: { max: 12 } },
      { field: 'startDate', code: 'SERVICES_FIELD_DATE_IN_PAST' },
      { field: 'ownsVehicle', code: 'SERVICES_FIELD_NOT_YES_NO' },
    ]);
  });

  it('requires every visible required field', () => {
    const { problems } = validateForm(definition.fields, { address: '   ' }, context);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['address', 'SERVICES_FIELD_REQUIRED'],
      ['plate', 'SERVICES_FIELD_REQUIRED'],
      ['zone', 'SERVICES_FIELD_REQUIRED'],
      ['months', 'SERVICES_FIELD_REQUIRED'],
      ['startDate', 'SERVICES_FIELD_REQUIRED'],
      ['ownsVehicle', 'SERVICES_FIELD_REQUIRED'],
    ]);
  });

  it('checks a conditional field only when its condition holds, and drops it otherwise', () => {
    const notMine = validateForm(definition.fields, { ...valid, ownsVehicle: 'no' }, context);
    expect(notMine.problems).toEqual([{ field: 'ownerId', code: 'SERVICES_FIELD_REQUIRED' }]);
    const typo = validateForm(
      definition.fields,
      { ...valid, ownsVehicle: 'no', ownerId: '850725400025' },
      context,
    );
    expect(typo.problems).toEqual([
      { field: 'ownerId', code: 'IDENTITY_ID_BAD_CHECK_DIGIT', params: { label: 'IIN' } },
    ]);
    const given = validateForm(
      definition.fields,
      { ...valid, ownsVehicle: false, ownerId: '850725400024' },
      context,
    );
    expect(given.values.ownerId).toBe('850725400024');
    const hidden = validateForm(definition.fields, { ...valid, ownerId: 'garbage' }, context);
    expect(hidden.problems).toEqual([]);
    expect(hidden.values).not.toHaveProperty('ownerId');
  });

  it('takes typed JSON values and refuses the wrong types', () => {
    const ok = validateForm(
      definition.fields,
      { ...valid, months: 3, ownsVehicle: true, proof: ['f1'] },
      context,
    );
    expect(ok.problems).toEqual([]);
    expect(ok.values).toMatchObject({ months: 3, ownsVehicle: true, proof: ['f1'] });
    const bad = validateForm(
      definition.fields,
      { ...valid, address: 12, months: 2.5, proof: ['a', 'b'] },
      context,
    );
    expect(bad.problems).toEqual([
      { field: 'address', code: 'SERVICES_FIELD_WRONG_TYPE' },
      { field: 'months', code: 'SERVICES_FIELD_NOT_WHOLE' },
      { field: 'proof', code: 'SERVICES_FIELD_TOO_MANY_FILES', params: { max: 1 } },
    ]);
    expect(validateForm(definition.fields, { ...valid, months: 'six' }, context).problems).toEqual([
      { field: 'months', code: 'SERVICES_FIELD_NOT_A_NUMBER' },
    ]);
    expect(
      validateForm(definition.fields, { ...valid, startDate: '2026-02-30' }, context).problems,
    ).toEqual([{ field: 'startDate', code: 'SERVICES_FIELD_NOT_A_DATE' }]);
  });
});

describe('formSchema (the OpenAPI schema built from the fields)', () => {
  const schema = formSchema(definition);
  it('requires the unconditional required fields and types each one', () => {
    expect(schema.required).toEqual([
      'address',
      'plate',
      'zone',
      'months',
      'startDate',
      'ownsVehicle',
    ]);
    expect(schema.properties.months).toMatchObject({ type: 'integer', minimum: 1, maximum: 12 });
    expect(schema.properties.ownerId?.description).toContain('Only when ownsVehicle = false');
    expect(schema.additionalProperties).toBe(false);
  });
  it('agrees with validateForm on typed values', () => {
    const body = {
      address: 'Abai avenue 10',
      plate: '123ABC02',
      zone: 'east',
      months: 2,
      startDate: '2026-04-01',
      ownsVehicle: true,
    };
    expect(Value.Check(schema, body)).toBe(true);
    expect(validateForm(definition.fields, body, context).problems).toEqual([]);
    expect(Value.Check(schema, { ...body, zone: 'west' })).toBe(false);
    expect(Value.Check(schema, { ...body, months: 13 })).toBe(false);
    expect(Value.Check(schema, { ...body, plate: 'x' })).toBe(false);
  });
});
