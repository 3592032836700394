import { describe, expect, it } from 'vitest';
import { BIN, facts, flat, minutes, moment, sale } from '../../test/fixtures.js';
import type { EncumbranceFact } from '../facts.js';
import { encumbranceCheck } from './encumbrance-check.js';

const mortgage: EncumbranceFact = {
  id: 'E-1',
  kind: 'mortgage',
  mortgagee: { kind: 'organisation', id: BIN.bank },
};
const arrest: EncumbranceFact = { id: 'E-2', kind: 'arrest', authority: 'Almaty district court' };
const lease: EncumbranceFact = { id: 'E-3', kind: 'other', description: 'Lease until 2027' };
const encumbered = (...encumbrances: EncumbranceFact[]) =>
  facts({ property: flat({ encumbrances }) });

describe('encumbrance check', () => {
  it('passes a property with no encumbrance', () => {
    expect(encumbranceCheck(sale(), facts(), moment())).toEqual([]);
  });

  it('always blocks an arrest, even with every consent attached', () => {
    const draft = sale({
      mortgageeConsents: [{ encumbranceId: 'E-2', from: { kind: 'organisation', id: BIN.bank } }],
    });
    expect(encumbranceCheck(draft, encumbered(arrest), moment())).toEqual([
      {
        code: 'ENOTARY_CHECK_ARREST',
        severity: 'blocking',
        params: { encumbrance: 'E-2', authority: 'Almaty district court' },
      },
    ]);
  });

  it('blocks a mortgage without the mortgagee’s consent', () => {
    expect(encumbranceCheck(sale(), encumbered(mortgage), moment())).toEqual([
      {
        code: 'ENOTARY_CHECK_MORTGAGE_WITHOUT_CONSENT',
        severity: 'blocking',
        params: { encumbrance: 'E-1', mortgagee: BIN.bank },
      },
    ]);
  });

  it('counts a consent only from that mortgagee for that mortgage', () => {
    const fromSomeoneElse = sale({
      mortgageeConsents: [
        { encumbranceId: 'E-1', from: { kind: 'organisation', id: BIN.company } },
      ],
    });
    const forAnotherMortgage = sale({
      mortgageeConsents: [{ encumbranceId: 'E-9', from: { kind: 'organisation', id: BIN.bank } }],
    });
    for (const draft of [fromSomeoneElse, forAnotherMortgage]) {
      expect(encumbranceCheck(draft, encumbered(mortgage), moment())[0]?.severity).toBe('blocking');
    }
  });

  it('turns a consented mortgage into a warning for the buyer', () => {
    const draft = sale({
      mortgageeConsents: [{ encumbranceId: 'E-1', from: { kind: 'organisation', id: BIN.bank } }],
    });
    expect(encumbranceCheck(draft, encumbered(mortgage), moment())).toEqual([
      {
        code: 'ENOTARY_CHECK_MORTGAGE_WITH_CONSENT',
        severity: 'warning',
        params: { encumbrance: 'E-1', mortgagee: BIN.bank },
      },
    ]);
  });

  it('warns of any other encumbrance', () => {
    expect(encumbranceCheck(sale(), encumbered(lease), moment())).toEqual([
      {
        code: 'ENOTARY_CHECK_OTHER_ENCUMBRANCE',
        severity: 'warning',
        params: { encumbrance: 'E-3', description: 'Lease until 2027' },
      },
    ]);
  });

  it('ignores an encumbrance released at or before now, not one released later', () => {
    const now = moment().now;
    const releasedNow = { ...arrest, releasedAt: now };
    expect(encumbranceCheck(sale(), encumbered(releasedNow), moment())).toEqual([]);
    const releasedLater = { ...arrest, releasedAt: minutes(1) };
    expect(encumbranceCheck(sale(), encumbered(releasedLater), moment())).toHaveLength(1);
  });

  it('reports every encumbrance, in register order', () => {
    const codes = encumbranceCheck(sale(), encumbered(lease, arrest, mortgage), moment()).map(
      (f) => f.code,
    );
    expect(codes).toEqual([
      'ENOTARY_CHECK_OTHER_ENCUMBRANCE',
      'ENOTARY_CHECK_ARREST',
      'ENOTARY_CHECK_MORTGAGE_WITHOUT_CONSENT',
    ]);
  });
});
