import { describe, expect, it } from 'vitest';
import { parkingPermit } from '../test/parking-permit.js';
import { loadServiceDefinition, ServiceDefinitionError } from './validate-definition.js';

const copy = () => structuredClone(parkingPermit) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(input: unknown, context = {}) {
  try {
    loadServiceDefinition(input, context);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceDefinitionError);
    const failure = error as ServiceDefinitionError;
    expect(failure.code).toBe('SERVICES_DEFINITION_INVALID');
    return failure.problems.map((p) => ({ field: p.field, code: p.code, params: p.params }));
  }
  throw new Error('the definition was accepted');
}

describe('loadServiceDefinition', () => {
  it('accepts a valid definition and returns it unchanged', () => {
    expect(
      loadServiceDefinition(copy(), { knownChecks: ['is-resident', 'has-unpaid-fines'] }),
    ).toEqual(parkingPermit);
  });

  it('refuses a condition on an unknown field, and on a later one', () => {
    const unknown = copy();
    unknown.fields[6].when.field = 'ownsCar';
    expect(problemsOf(unknown)).toEqual([
      {
        field: 'fields.6.when.field',
        code: 'SERVICES_DEFINITION_UNKNOWN_FIELD',
        params: { field: 'ownsCar' },
      },
    ]);
    const later = copy();
    later.fields[0].when = { field: 'note', equals: 'x' };
    expect(problemsOf(later)).toEqual([
      {
        field: 'fields.0.when.field',
        code: 'SERVICES_DEFINITION_UNKNOWN_FIELD',
        params: { field: 'note' },
      },
    ]);
  });

  it('refuses a condition on a value the field cannot take', () => {
    const bad = copy();
    bad.fields[6].when.equals = 'no';
    expect(problemsOf(bad)).toEqual([
      {
        field: 'fields.6.when.equals',
        code: 'SERVICES_DEFINITION_BAD_CONDITION',
        params: { field: 'ownsVehicle', value: 'no' },
      },
    ]);
  });

  it('refuses an unreachable state', () => {
    const bad = copy();
    bad.states.push({ id: 'hearing', names: { kk: 'Тыңдау', ru: 'Заслушивание', en: 'Hearing' } });
    expect(problemsOf(bad)).toEqual([
      {
        field: 'states.5',
        code: 'SERVICES_DEFINITION_UNREACHABLE_STATE',
        params: { state: 'hearing' },
      },
    ]);
  });

  it('refuses a transition to or from an unknown state, and an unknown initial state', () => {
    const bad = copy();
    bad.transitions[0].to = 'reviewing';
    bad.transitions[1].from = ['limbo'];
    bad.initial = 'new';
    expect(problemsOf(bad)).toEqual(
      expect.arrayContaining([
        { field: 'initial', code: 'SERVICES_DEFINITION_UNKNOWN_STATE', params: { state: 'new' } },
        {
          field: 'transitions.0.to',
          code: 'SERVICES_DEFINITION_UNKNOWN_STATE',
          params: { state: 'reviewing' },
        },
        {
          field: 'transitions.1.from.0',
          code: 'SERVICES_DEFINITION_UNKNOWN_STATE',
          params: { state: 'limbo' },
        },
      ]),
    );
  });

  it('refuses a clock without a stop, and one tied to an unknown transition', () => {
    const bad = copy();
    bad.clocks[0].stopOn = [];
    bad.clocks[0].pauseOn = ['pause'];
    expect(problemsOf(bad)).toEqual([
      {
        field: 'clocks.0.stopOn',
        code: 'SERVICES_DEFINITION_CLOCK_WITHOUT_STOP',
        params: { clock: 'decision' },
      },
      {
        field: 'clocks.0.pauseOn.0',
        code: 'SERVICES_DEFINITION_UNKNOWN_TRANSITION',
        params: { transition: 'pause' },
      },
    ]);
  });

  it('refuses a clock that runs out into a transition the system may not perform', () => {
    const bad = copy();
    bad.clocks[0].onExpiry = 'refuse';
    expect(problemsOf(bad)).toEqual([
      {
        field: 'clocks.0.onExpiry',
        code: 'SERVICES_DEFINITION_EXPIRY_NOT_SYSTEM',
        params: { transition: 'refuse' },
      },
    ]);
  });

  it('refuses a role that does not exist', () => {
    const bad = copy();
    bad.transitions[5].roles = ['minister'];
    expect(problemsOf(bad)).toEqual([
      {
        field: 'transitions.5.roles.0',
        code: 'SERVICES_DEFINITION_UNKNOWN_ROLE',
        params: { role: 'minister' },
      },
    ]);
  });

  it('refuses a missing or empty translation, naming the path and the language', () => {
    const bad = copy();
    delete bad.fields[1].hint.kk;
    bad.states[2].names.ru = ' ';
    expect(problemsOf(bad)).toEqual([
      {
        field: 'fields.1.hint',
        code: 'SERVICES_DEFINITION_MISSING_TRANSLATION',
        params: { locale: 'kk' },
      },
      {
        field: 'states.2.names',
        code: 'SERVICES_DEFINITION_MISSING_TRANSLATION',
        params: { locale: 'ru' },
      },
    ]);
  });

  it('refuses a check the wiring does not provide, and an output no port is wired for', () => {
    expect(
      problemsOf(copy(), { knownChecks: ['is-resident'], wiredOutputs: ['message', 'document'] }),
    ).toEqual([
      {
        field: 'checks.1.check',
        code: 'SERVICES_DEFINITION_UNKNOWN_CHECK',
        params: { check: 'has-unpaid-fines' },
      },
      {
        field: 'transitions.5.outputs.1',
        code: 'SERVICES_DEFINITION_OUTPUT_NOT_WIRED',
        params: { kind: 'registry-write' },
      },
    ]);
  });

  it('refuses duplicate ids, a reserved transition id and an exit from a final state', () => {
    const bad = copy();
    bad.fields.push({ ...bad.fields[0] });
    bad.transitions.push({ ...bad.transitions[0], id: 'submit', from: ['granted'] });
    expect(problemsOf(bad)).toEqual(
      expect.arrayContaining([
        { field: 'fields.9', code: 'SERVICES_DEFINITION_DUPLICATE_ID', params: { id: 'address' } },
        { field: 'transitions', code: 'SERVICES_DEFINITION_RESERVED_ID', params: { id: 'submit' } },
        {
          field: 'states.3',
          code: 'SERVICES_DEFINITION_FINAL_HAS_EXIT',
          params: { state: 'granted' },
        },
      ]),
    );
  });

  it('refuses a wrong shape with the path of the problem', () => {
    const bad = copy();
    bad.fields[3].type = 'integer';
    bad.version = 0;
    const problems = problemsOf(bad);
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['version', 'fields.3']));
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['SERVICES_DEFINITION_SHAPE']));
    expect(problemsOf('not a definition')[0]).toMatchObject({ code: 'SERVICES_DEFINITION_SHAPE' });
  });

  it('refuses a bad range and an invalid pattern', () => {
    const bad = copy();
    bad.fields[3].min = 20;
    bad.fields[1].pattern = '([0-9]';
    expect(problemsOf(bad)).toEqual([
      {
        field: 'fields.1.pattern',
        code: 'SERVICES_DEFINITION_BAD_PATTERN',
        params: { field: 'plate' },
      },
      { field: 'fields.3', code: 'SERVICES_DEFINITION_BAD_RANGE', params: { field: 'months' } },
    ]);
  });

  it('says what is wrong in its message, for the developer', () => {
    const bad = copy();
    bad.clocks[0].stopOn = [];
    expect(() => loadServiceDefinition(bad)).toThrow(
      /parking-permit.*\n- clocks\.0\.stopOn: SERVICES_DEFINITION_CLOCK_WITHOUT_STOP/,
    );
  });
});
