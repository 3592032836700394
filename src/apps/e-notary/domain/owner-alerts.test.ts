import { describe, expect, it } from 'vitest';
import { BIN, facts, flat, IIN, sale } from '../test/fixtures.js';
import { ownersToAlert } from './owner-alerts.js';
import { parseShare } from './share.js';

describe('owners to alert of a sale', () => {
  it('is every registered owner once, the seller included', () => {
    const property = flat({
      owners: [
        { owner: { kind: 'person', id: IIN.seller }, share: parseShare('1/4') },
        { owner: { kind: 'organisation', id: BIN.company }, share: parseShare('1/2') },
        { owner: { kind: 'person', id: IIN.seller }, share: parseShare('1/4') },
      ],
    });
    expect(ownersToAlert(sale(), facts({ property }))).toEqual([
      { kind: 'person', id: IIN.seller },
      { kind: 'organisation', id: BIN.company },
    ]);
  });

  it('alerts the real owner even when the act names someone else as seller', () => {
    const draft = sale({
      parties: [
        { role: 'seller', kind: 'person', id: IIN.stranger, share: parseShare('1') },
        { role: 'buyer', kind: 'person', id: IIN.buyer, share: parseShare('1') },
      ],
    });
    expect(ownersToAlert(draft, facts())).toEqual([{ kind: 'person', id: IIN.seller }]);
  });

  it('is nobody for other acts or an object not in the register', () => {
    expect(ownersToAlert(sale({ kind: 'consent' }), facts())).toEqual([]);
    expect(ownersToAlert(sale(), facts({ property: undefined }))).toEqual([]);
    expect(ownersToAlert(sale({ cadastralNumber: '20:315:026:005' }), facts())).toEqual([]);
  });
});
