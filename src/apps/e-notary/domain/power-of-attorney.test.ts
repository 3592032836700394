import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../../platform/calendar/local-date.js';
import { BIN, IIN, moment, NOW, powerOfAttorney } from '../test/fixtures.js';
import {
  powerOfAttorneyState,
  powerOfAttorneyValidUntil,
  revokePowerOfAttorney,
  type RevocationRequest,
} from './power-of-attorney.js';

const principal = {
  kind: 'principal' as const,
  actingFor: { kind: 'person' as const, id: IIN.seller },
};

describe('power of attorney term (Civil Code Art. 168)', () => {
  it('is one year when no term is stated, the stated term up to three years, never longer', () => {
    expect(powerOfAttorneyValidUntil('2026-03-20', null)).toBe('2027-03-20');
    expect(powerOfAttorneyValidUntil('2026-03-20', '2026-03-20')).toBe('2026-03-20');
    expect(powerOfAttorneyValidUntil('2026-03-20', '2028-01-01')).toBe('2028-01-01');
    expect(powerOfAttorneyValidUntil('2026-03-20', '2029-03-20')).toBe('2029-03-20');
    expect(powerOfAttorneyValidUntil('2026-03-20', '2029-03-21')).toBe('2029-03-20');
    expect(powerOfAttorneyValidUntil('2024-02-29', '2030-01-01')).toBe('2027-02-28');
    expect(() => powerOfAttorneyValidUntil('2026-03-20', '2026-03-19')).toThrow(
      expect.objectContaining({ code: 'ENOTARY_POA_TERM_BEFORE_ISSUE' }),
    );
  });

  it('property: the term never exceeds three years and keeps any shorter requested end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2090-01-01') }),
        fc.integer({ min: 0, max: 3000 }),
        (issued, length) => {
          const issuedOn = addDays('1970-01-01', issued);
          const requested = addDays(issuedOn, length);
          const validUntil = powerOfAttorneyValidUntil(issuedOn, requested);
          const threeYears = powerOfAttorneyValidUntil(issuedOn, '9999-12-31');
          expect(validUntil <= threeYears).toBe(true);
          expect(validUntil).toBe(requested <= threeYears ? requested : threeYears);
          expect(dayNumber(threeYears) - dayNumber(issuedOn)).toBeGreaterThanOrEqual(365 * 3);
          expect(dayNumber(threeYears) - dayNumber(issuedOn)).toBeLessThanOrEqual(366 * 3);
        },
      ),
    );
  });

  it('property: on its last day it is valid until local midnight in Almaty, then expired', () => {
    // validUntil 2026-03-20 ends at 2026-03-20T19:00:00Z (midnight at UTC+5).
    const poa = powerOfAttorney({ issuedOn: '2026-01-01', validUntil: '2026-03-20' });
    const midnight = Date.parse('2026-03-20T19:00:00Z');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -2, max: 2 }),
          fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
        ),
        (offset) => {
          const state = powerOfAttorneyState(poa, moment(new Date(midnight + offset)));
          expect(state.status).toBe(offset < 0 ? 'valid' : 'expired');
        },
      ),
    );
  });
});

describe('revoking a power of attorney', () => {
  const request = (changes: Partial<RevocationRequest> = {}): RevocationRequest => ({
    requester: principal,
    reason: 'no-longer-needed',
    ...changes,
  });

  it('lets the principal revoke, effective at once', () => {
    const poa = powerOfAttorney();
    const revocation = revokePowerOfAttorney(poa, request(), moment());
    expect(revocation).toEqual({
      registerNumber: poa.registerNumber,
      revokedAt: NOW,
      reason: 'no-longer-needed',
      reasonText: null,
      requester: principal,
    });
    expect(powerOfAttorneyState({ ...poa, revokedAt: revocation.revokedAt }, moment()).status).toBe(
      'revoked',
    );
  });

  it('lets a notary revoke on the principal’s application, and only then', () => {
    const onApplication = {
      kind: 'notary' as const,
      notaryIin: IIN.notary,
      onApplicationOf: principal.actingFor,
    };
    expect(
      revokePowerOfAttorney(powerOfAttorney(), request({ requester: onApplication }), moment())
        .revokedAt,
    ).toBe(NOW);
    for (const onApplicationOf of [null, { kind: 'person' as const, id: IIN.representative }]) {
      expect(() =>
        revokePowerOfAttorney(
          powerOfAttorney(),
          request({ requester: { ...onApplication, onApplicationOf } }),
          moment(),
        ),
      ).toThrow(
        expect.objectContaining({ code: 'ENOTARY_POA_REVOKE_NO_APPLICATION', status: 403 }),
      );
    }
  });

  it('refuses anyone but the principal, the representative included', () => {
    for (const actingFor of [
      { kind: 'person' as const, id: IIN.representative },
      { kind: 'organisation' as const, id: IIN.seller },
      { kind: 'organisation' as const, id: BIN.company },
    ]) {
      expect(() =>
        revokePowerOfAttorney(
          powerOfAttorney(),
          request({ requester: { kind: 'principal', actingFor } }),
          moment(),
        ),
      ).toThrow(expect.objectContaining({ code: 'ENOTARY_POA_REVOKE_NOT_PRINCIPAL', status: 403 }));
    }
  });

  it('lets an organisation principal revoke through whoever signs for it', () => {
    const poa = powerOfAttorney({ principal: { kind: 'organisation', id: BIN.company } });
    const requester = {
      kind: 'principal' as const,
      actingFor: { kind: 'organisation' as const, id: BIN.company },
    };
    expect(revokePowerOfAttorney(poa, request({ requester }), moment()).revokedAt).toBe(NOW);
  });

  it('refuses to revoke twice or after expiry', () => {
    expect(() =>
      revokePowerOfAttorney(powerOfAttorney({ revokedAt: NOW }), request(), moment()),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_POA_ALREADY_REVOKED', status: 409 }));
    expect(() =>
      revokePowerOfAttorney(powerOfAttorney({ validUntil: '2026-03-19' }), request(), moment()),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_POA_ALREADY_EXPIRED', status: 409 }));
  });

  it('asks for an explanation when the reason is “other”, and keeps it under 500 characters', () => {
    expect(() =>
      revokePowerOfAttorney(
        powerOfAttorney(),
        request({ reason: 'other', reasonText: '  ' }),
        moment(),
      ),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_POA_REASON_TEXT_REQUIRED' }));
    expect(() =>
      revokePowerOfAttorney(powerOfAttorney(), request({ reasonText: 'x'.repeat(501) }), moment()),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_POA_REASON_TEXT_REQUIRED' }));
    expect(
      revokePowerOfAttorney(
        powerOfAttorney(),
        request({ reason: 'other', reasonText: ' sold the car ' }),
        moment(),
      ).reasonText,
    ).toBe('sold the car');
  });
});
