import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import {
  parseStatement,
  type DocumentStatement,
  type LocalisedText,
  type SummaryItem,
} from '../domain/document-statement.js';
import { documentStatus, type DocumentStatus } from '../domain/document-status.js';
import type { RevocationReason } from '../domain/holder.js';
import { normaliseVerificationCode } from '../domain/verification-code.js';
import { checkCertificate, type CheckedCertificate } from './certificate-check.js';
import type { TrustDeps } from './deps.js';

/** What a verifier may be told about a document: never a personal identifier. */
export interface DocumentVerification {
  status: DocumentStatus;
  /** Present unless the status is `unknown` or `tampered` (then nothing stored can be trusted). */
  document?: {
    id: string;
    kind: string;
    title: LocalisedText;
    summary: SummaryItem[];
    registerNumber: string | null;
    issuedAt: Date;
    issuerName: string;
    issuerKind: string;
    certificateSerial: string;
    /** When the certificate was revoked, if it was (after signing, for a valid document). */
    certificateRevokedAt: Date | null;
    withdrawnAt: Date | null;
  };
}

/** Where a verification came from, as recorded in the document's audit trail. */
export type VerificationChannel = 'page' | 'form' | 'api' | 'internal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Re-checks a stored document from scratch: the signature over the stored canonical statement
 * with the certificate's key, the statement against the stored columns, the certificate's chain
 * to the deployment CA and its validity at signing time, revocation (see documentStatus for the
 * rule) and withdrawal. Does not record anything: see verifyByCode for public verification.
 *
 * Outcomes: the verification; status `unknown` when no document has this id.
 */
export async function verifyDocument(
  deps: TrustDeps,
  documentId: string,
): Promise<DocumentVerification> {
  if (!UUID.test(documentId)) return { status: 'unknown' };
  return verifyWhere(deps, deps.db, 'id', documentId);
}

/**
 * Public verification by the code printed on a document, or by its register number, as a person
 * types either: looked up, verified (as verifyDocument) and recorded in the audit log as
 * `trust.document-verify` with the document as subject (an unknown code is recorded without one).
 * The outcome for a code is kept per process until a withdrawal or revocation is announced (see
 * TrustCaches.verifications); the audit entry is not waited for (see VerificationAudit).
 *
 * Outcomes: the verification; status `unknown` when nothing matches.
 */
export async function verifyByCode(
  deps: TrustDeps,
  typed: string,
  caller: {
    actorAccountId: string | null;
    channel: VerificationChannel;
    alsoRegisterNumber?: boolean;
  },
): Promise<DocumentVerification> {
  const code = normaliseVerificationCode(typed);
  let result: Found = { status: 'unknown' };
  if (code) result = await verifyCode(deps, code);
  const number = typed.trim();
  if (
    result.status === 'unknown' &&
    caller.alsoRegisterNumber &&
    number.length > 0 &&
    number.length <= 100
  )
    result = await verifyWhere(deps, deps.db, 'register_number', number);
  await deps.verificationAudit.record({
    action: 'trust.document-verify',
    outcome: result.status === 'unknown' ? 'failure' : 'success',
    actorAccountId: caller.actorAccountId,
    subject: result.document?.id ?? result.documentId ?? null,
    details: { status: result.status, channel: caller.channel },
  });
  return publicPart(result);
}

/** What verifying a code found: the public part, and the document's id even when tampered. */
export type Found = DocumentVerification & { documentId?: string };

// Thrown by the cache's load for an unknown code, so that it is not kept: a cache of every code
// anybody typed would fill with guesses (and a document issued later must be found at once).
const UNKNOWN = Symbol('unknown verification code');

/** verifyWhere by code, through the per-process cache of outcomes. */
async function verifyCode(deps: TrustDeps, code: string): Promise<Found> {
  try {
    return await deps.caches.verifications.get(code, async () => {
      const found = await verifyWhere(deps, deps.db, 'verification_code', code);
      if (found.status === 'unknown') throw UNKNOWN;
      return found;
    });
  } catch (error) {
    if (error === UNKNOWN) return { status: 'unknown' };
    throw error;
  }
}

interface VerificationRow {
  id: string;
  kind: string;
  register_number: string | null;
  issued_at: Date;
  subject_person_ids: string[];
  statement: string;
  signature: Buffer;
  serial: string;
  holder_kind: string;
  holder_name: string;
  authority_id: string;
  certificate_pem: string;
  reason: string | null;
  revoked_at: Date | null;
  withdrawn_at: Date | null;
}

const publicPart = ({ status, document }: Found): DocumentVerification =>
  document ? { status, document } : { status };

async function verifyWhere(
  deps: TrustDeps,
  db: Database,
  column: 'id' | 'verification_code' | 'register_number',
  value: string,
): Promise<Found> {
  // Written as SQL rather than built: this is the hot path of public verification, and a
  // query builder's compile step would cost more than the signature check.
  const found = await sql<VerificationRow>`
    select d.id, d.kind, d.register_number, d.issued_at, d.subject_person_ids, d.statement,
           d.signature, c.serial, c.holder_kind, c.holder_name, c.authority_id, c.certificate_pem,
           r.reason, r.revoked_at, w.withdrawn_at
    from trust_document d
    join trust_certificate c on c.id = d.certificate_id
    left join trust_certificate_revocation r on r.certificate_id = c.id
    left join trust_document_withdrawal w on w.document_id = d.id
    where ${sql.ref(`d.${column}`)} = ${value}`.execute(db);
  const row = found.rows[0];
  if (!row) return { status: 'unknown' };

  const certificate = await checkCertificate(deps, row.certificate_pem, row.authority_id);
  const { statement, signatureValid } = checkSignature(deps, row, certificate);
  const intact = statement !== undefined && agrees(statement, row, certificate);
  const issuedAt = row.issued_at;
  const revocation =
    row.reason && row.revoked_at
      ? { at: row.revoked_at, reason: row.reason as RevocationReason }
      : null;
  const status = documentStatus({
    signatureValid,
    statementIntact: intact,
    chainValid: certificate.chainValid,
    withinValidity: certificate.notBefore <= issuedAt && issuedAt < certificate.notAfter,
    issuedAt,
    revocation,
    withdrawn: row.withdrawn_at !== null,
  });
  if (status === 'tampered' || !statement) return { status: 'tampered', documentId: row.id };
  return {
    status,
    document: {
      id: statement.id,
      kind: statement.kind,
      title: statement.title,
      summary: statement.summary,
      registerNumber: statement.registerNumber,
      issuedAt,
      issuerName: statement.issuer.name,
      issuerKind: statement.issuer.kind,
      certificateSerial: statement.issuer.certificateSerial,
      certificateRevokedAt: row.revoked_at,
      withdrawnAt: row.withdrawn_at,
    },
  };
}

/** What a stored document's statement and signature were found to be (see checkSignature). */
export interface CheckedSignature {
  /** The statement, when its text is the canonical form of a version-1 statement. */
  statement: DocumentStatement | undefined;
  signatureValid: boolean;
}

const MAX_CACHED_SIGNATURES = 20_000;

/**
 * Parses the stored statement and checks its signature with the certificate's key. A document
 * never changes once signed, so the answer is kept, keyed by the SHA-256 of every byte it
 * depends on (certificate, statement, signature): a byte changed in the database makes another
 * key and is checked afresh. What can change (revocation, withdrawal, the row's columns) is
 * never cached: the caller checks it on every verification.
 */
function checkSignature(
  deps: TrustDeps,
  row: { statement: string; signature: Buffer; certificate_pem: string },
  certificate: CheckedCertificate,
): CheckedSignature {
  const key = crypto
    .createHash('sha256')
    .update(row.certificate_pem)
    .update('\0')
    .update(row.statement)
    .update('\0')
    .update(row.signature)
    .digest('base64');
  const cache = deps.caches.signatures;
  const cached = cache.get(key);
  if (cached) return cached;
  const checked: CheckedSignature = {
    statement: parseStatement(row.statement),
    signatureValid:
      certificate.publicKey !== null &&
      crypto.verify(null, Buffer.from(row.statement, 'utf8'), certificate.publicKey, row.signature),
  };
  // The oldest entry goes first (a Map keeps insertion order).
  if (cache.size >= MAX_CACHED_SIGNATURES) cache.delete(cache.keys().next().value!);
  cache.set(key, checked);
  return checked;
}

/** The signed statement says what the row and its certificate say (nothing was swapped). */
function agrees(
  statement: DocumentStatement,
  row: {
    id: string;
    kind: string;
    register_number: string | null;
    issued_at: Date;
    subject_person_ids: string[];
    serial: string;
    holder_kind: string;
    holder_name: string;
  },
  certificate: { serial: string; holderName: string; holderKind: string },
): boolean {
  return (
    statement.id === row.id &&
    statement.kind === row.kind &&
    statement.registerNumber === row.register_number &&
    statement.issuedAt === row.issued_at.toISOString() &&
    statement.subjectPersonIds.length === row.subject_person_ids.length &&
    statement.subjectPersonIds.every((id, index) => id === row.subject_person_ids[index]) &&
    statement.issuer.certificateSerial === row.serial &&
    statement.issuer.certificateSerial === certificate.serial &&
    statement.issuer.name === row.holder_name &&
    statement.issuer.name === certificate.holderName &&
    statement.issuer.kind === row.holder_kind &&
    statement.issuer.kind === certificate.holderKind
  );
}
