/**
 * The notarial acts this register knows, and the register each belongs to. The Law "On Notaries"
 * (No. 155 of 14 July 1997) lists many more notarial actions (Art. 34); these are the ones the
 * Unified Notarial Information System (ENIS) must check against state registries before signing.
 */
export const ACT_KINDS = [
  'real-estate-sale',
  'power-of-attorney',
  'consent',
  'copy-certification',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export const isActKind = (value: unknown): value is ActKind =>
  typeof value === 'string' && (ACT_KINDS as readonly string[]).includes(value);

/**
 * Three registers, each with its own numbering: notarial acts, wills (sealed until the testator's
 * death is recorded) and inheritance cases. The letter opens the register number.
 */
export const REGISTERS = {
  acts: 'A',
  wills: 'W',
  'inheritance-cases': 'I',
} as const;
export type Register = keyof typeof REGISTERS;
export type RegisterLetter = (typeof REGISTERS)[Register];

/** The roles a party can take in each kind of act; the first list must all be present. */
export const PARTY_ROLES = {
  'real-estate-sale': { required: ['seller', 'buyer'], allowed: ['seller', 'buyer'] },
  'power-of-attorney': {
    required: ['principal', 'representative'],
    allowed: ['principal', 'representative'],
  },
  // e.g. a spouse's consent to the sale of joint marital property: who consents, and to whom.
  consent: { required: ['consenter'], allowed: ['consenter', 'recipient'] },
  'copy-certification': { required: ['applicant'], allowed: ['applicant'] },
} as const satisfies Record<ActKind, { required: readonly string[]; allowed: readonly string[] }>;

export type PartyRole = (typeof PARTY_ROLES)[ActKind]['allowed'][number];

/** Message ids of the names of act kinds and party roles, for pages and finding parameters. */
export const ACT_KIND_NAMES: Record<ActKind, string> = {
  'real-estate-sale': 'enotary.actKind.realEstateSale',
  'power-of-attorney': 'enotary.actKind.powerOfAttorney',
  consent: 'enotary.actKind.consent',
  'copy-certification': 'enotary.actKind.copyCertification',
};

export const PARTY_ROLE_NAMES: Record<PartyRole, string> = {
  seller: 'enotary.role.seller',
  buyer: 'enotary.role.buyer',
  principal: 'enotary.role.principal',
  representative: 'enotary.role.representative',
  consenter: 'enotary.role.consenter',
  recipient: 'enotary.role.recipient',
  applicant: 'enotary.role.applicant',
};
