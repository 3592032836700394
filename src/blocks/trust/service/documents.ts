import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { buildStatement, checkDraft, type DocumentDraft } from '../domain/document-statement.js';
import { verificationCodeFrom } from '../domain/verification-code.js';
import { holderKeyLabel } from './certificates.js';
import {
  auditInTransaction,
  inTransaction,
  isUniqueViolation,
  verificationChanges,
  type TrustContext,
  type TrustDeps,
} from './deps.js';

export interface NewDocument extends DocumentDraft {
  /** The certificate whose holder signs (see findSigningCertificate). */
  issuerCertificateId: string;
}

export interface IssuedDocument {
  id: string;
  /** Opaque code printed on the document; opens its public verification page. */
  verificationCode: string;
  /** PUBLIC_BASE_URL/verify/<code>: what the QR code holds. */
  verificationUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The public verification address of a code. */
export const verificationUrl = (deps: TrustDeps, code: string) =>
  `${deps.publicBaseUrl}/verify/${code}`;

/**
 * Issues a signed document: checks the draft, builds the statement (document id, kind, title,
 * content, summary, register number, subjects, signing time, issuer), canonicalises it with
 * RFC 8785, signs it detached with the issuer certificate's key (Ed25519) and stores statement,
 * signature and certificate with a fresh verification code; audited as `trust.document-issue`.
 * The caller decides who may sign with which certificate (e.g. a notary with their own).
 *
 * Outcomes: the id, verification code and URL; throws DomainError TRUST_DOCUMENT_INVALID (400,
 * with field problems), TRUST_CERTIFICATE_NOT_FOUND (404), TRUST_CERTIFICATE_REVOKED (409),
 * TRUST_CERTIFICATE_EXPIRED (409) or TRUST_REGISTER_NUMBER_TAKEN (409); nothing is written then.
 */
export async function issueDocument(
  context: TrustContext,
  input: NewDocument,
): Promise<IssuedDocument> {
  const { deps } = context;
  checkDraft(input, (code) => deps.catalogue.has(code));
  if (typeof input.issuerCertificateId !== 'string' || !UUID.test(input.issuerCertificateId))
    throw new DomainError('TRUST_CERTIFICATE_NOT_FOUND', 404);
  try {
    return await inTransaction(context, async (trx) => {
      const certificate = await trx
        .selectFrom('trust_certificate as c')
        .leftJoin('trust_certificate_revocation as r', 'r.certificate_id', 'c.id')
        .select([
          'c.id',
          'c.serial',
          'c.holder_kind',
          'c.holder_name',
          'c.sealed_private_key',
          'c.not_before',
          'c.not_after',
          'r.revoked_at',
        ])
        .where('c.id', '=', input.issuerCertificateId)
        .executeTakeFirst();
      if (!certificate) throw new DomainError('TRUST_CERTIFICATE_NOT_FOUND', 404);
      // The signing time is the transaction's: a revocation committed before it is seen.
      const now = deps.now();
      if (certificate.revoked_at) throw new DomainError('TRUST_CERTIFICATE_REVOKED', 409);
      if (certificate.not_after <= now || certificate.not_before > now)
        throw new DomainError('TRUST_CERTIFICATE_EXPIRED', 409);

      if (input.registerNumber != null) {
        const taken = await trx
          .selectFrom('trust_document')
          .select('id')
          .where('register_number', '=', input.registerNumber)
          .executeTakeFirst();
        if (taken) throw new DomainError('TRUST_REGISTER_NUMBER_TAKEN', 409);
      }
      const id = crypto.randomUUID();
      const issuedAt = new Date(now.getTime());
      const { text } = buildStatement(input, {
        id,
        issuedAt: issuedAt.toISOString(),
        issuer: {
          certificateSerial: certificate.serial,
          name: certificate.holder_name,
          kind: certificate.holder_kind,
        },
      });
      const privateKey = crypto.createPrivateKey({
        key: deps.sealer.open(certificate.sealed_private_key, holderKeyLabel(certificate.serial)),
        format: 'der',
        type: 'pkcs8',
      });
      const signature = crypto.sign(null, Buffer.from(text, 'utf8'), privateKey);
      const code = verificationCodeFrom(deps.random(13));
      await trx
        .insertInto('trust_document')
        .values({
          id,
          verification_code: code,
          register_number: input.registerNumber ?? null,
          kind: input.kind,
          certificate_id: certificate.id,
          issued_at: issuedAt,
          issued_by_account_id: context.actorAccountId,
          subject_person_ids: [...(input.subjectPersonIds ?? [])],
          statement: text,
          signature,
        })
        .execute();
      await auditInTransaction(trx, now, {
        action: 'trust.document-issue',
        outcome: 'success',
        actorAccountId: context.actorAccountId,
        subject: id,
        details: { kind: input.kind, certificateSerial: certificate.serial },
      });
      return { id, verificationCode: code, verificationUrl: verificationUrl(deps, code) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('TRUST_REGISTER_NUMBER_TAKEN', 409);
    throw error;
  }
}

/**
 * Withdraws a document (annulled, replaced): verification reports it `withdrawn` from then on.
 * Audited as `trust.document-withdraw`. Who may withdraw is the issuing app's rule.
 *
 * Outcomes: nothing; throws DomainError TRUST_DOCUMENT_NOT_FOUND (404), TRUST_REASON_INVALID
 * (400) or TRUST_DOCUMENT_ALREADY_WITHDRAWN (409); nothing is written then.
 */
export async function withdrawDocument(
  context: TrustContext,
  input: { documentId: string; reason: string },
): Promise<void> {
  if (typeof input.reason !== 'string' || !input.reason.trim() || input.reason.length > 1000)
    throw new DomainError('TRUST_REASON_INVALID', 400);
  if (typeof input.documentId !== 'string' || !UUID.test(input.documentId))
    throw new DomainError('TRUST_DOCUMENT_NOT_FOUND', 404);
  const now = context.deps.now();
  await verificationChanges(context, async (trx, changed) => {
    const found = await sql<{
      verification_code: string;
      withdrawn: boolean;
    }>`select d.verification_code, exists (select 1 from trust_document_withdrawal w
        where w.document_id = d.id) as withdrawn from trust_document d where d.id = ${input.documentId}
        for update`.execute(trx);
    const row = found.rows[0];
    if (!row) throw new DomainError('TRUST_DOCUMENT_NOT_FOUND', 404);
    if (row.withdrawn) throw new DomainError('TRUST_DOCUMENT_ALREADY_WITHDRAWN', 409);
    await changed(row.verification_code);
    await trx
      .insertInto('trust_document_withdrawal')
      .values({
        document_id: input.documentId,
        reason: input.reason.trim(),
        withdrawn_at: now,
        withdrawn_by_account_id: context.actorAccountId,
      })
      .execute();
    await auditInTransaction(trx, now, {
      action: 'trust.document-withdraw',
      outcome: 'success',
      actorAccountId: context.actorAccountId,
      subject: input.documentId,
      details: {},
    });
  });
}

/** The stored document as its issuer and subjects may read it (never shown publicly). */
export interface StoredDocument {
  id: string;
  verificationCode: string;
  registerNumber: string | null;
  kind: string;
  issuedAt: Date;
  issuedByAccountId: string | null;
  subjectPersonIds: string[];
  statement: string;
  signature: Buffer;
  certificateId: string;
}

/**
 * A stored document by id.
 *
 * Outcomes: the document; undefined when there is none (or the id is malformed).
 */
export async function findDocument(db: Database, id: string): Promise<StoredDocument | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db
    .selectFrom('trust_document')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        verificationCode: row.verification_code,
        registerNumber: row.register_number,
        kind: row.kind,
        issuedAt: row.issued_at,
        issuedByAccountId: row.issued_by_account_id,
        subjectPersonIds: row.subject_person_ids,
        statement: row.statement,
        signature: row.signature,
        certificateId: row.certificate_id,
      }
    : undefined;
}

/**
 * Who may download a document's PDF: the account that issued it, the people it is about, and
 * administrators. Anyone else (the public included) verifies it by its code instead.
 */
export function mayDownload(document: StoredDocument, principal: Principal): boolean {
  return (
    document.issuedByAccountId === principal.accountId ||
    document.subjectPersonIds.includes(principal.personId) ||
    principal.roles.includes('admin')
  );
}
