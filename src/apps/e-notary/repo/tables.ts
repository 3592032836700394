import type { ColumnType } from 'kysely';
import '../../../blocks/identity/repo/tables.js';

/** jsonb written as a JSON string, read as the value. */
type Json<T> = ColumnType<T, string, never>;
/** A `date` column: written as `YYYY-MM-DD`, read through to_char. */
type DateColumn = ColumnType<string, string, never>;

export interface ActTable {
  id: string;
  kind: string;
  notary_person_id: string;
  notary_iin: string;
  notary_licence: string;
  cadastral_number: string | null;
  draft: Json<Record<string, unknown>>;
  created_at: Date;
}

export interface ActPartyTable {
  act_id: string;
  position: number;
  role: string;
  party_kind: string;
  party_id: string;
  representative_iin: string | null;
  power_of_attorney: string | null;
}

export interface ActActionTable {
  act_id: string;
  seq: number;
  type: string;
  at: Date;
  actor_account_id: string | null;
  payload: Json<Record<string, unknown>>;
}

export interface RegisterCounterTable {
  register: string;
  licence: string;
  year: number;
  last: number;
}

export interface ActEntryTable {
  act_id: string;
  register_number: string;
  document_id: string;
  verification_code: string;
  signed_at: Date;
  ledger_seq: number;
}

export interface PowerOfAttorneyTable {
  register_number: string;
  principal_kind: string;
  principal_id: string;
  representative_iin: string;
  issued_on: DateColumn;
  valid_until: DateColumn;
  scope: Json<Record<string, unknown>>;
  created_at: Date;
}

export interface PoaRevocationTable {
  register_number: string;
  revoked_at: Date;
  reason: string;
  reason_text: string | null;
  requester: Json<Record<string, unknown>>;
  actor_account_id: string | null;
}

export interface WillTable {
  id: string;
  register_number: string;
  testator_iin: string;
  certified_by_iin: string;
  certified_at: Date;
  content_sha256: string;
  checks: Json<Record<string, unknown>>;
}

export interface InheritanceCaseTable {
  id: string;
  register_number: string;
  testator_iin: string;
  notary_iin: string;
  opened_on: DateColumn;
  acceptance_ends: DateColumn;
  opened_at: Date;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    enotary_act: ActTable;
    enotary_act_party: ActPartyTable;
    enotary_act_action: ActActionTable;
    enotary_register_counter: RegisterCounterTable;
    enotary_act_entry: ActEntryTable;
    enotary_power_of_attorney: PowerOfAttorneyTable;
    enotary_poa_revocation: PoaRevocationTable;
    enotary_will: WillTable;
    enotary_inheritance_case: InheritanceCaseTable;
  }
}
