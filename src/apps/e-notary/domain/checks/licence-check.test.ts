import { describe, expect, it } from 'vitest';
import { facts, IIN, moment, notaryLicence, sale } from '../../test/fixtures.js';
import { licenceCheck } from './licence-check.js';

const check = (changes: Parameters<typeof notaryLicence>[0], now?: Date) =>
  licenceCheck(sale(), facts({ notaryLicence: notaryLicence(changes) }), moment(now));

describe('notary licence check', () => {
  it('passes an active notary licence held by the act’s notary', () => {
    expect(check({})).toEqual([]);
  });

  it('blocks when no licence is found', () => {
    expect(licenceCheck(sale(), facts({ notaryLicence: undefined }), moment())).toEqual([
      { code: 'ENOTARY_CHECK_LICENCE_NOT_FOUND', severity: 'blocking', params: {} },
    ]);
  });

  it('blocks a licence for another profession', () => {
    expect(check({ kind: 'architect' })[0]?.code).toBe('ENOTARY_CHECK_LICENCE_NOT_NOTARY');
  });

  it('blocks someone else’s licence', () => {
    expect(check({ holderIin: IIN.stranger })[0]?.code).toBe('ENOTARY_CHECK_LICENCE_NOT_HOLDER');
  });

  it('blocks a suspended, revoked or terminated licence', () => {
    for (const status of ['suspended', 'revoked', 'terminated'] as const) {
      expect(check({ status })).toEqual([
        {
          code: 'ENOTARY_CHECK_LICENCE_NOT_ACTIVE',
          severity: 'blocking',
          params: { licence: '21012345', status },
        },
      ]);
    }
  });

  it('reads validity dates as Almaty calendar days, both ends inclusive', () => {
    // NOW is 2026-03-20 10:00 in Almaty.
    expect(check({ validFrom: '2026-03-20' })).toEqual([]);
    expect(check({ validFrom: '2026-03-21' })[0]?.code).toBe('ENOTARY_CHECK_LICENCE_NOT_YET_VALID');
    expect(check({ validTo: '2026-03-20' })).toEqual([]);
    expect(check({ validTo: '2026-03-19' })).toEqual([
      {
        code: 'ENOTARY_CHECK_LICENCE_EXPIRED',
        severity: 'blocking',
        params: { licence: '21012345', validTo: '2026-03-19' },
      },
    ]);
    // 20:00 UTC on the last day is already the next day in Almaty.
    expect(check({ validTo: '2026-03-20' }, new Date('2026-03-20T19:00:00Z'))[0]?.code).toBe(
      'ENOTARY_CHECK_LICENCE_EXPIRED',
    );
  });
});
