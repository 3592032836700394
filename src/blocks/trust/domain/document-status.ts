import type { RevocationReason } from './holder.js';

export type DocumentStatus = 'valid' | 'revoked' | 'withdrawn' | 'tampered' | 'unknown';

/** What verification found out about a stored document, before it is judged. */
export interface DocumentFacts {
  /** The signature verifies over the stored statement with the certificate's key. */
  signatureValid: boolean;
  /** The stored statement is canonical and agrees with the document's columns. */
  statementIntact: boolean;
  /** The certificate was signed by the deployment CA and names the statement's issuer. */
  chainValid: boolean;
  /** The document's signing time lies within the certificate's validity period. */
  withinValidity: boolean;
  issuedAt: Date;
  revocation: { at: Date; reason: RevocationReason } | null;
  withdrawn: boolean;
}

/**
 * The status of a document, in this order: any broken check is `tampered` (nothing it says can be
 * trusted); then `withdrawn` by its issuer; then `revoked` when the certificate was revoked at or
 * before the signing time, or for a key compromise at any time (the key may have signed things
 * that are not what they seem, so no signature by it is relied on); otherwise `valid`, even if
 * the certificate was revoked for another reason after signing or has since expired: a signature
 * made while the certificate was good stays good (the signing time is the platform's own record,
 * itself part of the signed statement).
 */
export function documentStatus(facts: DocumentFacts): Exclude<DocumentStatus, 'unknown'> {
  if (!facts.signatureValid || !facts.statementIntact || !facts.chainValid || !facts.withinValidity)
    return 'tampered';
  if (facts.withdrawn) return 'withdrawn';
  const revocation = facts.revocation;
  if (
    revocation &&
    (revocation.reason === 'keyCompromise' || revocation.at.getTime() <= facts.issuedAt.getTime())
  )
    return 'revoked';
  return 'valid';
}
