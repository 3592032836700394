import { REVOCATION_REASON_CODES, type RevocationReason } from '../domain/holder.js';
import { currentAuthority } from './authority.js';
import type { TrustDeps } from './deps.js';
import { ED25519, x509 } from './x509.js';

// A CRL is re-signed at most this often, and at once after a revocation in this process.
const REUSE_MS = 60_000;
// Relying parties must fetch a new list within a day.
const NEXT_UPDATE_MS = 86_400_000;

/**
 * The current certificate revocation list of the deployment CA (X.509 v2 CRL, DER), signed by the
 * CA: every revoked certificate it issued with its revocation time and reason. Re-signed at most
 * once a minute (and after each revocation made by this process), so a public endpoint cannot be
 * used to make the CA sign without end.
 *
 * Outcomes: the DER bytes; throws only on a database or key error.
 */
export async function currentCrl(deps: TrustDeps): Promise<Buffer> {
  const now = deps.now();
  const cached = deps.caches.crl;
  if (cached && cached.until > now.getTime()) return cached.der;
  const authority = await currentAuthority(deps);
  const revoked = await deps.db
    .selectFrom('trust_certificate_revocation as r')
    .innerJoin('trust_certificate as c', 'c.id', 'r.certificate_id')
    .where('c.authority_id', '=', authority.id)
    .select(['c.serial', 'r.reason', 'r.revoked_at'])
    .orderBy('r.revoked_at')
    .execute();
  const crl = await x509.X509CrlGenerator.create({
    issuer: authority.certificate.subject,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + NEXT_UPDATE_MS),
    entries: revoked.map((row) => ({
      serialNumber: row.serial,
      revocationDate: row.revoked_at,
      reason: REVOCATION_REASON_CODES[row.reason as RevocationReason] as x509.X509CrlReason,
    })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(authority.publicKey)],
    signingKey: authority.privateKey,
    signingAlgorithm: ED25519,
  });
  const der = Buffer.from(crl.rawData);
  deps.caches.crl = { der, until: now.getTime() + REUSE_MS, revocations: revoked.length };
  return der;
}

/**
 * The CA certificate as PEM, for relying parties to import as a trust anchor.
 *
 * Outcomes: the PEM text (the CA is created on first use).
 */
export async function authorityPem(deps: TrustDeps): Promise<string> {
  return (await currentAuthority(deps)).pem;
}
