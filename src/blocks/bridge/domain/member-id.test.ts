import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatServiceId,
  formatSubsystemId,
  parseServiceAddress,
  parseSubsystemId,
} from './member-id.js';

describe('bridge identifiers', () => {
  it('reads a client id and writes it back', () => {
    const id = parseSubsystemId('KZ/GOV/150440012344/case-system');
    expect(id).toEqual({
      instance: 'KZ',
      memberClass: 'GOV',
      memberCode: '150440012344',
      subsystem: 'case-system',
    });
    expect(formatSubsystemId(id as never)).toBe('KZ/GOV/150440012344/case-system');
  });

  it('reads a gateway path with what follows the service code', () => {
    expect(parseServiceAddress('/KZ/GOV/070540001234/population/read-person/v1/people')).toEqual({
      instance: 'KZ',
      memberClass: 'GOV',
      memberCode: '070540001234',
      subsystem: 'population',
      service: 'read-person',
      rest: '/v1/people',
    });
    expect(parseServiceAddress('/KZ/GOV/070540001234/population/read-person')).toMatchObject({
      rest: '/',
    });
  });

  it.each([
    ['KZ/GOV/150440012344', { problem: 'BRIDGE_ID_PARTS', expected: 4, got: 3 }],
    ['KZ/GOV//crm', { problem: 'BRIDGE_ID_PART_INVALID', part: 'memberCode', value: '' }],
    ['KZ/G OV/1/crm', { problem: 'BRIDGE_ID_PART_INVALID', part: 'memberClass', value: 'G OV' }],
    ['KZ/GOV/1/../x', { problem: 'BRIDGE_ID_PARTS', expected: 4, got: 5 }],
    [
      'KZ/GOV/1/.hidden',
      { problem: 'BRIDGE_ID_PART_INVALID', part: 'subsystem', value: '.hidden' },
    ],
  ])('refuses %s', (text, problem) => {
    expect(parseSubsystemId(text)).toEqual(problem);
  });

  it('refuses a path without a service, or with a dot-dot part', () => {
    expect(parseServiceAddress('/KZ/GOV/1/crm')).toEqual({
      problem: 'BRIDGE_ID_PARTS',
      expected: 5,
      got: 4,
    });
    expect(parseServiceAddress('/KZ/GOV/../crm/svc')).toMatchObject({
      problem: 'BRIDGE_ID_PART_INVALID',
    });
  });

  it('property: whatever is written is read back the same', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
    fc.assert(
      fc.property(
        part,
        part,
        part,
        part,
        part,
        (instance, memberClass, memberCode, subsystem, service) => {
          const id = { instance, memberClass, memberCode, subsystem };
          expect(parseSubsystemId(formatSubsystemId(id))).toEqual(id);
          expect(parseServiceAddress(`/${formatServiceId({ ...id, service })}/x`)).toEqual({
            ...id,
            service,
            rest: '/x',
          });
        },
      ),
    );
  });
});
