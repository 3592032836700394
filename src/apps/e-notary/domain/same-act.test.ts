import { describe, expect, it } from 'vitest';
import type { ActDraft } from './act-draft.js';
import { sameAct } from './same-act.js';
import { share } from './share.js';

const sale = (changes: Partial<ActDraft> = {}): ActDraft => ({
  kind: 'real-estate-sale',
  notaryIin: '750312400107',
  cadastralNumber: '20:311:004:017:1/15',
  parties: [
    { role: 'seller', kind: 'person', id: '850725400024', share: share(1n, 1n) },
    { role: 'buyer', kind: 'person', id: '900101300017', share: share(1n, 1n) },
  ],
  ...changes,
});

describe('sameAct', () => {
  it('holds for the same deal, whatever the order of the parties or the spelling of shares', () => {
    const reordered = sale();
    reordered.parties = [...reordered.parties].reverse();
    expect(sameAct(sale(), reordered)).toBe(true);
    expect(
      sameAct(
        sale(),
        sale({
          parties: sale().parties.map((party) => ({ ...party, share: share(2n, 2n) })),
        }),
      ),
    ).toBe(true);
  });

  it('fails for another kind, notary, object, party, role, share or representative', () => {
    const [seller, buyer] = sale().parties as [ActDraft['parties'][0], ActDraft['parties'][0]];
    for (const other of [
      sale({ kind: 'consent' }),
      sale({ notaryIin: '681120400309' }),
      sale({ cadastralNumber: '20:311:004:017:1/42' }),
      sale({ cadastralNumber: undefined }),
      sale({ parties: [seller, { ...buyer, id: '870909300081' }] }),
      sale({ parties: [seller, { ...buyer, role: 'seller' }] }),
      sale({ parties: [seller, { ...buyer, share: share(1n, 2n) }] }),
      sale({ parties: [seller] }),
      sale({
        parties: [
          {
            ...seller,
            representative: { iin: '870909300081', powerOfAttorney: 'A-X-2026-000001' },
          },
          buyer,
        ],
      }),
    ])
      expect(sameAct(sale(), other)).toBe(false);
  });
});
