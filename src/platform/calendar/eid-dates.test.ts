import { describe, expect, it } from 'vitest';
import { EID_DATES, firstDaysOfAdha, firstDaysOfFitr } from './eid-dates.js';
import { eidAlAdha, eidAlFitr } from './umm-al-qura.js';

describe('Eid dates', () => {
  it('agree with the Umm al-Qura calendar for every year of the table', () => {
    for (const [year, row] of Object.entries(EID_DATES)) {
      expect(row.fitr, `Eid al-Fitr ${year}`).toEqual(eidAlFitr(Number(year)));
      expect(row.adha, `Eid al-Adha ${year}`).toEqual(eidAlAdha(Number(year)));
    }
  });

  it('cover 2020 to 2035 and fall back to the prediction after', () => {
    for (let year = 2020; year <= 2035; year += 1) expect(EID_DATES[year]).toBeDefined();
    expect(firstDaysOfAdha(2036)).toEqual(['2036-02-08']);
    expect(firstDaysOfFitr(2036)).toEqual(['2036-11-19']);
    expect(firstDaysOfAdha(2024)).toEqual(['2024-06-16']);
  });
});
