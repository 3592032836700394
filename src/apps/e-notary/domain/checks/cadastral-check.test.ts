import { describe, expect, it } from 'vitest';
import { IIN, sale } from '../../test/fixtures.js';
import { cadastralCheck } from './cadastral-check.js';

describe('cadastral number check', () => {
  it('passes a well-formed number', () => {
    expect(cadastralCheck(sale())).toEqual([]);
  });

  it('blocks a malformed number and a zero segment', () => {
    expect(cadastralCheck(sale({ cadastralNumber: '20-315-026-004' }))).toEqual([
      {
        code: 'ENOTARY_CADASTRAL_INVALID_FORMAT',
        severity: 'blocking',
        params: { cadastralNumber: '20-315-026-004' },
      },
    ]);
    expect(cadastralCheck(sale({ cadastralNumber: '20:000:026:004' }))[0]?.code).toBe(
      'ENOTARY_CADASTRAL_ZERO_SEGMENT',
    );
  });

  it('blocks a sale with no object, and lets a consent without one pass', () => {
    expect(cadastralCheck(sale({ cadastralNumber: undefined }))[0]?.code).toBe(
      'ENOTARY_CADASTRAL_REQUIRED',
    );
    const consent = sale({
      kind: 'consent',
      cadastralNumber: undefined,
      parties: [{ role: 'consenter', kind: 'person', id: IIN.coOwner }],
    });
    expect(cadastralCheck(consent)).toEqual([]);
  });
});
