/**
 * The trust block's public API: the deployment CA and signing certificates, signed documents
 * with public verification, and hash-chained ledgers of legal registers. Apps and blocks import
 * from here only.
 */
export { trustMessages } from './messages.js';
export { trustMigrations } from './migrations/index.js';
export { trustPlugin, type TrustPluginOptions } from './trust-plugin.js';
export { ledgerVerifyCommand, type LedgerVerifyOptions } from './cli/ledger-verify-command.js';

export { createTrustDeps, type TrustContext, type TrustDeps } from './service/deps.js';
export {
  findCertificate,
  findSigningCertificate,
  issueCertificate,
  listHolderCertificates,
  revokeCertificate,
  type CertificateStatus,
  type CertificateView,
  type NewCertificate,
} from './service/certificates.js';
export { authorityPem, currentCrl } from './service/crl.js';
export {
  findDocument,
  issueDocument,
  mayDownload,
  verificationUrl,
  withdrawDocument,
  type IssuedDocument,
  type NewDocument,
  type StoredDocument,
} from './service/documents.js';
export {
  verifyByCode,
  verifyDocument,
  type DocumentVerification,
  type VerificationChannel,
} from './service/verification.js';
export { renderDocumentPdf, type PdfInput } from './service/pdf.js';
export {
  appendToLedger,
  checkpointLedgers,
  verifyLedger,
  type AppendedEntry,
  type LedgerCheckpoint,
  type LedgerEntry,
} from './service/ledger.js';

export type { HolderKind, RevocationReason } from './domain/holder.js';
export { HOLDER_KINDS, REVOCATION_REASONS } from './domain/holder.js';
export type { DocumentStatus } from './domain/document-status.js';
export type {
  DocumentDraft,
  DocumentStatement,
  LocalisedText,
  SummaryItem,
} from './domain/document-statement.js';
export { canonicalJson } from '../../platform/crypto/canonical-json.js';
export { displayVerificationCode } from './domain/verification-code.js';
