/** Who the deployment CA issues signing certificates to. */
export const HOLDER_KINDS = ['agency', 'notary', 'officer', 'architect', 'bridge-member'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const isHolderKind = (value: string): value is HolderKind =>
  (HOLDER_KINDS as readonly string[]).includes(value);

/** RFC 5280 CRLReason names the CA accepts (removeFromCRL and aACompromise do not apply here). */
export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const isRevocationReason = (value: string): value is RevocationReason =>
  (REVOCATION_REASONS as readonly string[]).includes(value);

/** RFC 5280 reason code numbers, as written into the CRL. */
export const REVOCATION_REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  privilegeWithdrawn: 9,
};

/** Object identifier of the LDAP `uid` attribute, which carries the holder's id in the subject. */
export const UID_OID = '0.9.2342.19200300.100.1.1';

/**
 * The subject of a holder's certificate, as @peculiar/x509's JSON name: the holder's name (CN),
 * its kind (OU), its id in its own register (UID, never a national identifier) and the platform.
 */
export function holderSubject(
  kind: HolderKind,
  id: string,
  name: string,
  organisation: string,
): Record<string, string[]>[] {
  return [{ CN: [name] }, { OU: [kind] }, { [UID_OID]: [id] }, { O: [organisation] }];
}
