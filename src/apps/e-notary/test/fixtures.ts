import { kazakhstan } from '../../../countries/kz/index.js';
import { kzCheckDigit } from '../../../countries/kz/national-id.js';
import type { ActDraft } from '../domain/act-draft.js';
import type {
  Facts,
  LicenceFact,
  Moment,
  PersonFact,
  PowerOfAttorneyFact,
  PropertyFact,
} from '../domain/facts.js';
import { parseShare } from '../domain/share.js';

/** A valid IIN or BIN from its first 11 digits (the check digit computed by the country profile). */
export function withCheckDigit(first11: string): string {
  const digit = kzCheckDigit(first11);
  if (digit === null) throw new Error(`No check digit exists for ${first11}`);
  return `${first11}${digit}`;
}

export const IIN = {
  notary: withCheckDigit('75010240001'),
  seller: withCheckDigit('80031530001'),
  coOwner: withCheckDigit('82061140002'),
  buyer: withCheckDigit('90120130003'),
  representative: withCheckDigit('88072730004'),
  reviewer: withCheckDigit('70050540005'),
  stranger: withCheckDigit('95111130006'),
} as const;

export const BIN = {
  bank: withCheckDigit('99034000001'),
  company: withCheckDigit('05124000002'),
} as const;

export const profile = kazakhstan;
export const CADASTRAL = '20:315:026:004:1:7';
export const POA_NUMBER = 'A-21012345-2026-000007';
export const LICENCE = '21012345';

/** 10:00 in Almaty (UTC+5) on 20 March 2026. */
export const NOW = new Date('2026-03-20T05:00:00Z');
export const moment = (now: Date = NOW): Moment => ({ now, timeZone: 'Asia/Almaty' });
export const minutes = (n: number, from: Date = NOW) => new Date(from.getTime() + n * 60_000);

export const alive = (iin: string): PersonFact => ({ iin, deathDate: null });

export const notaryLicence = (changes: Partial<LicenceFact> = {}): LicenceFact => ({
  number: LICENCE,
  holderIin: IIN.notary,
  kind: 'notary',
  status: 'active',
  validFrom: '2015-06-01',
  validTo: null,
  ...changes,
});

export const flat = (changes: Partial<PropertyFact> = {}): PropertyFact => ({
  cadastralNumber: CADASTRAL,
  owners: [{ owner: { kind: 'person', id: IIN.seller }, share: parseShare('1') }],
  encumbrances: [],
  ...changes,
});

export const powerOfAttorney = (
  changes: Partial<PowerOfAttorneyFact> = {},
): PowerOfAttorneyFact => ({
  registerNumber: POA_NUMBER,
  principal: { kind: 'person', id: IIN.seller },
  representativeIin: IIN.representative,
  issuedOn: '2026-01-10',
  validUntil: '2027-01-10',
  revokedAt: null,
  scope: { actKinds: ['real-estate-sale'], objects: [CADASTRAL] },
  ...changes,
});

/** A clean sale of the whole flat by its sole owner: every check passes on `facts()`. */
export const sale = (changes: Partial<ActDraft> = {}): ActDraft => ({
  kind: 'real-estate-sale',
  notaryIin: IIN.notary,
  cadastralNumber: CADASTRAL,
  parties: [
    { role: 'seller', kind: 'person', id: IIN.seller, share: parseShare('1') },
    { role: 'buyer', kind: 'person', id: IIN.buyer, share: parseShare('1') },
  ],
  ...changes,
});

export const facts = (changes: Partial<Facts> = {}): Facts => ({
  asOf: new Date('2026-03-20T04:00:00Z'),
  people: new Map(
    [IIN.notary, IIN.seller, IIN.coOwner, IIN.buyer, IIN.representative, IIN.reviewer].map(
      (iin) => [iin, alive(iin)],
    ),
  ),
  organisations: new Map([
    [BIN.bank, { bin: BIN.bank, status: 'active' }],
    [BIN.company, { bin: BIN.company, status: 'active' }],
  ]),
  property: flat(),
  notaryLicence: notaryLicence(),
  powersOfAttorney: new Map([[POA_NUMBER, powerOfAttorney()]]),
  ...changes,
});

/** The same facts with one person's record replaced. */
export function withPerson(base: Facts, person: PersonFact): Facts {
  const people = new Map(base.people);
  people.set(person.iin, person);
  return { ...base, people };
}
