import { describe, expect, it } from 'vitest';
import { tjOrganisationId, tjPersonId } from './national-id.js';

describe('Tajikistan INN', () => {
  it('accepts nine digits for people and organisations', () => {
    expect(tjPersonId.check('123456789')).toEqual({ valid: true });
    expect(tjOrganisationId.check('020012345')).toEqual({ valid: true });
  });

  it.each([
    ['12345678', 'IDENTITY_ID_WRONG_LENGTH'],
    ['1234567890', 'IDENTITY_ID_WRONG_LENGTH'],
    ['12345678x', 'IDENTITY_ID_NOT_DIGITS'],
    ['-12345678', 'IDENTITY_ID_NOT_DIGITS'],
  ])('rejects %j with %s', (value, code) => {
    expect(tjPersonId.check(value)).toEqual({ valid: false, code });
    expect(tjOrganisationId.check(value)).toEqual({ valid: false, code });
  });
});
