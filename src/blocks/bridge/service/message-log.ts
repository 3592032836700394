import { X509Certificate, verify } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import {
  CHECKPOINT_KIND,
  checkpointBytes,
  EVIDENCE_FORMAT,
  exchangeLeaf,
  type CheckpointStatement,
  type EvidenceFile,
  type ExchangeRecord,
} from '../domain/evidence.js';
import { MerkleTree } from '../domain/merkle-tree.js';
import '../repo/tables.js';

/** What the gateway knows of an exchange when it records it. */
export interface NewExchange {
  id: string;
  receivedAt: Date;
  client: string;
  service: string;
  method: string;
  requestHash: Buffer;
  responseHash: Buffer | null;
  status: number;
  /** Milliseconds from receiving the call to its answer (not sealed: operational only). */
  durationMs?: number;
}

/** The gateway's signing identity: its id, its certificate from the deployment CA, its key. */
export interface GatewaySigner {
  gateway: string;
  certificatePem: string;
  sign(bytes: Buffer): Buffer;
}

/** Batches hold at most this many exchanges: one signature and one tree per batch. */
export const MAX_BATCH = 10_000;

/**
 * Records one exchange in the message log, in the caller's transaction: the gateway answers
 * only once this has committed, and refuses the exchange when it cannot (fails closed).
 */
export async function recordExchange(db: Database, exchange: NewExchange): Promise<void> {
  await db.insertInto('bridge_exchange').values(exchangeRow(exchange)).execute();
}

/** An exchange as its `bridge_exchange` row. */
export const exchangeRow = (exchange: NewExchange) => ({
  id: exchange.id,
  received_at: exchange.receivedAt,
  client: exchange.client,
  service: exchange.service,
  method: exchange.method,
  request_hash: exchange.requestHash,
  response_hash: exchange.responseHash,
  status: exchange.status,
  duration_ms: exchange.durationMs ?? null,
});

type ExchangeRow = {
  id: string;
  received_at: Date;
  client: string;
  service: string;
  method: string;
  request_hash: Buffer;
  response_hash: Buffer | null;
  status: number;
};

/** A stored exchange as its record is hashed: the same bytes at sealing and at every check. */
export const recordOf = (row: ExchangeRow): ExchangeRecord => ({
  exchangeId: row.id,
  receivedAt: row.received_at.toISOString(),
  client: row.client,
  service: row.service,
  method: row.method,
  requestHash: row.request_hash.toString('hex'),
  ...(row.response_hash ? { responseHash: row.response_hash.toString('hex') } : {}),
  status: row.status,
});

const EXCHANGE_COLUMNS = [
  'e.id',
  'e.received_at',
  'e.client',
  'e.service',
  'e.method',
  'e.request_hash',
  'e.response_hash',
  'e.status',
] as const;

/**
 * Seals the next batch: the exchanges not yet in any batch, oldest first, up to MAX_BATCH,
 * become the leaves of a Merkle tree whose root the gateway signs. One sealer at a time across
 * nodes (an advisory lock); an exchange whose transaction commits late joins the next batch.
 * Outcomes: the batch number and size; undefined when there was nothing to seal.
 */
export async function sealBatch(
  db: Database,
  signer: GatewaySigner,
  now: Date,
): Promise<{ batch: number; treeSize: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('bridge.message-log.seal'))`.execute(trx);
    const rows = await trx
      .selectFrom('bridge_exchange as e')
      .select(['e.seq', ...EXCHANGE_COLUMNS])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('bridge_log_leaf as l')
              .select('l.batch')
              .whereRef('l.exchange_seq', '=', 'e.seq'),
          ),
        ),
      )
      .orderBy('e.seq')
      .limit(MAX_BATCH)
      .execute();
    if (rows.length === 0) return undefined;
    const last = await trx
      .selectFrom('bridge_log_batch')
      .select(sql<string>`coalesce(max(batch), 0)`.as('batch'))
      .executeTakeFirstOrThrow();
    const batch = Number(last.batch) + 1;
    const tree = new MerkleTree(rows.map((row) => exchangeLeaf(recordOf(row))));
    const statement: CheckpointStatement = {
      kind: CHECKPOINT_KIND,
      gateway: signer.gateway,
      batch,
      treeSize: rows.length,
      root: tree.root.toString('hex'),
      sealedAt: now.toISOString(),
    };
    await trx
      .insertInto('bridge_log_batch')
      .values({
        batch: String(batch),
        gateway: signer.gateway,
        tree_size: rows.length,
        root: tree.root,
        sealed_at: now,
        signature: signer.sign(checkpointBytes(statement)),
        certificate_pem: signer.certificatePem,
      })
      .execute();
    await trx
      .insertInto('bridge_log_leaf')
      .values(
        rows.map((row, index) => ({
          exchange_seq: row.seq,
          batch: String(batch),
          leaf_index: index,
        })),
      )
      .execute();
    return { batch, treeSize: rows.length };
  });
}

/** A batch's checkpoint as signed, and its exchanges' records in leaf order. */
async function loadBatch(db: Database, batch: number) {
  const row = await db
    .selectFrom('bridge_log_batch')
    .selectAll()
    .where('batch', '=', String(batch))
    .executeTakeFirst();
  if (!row) return undefined;
  const leaves = await db
    .selectFrom('bridge_log_leaf as l')
    .innerJoin('bridge_exchange as e', 'e.seq', 'l.exchange_seq')
    .select(['l.leaf_index', ...EXCHANGE_COLUMNS])
    .where('l.batch', '=', String(batch))
    .orderBy('l.leaf_index')
    .execute();
  const statement: CheckpointStatement = {
    kind: CHECKPOINT_KIND,
    gateway: row.gateway,
    batch,
    treeSize: row.tree_size,
    root: row.root.toString('hex'),
    sealedAt: row.sealed_at.toISOString(),
  };
  return {
    row,
    statement,
    records: leaves.map(recordOf),
    leafIndexes: leaves.map((l) => l.leaf_index),
  };
}

export type BatchCheck =
  | { ok: true; treeSize: number }
  | { ok: false; problem: 'BATCH_UNKNOWN' | 'BATCH_LEAVES' | 'BATCH_ROOT' | 'BATCH_SIGNATURE' };

/**
 * Re-checks a sealed batch from what is stored: every leaf is there once, in order; the records
 * hash to the signed root; the checkpoint's signature holds under its certificate's key.
 */
export async function verifyBatch(db: Database, batch: number): Promise<BatchCheck> {
  const loaded = await loadBatch(db, batch);
  if (!loaded) return { ok: false, problem: 'BATCH_UNKNOWN' };
  const { row, statement, records, leafIndexes } = loaded;
  if (records.length !== row.tree_size || leafIndexes.some((index, i) => index !== i)) {
    return { ok: false, problem: 'BATCH_LEAVES' };
  }
  const root = new MerkleTree(records.map(exchangeLeaf)).root;
  if (!root.equals(row.root)) return { ok: false, problem: 'BATCH_ROOT' };
  const key = new X509Certificate(row.certificate_pem).publicKey;
  if (!verify(null, checkpointBytes(statement), key, row.signature)) {
    return { ok: false, problem: 'BATCH_SIGNATURE' };
  }
  return { ok: true, treeSize: row.tree_size };
}

/**
 * The evidence file of one exchange (see domain/evidence.ts), for a court or an auditor.
 * Outcomes: the file; undefined when the exchange is unknown or not sealed yet.
 */
export async function exportEvidence(
  db: Database,
  exchangeId: string,
): Promise<EvidenceFile | undefined> {
  const leaf = await db
    .selectFrom('bridge_log_leaf as l')
    .innerJoin('bridge_exchange as e', 'e.seq', 'l.exchange_seq')
    .select(['l.batch', 'l.leaf_index'])
    .where('e.id', '=', exchangeId)
    .executeTakeFirst();
  if (!leaf) return undefined;
  const loaded = await loadBatch(db, Number(leaf.batch));
  if (!loaded) return undefined;
  const tree = new MerkleTree(loaded.records.map(exchangeLeaf));
  return {
    format: EVIDENCE_FORMAT,
    exchange: loaded.records[leaf.leaf_index]!,
    leafIndex: leaf.leaf_index,
    proof: tree.inclusionProof(leaf.leaf_index).map((node) => node.toString('hex')),
    checkpoint: loaded.statement,
    signature: loaded.row.signature.toString('base64'),
    certificate: loaded.row.certificate_pem,
  };
}
