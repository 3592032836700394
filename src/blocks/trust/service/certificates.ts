import crypto from 'node:crypto';
import { sql } from 'kysely';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { EVERY_KEY } from '../../../platform/db/change-cache.js';
import type { Database } from '../../../platform/db/database.js';
import {
  holderSubject,
  isHolderKind,
  isRevocationReason,
  type HolderKind,
  type RevocationReason,
} from '../domain/holder.js';
import { currentAuthority, randomSerial } from './authority.js';
import {
  auditInTransaction,
  inTransaction,
  verificationChanges,
  type TrustContext,
} from './deps.js';
import { ED25519, x509 } from './x509.js';

export interface NewCertificate {
  holderKind: HolderKind;
  /** The holder's id in its own register (agency id, person id, bridge member id). */
  holderId: string;
  /** As printed in the certificate and on verification pages (an agency's or a person's name). */
  holderName: string;
  /** Days of validity from now; 730 (two years) when omitted. */
  validDays?: number;
}

export type CertificateStatus = 'valid' | 'revoked' | 'expired';

export interface CertificateView {
  id: string;
  serial: string;
  holderKind: HolderKind;
  holderId: string;
  holderName: string;
  notBefore: Date;
  notAfter: Date;
  issuedAt: Date;
  status: CertificateStatus;
  revocation: { reason: RevocationReason; revokedAt: Date } | null;
  pem: string;
}

/** The sealed key's additional data: a holder key opens only in its own certificate's row. */
export const holderKeyLabel = (serial: string) => `trust_certificate:${serial}`;

const DEFAULT_VALID_DAYS = 730;
const MAX_VALID_DAYS = 3650;

/**
 * Issues a signing certificate to a holder: the platform generates the holder's Ed25519 key pair,
 * the deployment CA signs a certificate (subject CN = name, OU = kind, UID = id; key usage
 * digitalSignature and nonRepudiation), the private key is sealed and stored with it. Audited as
 * `trust.certificate-issue`. Who may ask for a certificate is the caller's rule (an administrator,
 * or an app enrolling its notaries).
 *
 * Outcomes: the new certificate; throws DomainError TRUST_CERTIFICATE_INVALID (400) naming each
 * bad field (TRUST_HOLDER_KIND_INVALID, TRUST_HOLDER_ID_INVALID, TRUST_HOLDER_NAME_INVALID,
 * TRUST_VALIDITY_INVALID); nothing is written then.
 */
export async function issueCertificate(
  context: TrustContext,
  input: NewCertificate,
): Promise<CertificateView> {
  checkNewCertificate(input);
  const { deps } = context;
  const authority = await currentAuthority(deps);
  const now = deps.now();
  // X.509 times have whole seconds: the stored bounds are the certificate's own, so the signing
  // check and verification never disagree about the last fraction of a second.
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const notAfter = new Date(
    notBefore.getTime() + (input.validDays ?? DEFAULT_VALID_DAYS) * 86_400_000,
  );
  const pair = crypto.generateKeyPairSync('ed25519');
  const serial = randomSerial(deps);
  const publicKey = await globalThis.crypto.subtle.importKey(
    'spki',
    pair.publicKey.export({ type: 'spki', format: 'der' }),
    ED25519,
    true,
    ['verify'],
  );
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: new x509.Name(
      holderSubject(input.holderKind, input.holderId, input.holderName.trim(), deps.organisation),
    ),
    issuer: authority.certificate.subject,
    notBefore,
    notAfter,
    publicKey,
    signingKey: authority.privateKey,
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      await x509.AuthorityKeyIdentifierExtension.create(authority.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  return inTransaction(context, async (trx) => {
    const row = await trx
      .insertInto('trust_certificate')
      .values({
        authority_id: authority.id,
        serial,
        holder_kind: input.holderKind,
        holder_id: input.holderId,
        holder_name: input.holderName.trim(),
        certificate_pem: certificate.toString('pem'),
        sealed_private_key: deps.sealer.seal(pkcs8, holderKeyLabel(serial)),
        sealing_key_id: deps.sealer.keyId,
        not_before: notBefore,
        not_after: notAfter,
        issued_at: now,
        issued_by_account_id: context.actorAccountId,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await auditInTransaction(trx, now, {
      action: 'trust.certificate-issue',
      outcome: 'success',
      actorAccountId: context.actorAccountId,
      subject: row.id,
      details: { serial, holderKind: input.holderKind },
    });
    return {
      id: row.id,
      serial,
      holderKind: input.holderKind,
      holderId: input.holderId,
      holderName: input.holderName.trim(),
      notBefore,
      notAfter,
      issuedAt: now,
      status: 'valid',
      revocation: null,
      pem: certificate.toString('pem'),
    };
  });
}

function checkNewCertificate(input: NewCertificate): void {
  const problems: FieldProblem[] = [];
  if (typeof input.holderKind !== 'string' || !isHolderKind(input.holderKind))
    problems.push({ field: 'holderKind', code: 'TRUST_HOLDER_KIND_INVALID' });
  if (
    typeof input.holderId !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(input.holderId)
  )
    problems.push({ field: 'holderId', code: 'TRUST_HOLDER_ID_INVALID' });
  if (
    typeof input.holderName !== 'string' ||
    input.holderName.trim().length < 1 ||
    input.holderName.length > 300 ||
    /\d{10,}/.test(input.holderName)
  )
    problems.push({ field: 'holderName', code: 'TRUST_HOLDER_NAME_INVALID' });
  if (
    input.validDays !== undefined &&
    (!Number.isInteger(input.validDays) || input.validDays < 1 || input.validDays > MAX_VALID_DAYS)
  )
    problems.push({ field: 'validDays', code: 'TRUST_VALIDITY_INVALID' });
  if (problems.length > 0) throw new DomainError('TRUST_CERTIFICATE_INVALID', 400, {}, problems);
}

/**
 * Revokes a certificate, with an RFC 5280 reason, from now on. Audited as
 * `trust.certificate-revoke` in the same transaction; the next CRL lists it.
 *
 * Outcomes: the certificate, now revoked; throws DomainError TRUST_CERTIFICATE_NOT_FOUND (404),
 * TRUST_REVOCATION_REASON_INVALID (400), TRUST_NOTE_INVALID (400) or
 * TRUST_CERTIFICATE_ALREADY_REVOKED (409); nothing is written then.
 */
export async function revokeCertificate(
  context: TrustContext,
  input: { certificateId: string; reason: RevocationReason; note?: string },
): Promise<CertificateView> {
  if (typeof input.reason !== 'string' || !isRevocationReason(input.reason))
    throw new DomainError('TRUST_REVOCATION_REASON_INVALID', 400);
  if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > 1000))
    throw new DomainError('TRUST_NOTE_INVALID', 400);
  const { deps } = context;
  const now = deps.now();
  const view = await verificationChanges(context, async (trx, changed) => {
    const found = await findCertificate(trx, input.certificateId, { forUpdate: true });
    if (!found) throw new DomainError('TRUST_CERTIFICATE_NOT_FOUND', 404);
    if (found.revocation) throw new DomainError('TRUST_CERTIFICATE_ALREADY_REVOKED', 409);
    // Every document this certificate signed may now verify otherwise; they are not listed.
    await changed(EVERY_KEY);
    await trx
      .insertInto('trust_certificate_revocation')
      .values({
        certificate_id: found.id,
        reason: input.reason,
        revoked_at: now,
        revoked_by_account_id: context.actorAccountId,
        note: input.note?.trim() || null,
      })
      .execute();
    await auditInTransaction(trx, now, {
      action: 'trust.certificate-revoke',
      outcome: 'success',
      actorAccountId: context.actorAccountId,
      subject: found.id,
      details: { serial: found.serial, reason: input.reason },
    });
    return {
      ...found,
      status: 'revoked' as const,
      revocation: { reason: input.reason, revokedAt: now },
    };
  });
  deps.caches.crl = null;
  return view;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A certificate by id, with its status at `now` (default: the current time).
 *
 * Outcomes: the certificate; undefined when there is none (or the id is malformed).
 */
export async function findCertificate(
  db: Database,
  id: string,
  options: { forUpdate?: boolean; now?: Date } = {},
): Promise<CertificateView | undefined> {
  if (!UUID.test(id)) return undefined;
  if (options.forUpdate)
    await sql`select 1 from trust_certificate where id = ${id} for update`.execute(db);
  const rows = await certificateQuery(db).where('c.id', '=', id).execute();
  const row = rows[0];
  return row ? toView(row, options.now ?? new Date()) : undefined;
}

/**
 * The certificates of one holder, newest first, each with its status at `now`.
 *
 * Outcomes: the list (empty when the holder has none).
 */
export async function listHolderCertificates(
  db: Database,
  holder: { kind: HolderKind; id: string },
  now: Date,
): Promise<CertificateView[]> {
  const rows = await certificateQuery(db)
    .where('c.holder_kind', '=', holder.kind)
    .where('c.holder_id', '=', holder.id)
    .orderBy('c.issued_at', 'desc')
    .execute();
  return rows.map((row) => toView(row, now));
}

/**
 * The certificate a holder signs with now: its newest one that is neither revoked nor expired.
 *
 * Outcomes: the certificate; undefined when the holder has none in force.
 */
export async function findSigningCertificate(
  db: Database,
  holder: { kind: HolderKind; id: string },
  now: Date,
): Promise<CertificateView | undefined> {
  const all = await listHolderCertificates(db, holder, now);
  return all.find((certificate) => certificate.status === 'valid' && certificate.notBefore <= now);
}

function certificateQuery(db: Database) {
  return db
    .selectFrom('trust_certificate as c')
    .leftJoin('trust_certificate_revocation as r', 'r.certificate_id', 'c.id')
    .select([
      'c.id',
      'c.serial',
      'c.holder_kind',
      'c.holder_id',
      'c.holder_name',
      'c.certificate_pem',
      'c.not_before',
      'c.not_after',
      'c.issued_at',
      'r.reason',
      'r.revoked_at',
    ]);
}

type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificateQuery>['execute']>>[number];

function toView(row: CertificateRow, now: Date): CertificateView {
  const revocation =
    row.reason && row.revoked_at
      ? { reason: row.reason as RevocationReason, revokedAt: row.revoked_at }
      : null;
  return {
    id: row.id,
    serial: row.serial,
    holderKind: row.holder_kind as HolderKind,
    holderId: row.holder_id,
    holderName: row.holder_name,
    notBefore: row.not_before,
    notAfter: row.not_after,
    issuedAt: row.issued_at,
    status: revocation ? 'revoked' : row.not_after <= now ? 'expired' : 'valid',
    revocation,
    pem: row.certificate_pem,
  };
}
