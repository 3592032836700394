import { describe, expect, it } from 'vitest';
import { licenceRefusal, type ArchitectLicence } from './licence.js';

const licence: ArchitectLicence = {
  number: 'ARC-2019-00317',
  holderIin: '800915300200',
  kind: 'architect',
  category: 'I',
  status: 'active',
  validFrom: '2019-04-15',
  validTo: '2029-04-15',
};
const today = '2026-03-20';

describe('the architect’s licence', () => {
  it('lets a valid licence of category I or II file', () => {
    expect(licenceRefusal(licence, licence.holderIin, today)).toBeUndefined();
    expect(
      licenceRefusal({ ...licence, category: 'II' }, licence.holderIin, today),
    ).toBeUndefined();
  });
  it.each([
    [undefined, 'REDEV_NOT_AN_ARCHITECT'],
    [{ ...licence, kind: 'notary' }, 'REDEV_NOT_AN_ARCHITECT'],
    [{ ...licence, holderIin: '770707400603' }, 'REDEV_NOT_AN_ARCHITECT'],
    [{ ...licence, status: 'suspended' as const }, 'REDEV_LICENCE_SUSPENDED'],
    [{ ...licence, status: 'revoked' as const }, 'REDEV_LICENCE_REVOKED'],
    [{ ...licence, validFrom: '2026-03-21' }, 'REDEV_LICENCE_NOT_YET_VALID'],
    [{ ...licence, validTo: '2026-03-19' }, 'REDEV_LICENCE_EXPIRED'],
    [{ ...licence, category: 'III' }, 'REDEV_LICENCE_CATEGORY'],
    [{ ...licence, category: null }, 'REDEV_LICENCE_CATEGORY'],
  ])('refuses %o with %s', (given, code) => {
    expect(licenceRefusal(given, licence.holderIin, today)).toBe(code);
  });
  it('counts the last day of validity in', () => {
    expect(
      licenceRefusal({ ...licence, validTo: today }, licence.holderIin, today),
    ).toBeUndefined();
  });
});

describe('the building of a flat', async () => {
  const { buildingOf } = await import('./cadastral.js');
  it('is the cadastral number without the premises part', () => {
    expect(buildingOf('20:311:004:017:1/15')).toBe('20:311:004:017:1');
    expect(buildingOf('20:311:004:017:1:15')).toBe('20:311:004:017:1');
    expect(buildingOf('20:311:004:017:1')).toBeUndefined();
    expect(buildingOf('20:311:004')).toBeUndefined();
  });
});
