import type { ColumnType, Generated } from 'kysely';

/** One entry of the hash-chained audit log (see canonical.ts for what is hashed). */
export interface AuditLogTable {
  seq: number;
  at: ColumnType<Date, Date | string, never>;
  action: string;
  outcome: 'success' | 'failure';
  actor: string | null;
  subject: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: Buffer;
  hash: Buffer;
}

/** A signed statement "the log's entry `seq` had hash `hash`". */
export interface AuditCheckpointTable {
  seq: number;
  hash: Buffer;
  signed_at: ColumnType<Date, Date | string, never>;
  key_id: string;
  signature: Buffer;
}

/** A read of a person's data, shown to that person unless sealed. */
export interface AccessRecordTable {
  id: Generated<string>;
  person_id: string;
  accessed_at: ColumnType<Date, Date | string, never>;
  accessor_account_id: string | null;
  accessor_name: string;
  accessor_organisation: string;
  purpose: string;
  legal_basis: string;
  fields: string[];
  source: string;
}

/** A decision that seals an access record (defers disclosure) or lifts the seal. */
export interface AccessSealDecisionTable {
  id: Generated<number>;
  access_record_id: string;
  sealed: boolean;
  legal_basis: string;
  decided_by_account_id: string | null;
  decided_at: ColumnType<Date, Date | string, never>;
}

declare module '../db/tables.js' {
  interface Tables {
    audit_log: AuditLogTable;
    audit_checkpoint: AuditCheckpointTable;
    access_record: AccessRecordTable;
    access_seal_decision: AccessSealDecisionTable;
  }
}
