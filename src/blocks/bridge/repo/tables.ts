import type { Generated } from 'kysely';

export interface ExchangeTable {
  seq: Generated<string>;
  id: string;
  received_at: Date;
  client: string;
  service: string;
  method: string;
  request_hash: Buffer;
  response_hash: Buffer | null;
  status: number;
  duration_ms: number | null;
}

export interface LogBatchTable {
  batch: string;
  gateway: string;
  tree_size: number;
  root: Buffer;
  sealed_at: Date;
  signature: Buffer;
  certificate_pem: string;
}

export interface LogLeafTable {
  exchange_seq: string;
  batch: string;
  leaf_index: number;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    bridge_exchange: ExchangeTable;
    bridge_log_batch: LogBatchTable;
    bridge_log_leaf: LogLeafTable;
  }
}

export interface MemberTable {
  id: Generated<string>;
  instance: string;
  member_class: string;
  member_code: string;
  name: string;
  registered_at: Date;
  registered_by_account_id: string | null;
}

export interface MemberManagerTable {
  member_id: string;
  account_id: string;
  added_at: Date;
}

export interface SubsystemTable {
  id: Generated<string>;
  member_id: string;
  code: string;
  added_at: Date;
}

export interface PassportTable {
  id: Generated<string>;
  subsystem_id: string;
  service_code: string;
  created_at: Date;
}

export interface PassportVersionTable {
  passport_id: string;
  version: number;
  purpose: string;
  legal_basis: string;
  data_classes: string[];
  openapi: unknown;
  base_url: string;
  rate_per_second: number;
  max_body_bytes: number;
  timeout_ms: number;
  answer_format: 'json' | 'any';
  consent_required: boolean;
  person_id_field: string | null;
  published_at: Date;
  published_by_account_id: string | null;
}

export interface ContractTable {
  id: Generated<string>;
  passport_id: string;
  consumer_subsystem_id: string;
  purpose: string;
  legal_basis: string;
  expected_volume: string;
  requested_at: Date;
}

export interface ContractEventTable {
  contract_id: string;
  seq: number;
  action: string;
  actor: string;
  grant_scope: unknown;
  reason: string | null;
  at: Date;
  account_id: string | null;
}

export interface ConsentEventTable {
  id: Generated<string>;
  person_id: string;
  passport_id: string;
  revision_hash: string;
  opt_in: boolean;
  at: Date;
  valid_until: Date | null;
}

export interface NonceTable {
  key_id: string;
  nonce: string;
  expires_at: Date;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    bridge_member: MemberTable;
    bridge_member_manager: MemberManagerTable;
    bridge_subsystem: SubsystemTable;
    bridge_passport: PassportTable;
    bridge_passport_version: PassportVersionTable;
    bridge_contract: ContractTable;
    bridge_contract_event: ContractEventTable;
    bridge_consent_event: ConsentEventTable;
    bridge_nonce: NonceTable;
  }
}

export interface FederationEventTable {
  id: Generated<string>;
  instance: string;
  action: 'pin' | 'revoke';
  authority_fingerprint: string | null;
  configuration_url: string | null;
  at: Date;
  account_id: string | null;
}

export interface FederationConfigTable {
  id: Generated<string>;
  instance: string;
  authority_fingerprint: string;
  serial: string;
  config: unknown;
  signature: string;
  accepted_at: Date;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    bridge_federation_event: FederationEventTable;
    bridge_federation_config: FederationConfigTable;
  }
}

export interface ProviderCredentialTable {
  id: Generated<string>;
  passport_id: string;
  sealed: Buffer;
  set_at: Date;
  set_by_account_id: string | null;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    bridge_provider_credential: ProviderCredentialTable;
  }
}
