import { sql } from 'kysely';
import { DomainError } from '../../../platform/errors.js';
import { auditInTransaction, type TrustDeps } from './deps.js';
import { ED25519, x509 } from './x509.js';

/** The deployment CA, opened: its certificate and its private key, ready to sign. */
export interface LoadedAuthority {
  id: string;
  serial: string;
  pem: string;
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

// One process creates the CA; another starting at the same moment waits and then loads it.
const AUTHORITY_LOCK_KEY = 7_160_010;
const CA_YEARS = 20;

/** The sealed key's additional data: a sealed key opens only in the row it was made for. */
export const authorityKeyLabel = (serial: string) => `trust_authority:${serial}`;

/**
 * The deployment's certificate authority, created on first use (a self-signed Ed25519 root,
 * valid 20 years, its private key sealed in trust_authority) and then cached for the process.
 *
 * Outcomes: the loaded CA; throws DomainError TRUST_AUTHORITY_UNUSABLE (500) when the stored CA
 * cannot be opened with this deployment's key (another DATA_DIR, or the row was altered).
 */
export function currentAuthority(deps: TrustDeps): Promise<LoadedAuthority> {
  deps.caches.current ??= loadOrCreate(deps).catch((error: unknown) => {
    deps.caches.current = null;
    throw error;
  });
  return deps.caches.current;
}

/**
 * A CA by its row id (a certificate names the CA that issued it), opened and checked once.
 *
 * Outcomes: the loaded CA; undefined when no such row exists; throws TRUST_AUTHORITY_UNUSABLE
 * when it cannot be opened.
 */
export async function authorityById(
  deps: TrustDeps,
  id: string,
): Promise<LoadedAuthority | undefined> {
  let pending = deps.caches.authorities.get(id);
  if (!pending) {
    pending = (async () => {
      const row = await deps.db
        .selectFrom('trust_authority')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new DomainError('TRUST_AUTHORITY_UNKNOWN', 404);
      return openAuthority(deps, row);
    })();
    deps.caches.authorities.set(id, pending);
    pending.catch(() => deps.caches.authorities.delete(id));
  }
  try {
    return await pending;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'TRUST_AUTHORITY_UNKNOWN') return undefined;
    throw error;
  }
}

async function loadOrCreate(deps: TrustDeps): Promise<LoadedAuthority> {
  const existing = await latestRow(deps);
  if (existing) return openAuthority(deps, existing);
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUTHORITY_LOCK_KEY})`.execute(trx);
    const raced = await trx
      .selectFrom('trust_authority')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (raced) return openAuthority(deps, raced);

    const now = deps.now();
    const keys = (await crypto.subtle.generateKey(ED25519, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const serial = randomSerial(deps);
    const notAfter = new Date(now);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_YEARS);
    const name = new x509.Name([
      { CN: [`${deps.organisation} Root CA`] },
      { O: [deps.organisation] },
    ]);
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serial,
      name,
      notBefore: now,
      notAfter,
      keys,
      signingAlgorithm: ED25519,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    const row = await trx
      .insertInto('trust_authority')
      .values({
        serial,
        subject: certificate.subject,
        certificate_pem: certificate.toString('pem'),
        sealed_private_key: deps.sealer.seal(pkcs8, authorityKeyLabel(serial)),
        sealing_key_id: deps.sealer.keyId,
        not_before: now,
        not_after: notAfter,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditInTransaction(trx, now, {
      action: 'trust.authority-create',
      outcome: 'success',
      actorAccountId: null,
      subject: row.id,
      details: { serial },
    });
    return openAuthority(deps, row);
  });
}

function latestRow(deps: TrustDeps) {
  return deps.db
    .selectFrom('trust_authority')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Opens a stored CA: unseals its private key (which fails if the row was altered or belongs to
 * another deployment key) and checks that key matches the certificate. A CA whose key opens is
 * one this deployment created: that, not the row itself, is why it is trusted.
 */
async function openAuthority(
  deps: TrustDeps,
  row: { id: string; serial: string; certificate_pem: string; sealed_private_key: Buffer },
): Promise<LoadedAuthority> {
  try {
    const pkcs8 = deps.sealer.open(row.sealed_private_key, authorityKeyLabel(row.serial));
    const privateKey = await crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(pkcs8),
      ED25519,
      false,
      ['sign'],
    );
    const certificate = new x509.X509Certificate(row.certificate_pem);
    const publicKey = await certificate.publicKey.export(ED25519, ['verify']);
    const probe = Buffer.from(`ortaq.trust.authority-probe:${row.serial}`);
    const signature = await crypto.subtle.sign(ED25519, privateKey, probe);
    const matches = await crypto.subtle.verify(ED25519, publicKey, signature, probe);
    const selfSigned = await certificate.verify({ publicKey, signatureOnly: true });
    if (!matches || !selfSigned || certificate.serialNumber !== row.serial)
      throw new Error('mismatch');
    return {
      id: row.id,
      serial: row.serial,
      pem: row.certificate_pem,
      certificate,
      privateKey,
      publicKey,
    };
  } catch {
    throw new DomainError('TRUST_AUTHORITY_UNUSABLE', 500);
  }
}

/**
 * A fresh serial number: 16 random bytes, as lower-case hex, with the first byte between 0x01
 * and 0x7f so the DER INTEGER is positive and keeps every byte (the stored text stays exact).
 */
export function randomSerial(deps: TrustDeps): string {
  const bytes = deps.random(16);
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x01;
  return bytes.toString('hex');
}
