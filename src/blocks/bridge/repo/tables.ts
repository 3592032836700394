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
