import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string, never>;

export interface TrustAuthorityTable {
  id: Generated<string>;
  serial: string;
  subject: string;
  certificate_pem: string;
  sealed_private_key: Buffer;
  sealing_key_id: string;
  not_before: Instant;
  not_after: Instant;
  created_at: Instant;
}

export interface TrustCertificateTable {
  id: Generated<string>;
  authority_id: string;
  serial: string;
  holder_kind: string;
  holder_id: string;
  holder_name: string;
  certificate_pem: string;
  sealed_private_key: Buffer;
  sealing_key_id: string;
  not_before: Instant;
  not_after: Instant;
  issued_at: Instant;
  issued_by_account_id: string | null;
}

export interface TrustCertificateRevocationTable {
  certificate_id: string;
  reason: string;
  revoked_at: Instant;
  revoked_by_account_id: string | null;
  note: string | null;
}

export interface TrustDocumentTable {
  id: string;
  verification_code: string;
  register_number: string | null;
  kind: string;
  certificate_id: string;
  issued_at: Instant;
  issued_by_account_id: string | null;
  subject_person_ids: string[];
  statement: string;
  signature: Buffer;
}

export interface TrustDocumentWithdrawalTable {
  document_id: string;
  reason: string;
  withdrawn_at: Instant;
  withdrawn_by_account_id: string | null;
}

export interface TrustLedgerTable {
  name: string;
  created_at: Instant;
}

export interface TrustLedgerEntryTable {
  ledger: string;
  seq: number;
  at: Instant;
  kind: string;
  actor: string | null;
  subject: string | null;
  entry: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: Buffer;
  hash: Buffer;
}

export interface TrustLedgerCheckpointTable {
  ledger: string;
  seq: number;
  hash: Buffer;
  signed_at: Instant;
  key_id: string;
  signature: Buffer;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    trust_authority: TrustAuthorityTable;
    trust_certificate: TrustCertificateTable;
    trust_certificate_revocation: TrustCertificateRevocationTable;
    trust_document: TrustDocumentTable;
    trust_document_withdrawal: TrustDocumentWithdrawalTable;
    trust_ledger: TrustLedgerTable;
    trust_ledger_entry: TrustLedgerEntryTable;
    trust_ledger_checkpoint: TrustLedgerCheckpointTable;
  }
}
