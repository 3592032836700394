import crypto, { type KeyObject } from 'node:crypto';
import { UID_OID } from '../domain/holder.js';
import { authorityById } from './authority.js';
import type { TrustDeps } from './deps.js';
import { x509 } from './x509.js';

/** What a stored certificate says once its chain has been checked (cached per PEM). */
export interface CheckedCertificate {
  /** Issued by the deployment CA that the row names, and its signature verifies. */
  chainValid: boolean;
  serial: string;
  holderName: string;
  holderKind: string;
  holderId: string;
  notBefore: Date;
  notAfter: Date;
  /** The holder's public key, for Node's fast Ed25519 verify. */
  publicKey: KeyObject | null;
}

const MAX_CACHED = 10_000;

/**
 * Parses a stored certificate and checks it against the CA the row names: issuer name, CA
 * signature, key usage. Certificates never change once issued, so the answer is cached by the
 * PEM's hash; a PEM altered in the database hashes differently and is checked afresh (and fails).
 *
 * Outcomes: the facts; `chainValid: false` for anything unparsable or not issued by that CA.
 */
export async function checkCertificate(
  deps: TrustDeps,
  pem: string,
  authorityId: string,
): Promise<CheckedCertificate> {
  const cacheKey = crypto.hash('sha256', `${authorityId}\n${pem}`, 'hex');
  const cached = deps.caches.certificates.get(cacheKey);
  if (cached) return cached;
  const checked = await check(deps, pem, authorityId);
  if (deps.caches.certificates.size >= MAX_CACHED) deps.caches.certificates.clear();
  deps.caches.certificates.set(cacheKey, checked);
  return checked;
}

async function check(
  deps: TrustDeps,
  pem: string,
  authorityId: string,
): Promise<CheckedCertificate> {
  const broken: CheckedCertificate = {
    chainValid: false,
    serial: '',
    holderName: '',
    holderKind: '',
    holderId: '',
    notBefore: new Date(0),
    notAfter: new Date(0),
    publicKey: null,
  };
  let certificate: x509.X509Certificate;
  try {
    certificate = new x509.X509Certificate(pem);
  } catch {
    return broken;
  }
  const authority = await authorityById(deps, authorityId);
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  const signedByCa =
    authority !== undefined &&
    certificate.issuer === authority.certificate.subject &&
    (await certificate
      .verify({ publicKey: authority.publicKey, signatureOnly: true })
      .catch(() => false));
  const field = (name: string) => certificate.subjectName.getField(name)[0] ?? '';
  let publicKey: KeyObject | null = null;
  try {
    publicKey = crypto.createPublicKey({
      key: Buffer.from(certificate.publicKey.rawData),
      format: 'der',
      type: 'spki',
    });
  } catch {
    publicKey = null;
  }
  return {
    chainValid:
      signedByCa &&
      publicKey?.asymmetricKeyType === 'ed25519' &&
      usage !== null &&
      (usage.usages & x509.KeyUsageFlags.digitalSignature) !== 0,
    serial: certificate.serialNumber,
    holderName: field('CN'),
    holderKind: field('OU'),
    holderId: field(UID_OID),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    publicKey,
  };
}
