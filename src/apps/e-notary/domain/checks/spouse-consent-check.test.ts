import { describe, expect, it } from 'vitest';
import { CADASTRAL, facts, flat, IIN, sale, withPerson } from '../../test/fixtures.js';
import type { ConsentFact, Facts } from '../facts.js';
import { parseShare } from '../share.js';
import { spouseConsentCheck } from './spouse-consent-check.js';

const CONSENT = 'A-21012345-2026-000003';
const married = (base: Facts = facts(), marriedOn = '2010-06-01'): Facts =>
  withPerson(base, { iin: IIN.seller, deathDate: null, spouse: { iin: IIN.coOwner, marriedOn } });
const acquiredOn = (date: string | null) =>
  flat({
    owners: [
      { owner: { kind: 'person', id: IIN.seller }, share: parseShare('1'), acquiredOn: date },
    ],
  });
const consent = (changes: Partial<ConsentFact> = {}): Map<string, ConsentFact> =>
  new Map([
    [
      CONSENT,
      {
        registerNumber: CONSENT,
        consenterIin: IIN.coOwner,
        recipientIin: IIN.seller,
        cadastralNumber: CADASTRAL,
        ...changes,
      },
    ],
  ]);
const missing = [
  {
    code: 'ENOTARY_CHECK_SPOUSE_CONSENT_MISSING',
    severity: 'blocking',
    params: { party: IIN.seller, spouse: IIN.coOwner },
  },
];

describe('spouse consent check', () => {
  it('passes an unmarried seller', () => {
    expect(spouseConsentCheck(sale(), facts())).toEqual([]);
  });

  it('blocks a married seller of property acquired during the marriage without consent', () => {
    expect(
      spouseConsentCheck(sale(), married(facts({ property: acquiredOn('2015-01-01') }))),
    ).toEqual(missing);
  });

  it('requires the consent when the register does not say when the right was acquired', () => {
    expect(spouseConsentCheck(sale(), married(facts({ property: acquiredOn(null) })))).toEqual(
      missing,
    );
  });

  it('passes property acquired before the marriage', () => {
    expect(
      spouseConsentCheck(sale(), married(facts({ property: acquiredOn('2009-12-31') }))),
    ).toEqual([]);
    // Acquired on the wedding day counts as during the marriage.
    expect(
      spouseConsentCheck(sale(), married(facts({ property: acquiredOn('2010-06-01') }))),
    ).toEqual(missing);
  });

  it('passes with the spouse’s signed consent for this object or for any object', () => {
    const draft = sale({ attachedConsents: [CONSENT] });
    expect(spouseConsentCheck(draft, married(facts({ consents: consent() })))).toEqual([]);
    expect(
      spouseConsentCheck(draft, married(facts({ consents: consent({ cadastralNumber: null }) }))),
    ).toEqual([]);
  });

  it('does not count a consent that is not attached, not signed, by someone else, to someone else or for another object', () => {
    const attached = sale({ attachedConsents: [CONSENT] });
    expect(spouseConsentCheck(sale(), married(facts({ consents: consent() })))).toEqual(missing);
    expect(spouseConsentCheck(attached, married(facts({ consents: new Map() })))).toEqual(missing);
    for (const changes of [
      { consenterIin: IIN.stranger },
      { recipientIin: IIN.buyer },
      { cadastralNumber: '20:315:026:005' },
    ]) {
      expect(
        spouseConsentCheck(attached, married(facts({ consents: consent(changes) }))),
        JSON.stringify(changes),
      ).toEqual(missing);
    }
  });

  it('needs no consent when the spouse sells too', () => {
    const property = flat({
      owners: [
        { owner: { kind: 'person', id: IIN.seller }, share: parseShare('1/2') },
        { owner: { kind: 'person', id: IIN.coOwner }, share: parseShare('1/2') },
      ],
    });
    const draft = sale({
      parties: [
        { role: 'seller', kind: 'person', id: IIN.seller, share: parseShare('1/2') },
        { role: 'seller', kind: 'person', id: IIN.coOwner, share: parseShare('1/2') },
        { role: 'buyer', kind: 'person', id: IIN.buyer, share: parseShare('1') },
      ],
    });
    expect(spouseConsentCheck(draft, married(facts({ property })))).toEqual([]);
  });
});
