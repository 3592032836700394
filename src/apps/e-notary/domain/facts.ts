import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { ActKind } from './act-kinds.js';
import type { Share } from './share.js';

/*
 * The registry facts the pre-deal checks read, as plain data. The service layer reads them from
 * the registries block (population, legal entities, real estate, professional licences) and from
 * this app's own register of powers of attorney, then hands them in; nothing here reads a
 * database or a clock. Identifiers are IIN (people) and BIN (organisations).
 */

/** A person in the population register. */
export interface PersonFact {
  iin: string;
  /** Date of death as recorded in the civil registry; null while alive. */
  deathDate: LocalDate | null;
  /** Declared legally incapable by a court (Civil Code, General Part). */
  incapacitated?: boolean;
  /** The current marriage as the civil registry records it (absent or null: not married). */
  spouse?: { iin: string; marriedOn: LocalDate } | null;
}

/** A legal entity in the register of legal entities. */
export interface OrganisationFact {
  bin: string;
  status: 'active' | 'liquidated' | 'in-liquidation';
}

export type PartyKind = 'person' | 'organisation';

/** Who a party is: a person by IIN or an organisation by BIN. */
export interface PartyId {
  kind: PartyKind;
  id: string;
}

export interface OwnerFact {
  owner: PartyId;
  share: Share;
  /** When this owner's right was registered; null or absent when the register does not say. */
  acquiredOn?: LocalDate | null;
}

export type EncumbranceFact =
  | { id: string; kind: 'mortgage'; mortgagee: PartyId; releasedAt?: Date | null }
  | { id: string; kind: 'arrest'; authority: string; releasedAt?: Date | null }
  | { id: string; kind: 'other'; description: string; releasedAt?: Date | null };

/** A flat, house or plot in the real-estate register. */
export interface PropertyFact {
  cadastralNumber: string;
  owners: OwnerFact[];
  encumbrances: EncumbranceFact[];
}

export type LicenceStatus = 'active' | 'suspended' | 'revoked' | 'terminated';

/** A professional licence (notaries, architects, doctors) in the licence register. */
export interface LicenceFact {
  number: string;
  holderIin: string;
  kind: 'notary' | 'architect' | 'doctor';
  status: LicenceStatus;
  validFrom: LocalDate;
  /** Last day of validity; null for a licence without end date (notary licences are indefinite). */
  validTo: LocalDate | null;
}

/** What a power of attorney lets the representative do. */
export interface PowerOfAttorneyScope {
  actKinds: ActKind[];
  /** Cadastral numbers of the objects covered, or 'any' for a general power of attorney. */
  objects: 'any' | string[];
}

/** A power of attorney in this app's register (certified by a notary). */
export interface PowerOfAttorneyFact {
  registerNumber: string;
  principal: PartyId;
  representativeIin: string;
  issuedOn: LocalDate;
  /** Last day of validity, already capped by the Civil Code Art. 168 when it was certified. */
  validUntil: LocalDate;
  /** When the principal revoked it; a revocation takes effect the moment it is recorded. */
  revokedAt: Date | null;
  scope: PowerOfAttorneyScope;
}

/**
 * Everything the checks may look at. `asOf` is the moment the newest of these facts changed (the
 * latest version time among the records read): checks run before it are stale.
 */
export interface Facts {
  asOf: Date;
  people: ReadonlyMap<string, PersonFact>;
  organisations: ReadonlyMap<string, OrganisationFact>;
  property?: PropertyFact;
  notaryLicence?: LicenceFact;
  powersOfAttorney: ReadonlyMap<string, PowerOfAttorneyFact>;
  /** Signed consent acts (register A) attached to this act, by register number. */
  consents?: ReadonlyMap<string, ConsentFact>;
}

/** A signed notarial consent, e.g. a spouse's consent to a sale. */
export interface ConsentFact {
  registerNumber: string;
  consenterIin: string;
  recipientIin: string;
  /** The object the consent is for; null for a consent not bound to one object. */
  cadastralNumber: string | null;
}

/** The clock reading and the country's time zone, handed in by the caller. */
export interface Moment {
  now: Date;
  /** IANA time zone in which dates of validity are read, e.g. Asia/Almaty. */
  timeZone: string;
}
