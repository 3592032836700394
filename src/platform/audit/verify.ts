import type { KeyObject } from 'node:crypto';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { verifySignature } from '../crypto/deployment-key.js';
import { CANONICAL_TAG, GENESIS_HASH } from './canonical.js';
import { checkpointStatement } from './checkpoint-statement.js';
import type { RowFault } from './copy-row-checker.js';
import { SegmentVerifier } from './verify-segments.js';

export type AuditProblemKind =
  | 'changed'
  | 'deleted'
  | 'reordered'
  | 'checkpoint-mismatch'
  | 'checkpoint-forged'
  | 'checkpoint-unknown-key';

export interface AuditProblem {
  /** The first entry found wrong (for a checkpoint problem: the entry the checkpoint covers). */
  seq: number;
  kind: AuditProblemKind;
  /** One sentence for the operator, naming the entry and what is wrong. */
  message: string;
}

export interface VerifyReport {
  entries: number;
  /** The last entry's seq and hash (0 and the genesis value for an empty log). */
  lastSeq: number;
  lastHash: string;
  checkpoints: number;
  latestCheckpointSeq: number | null;
  /** Absent when the chain and every checkpoint are intact. */
  problem?: AuditProblem;
}

interface StoredCheckpoint {
  seq: number;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: Buffer;
}

/** to_char format of a checkpoint's signed_at as checkpointStatement spells it (UTC, six digits). */
export const UTC_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/**
 * A hash chain of the audit log's shape, for verifyChain: the audit log itself, or another
 * module's chain (the trust block's legal-register ledgers) stored with the same nine columns.
 */
export interface ChainSource {
  /** The chain's canonical tag, the first element of every entry (see canonicalEntry). */
  tag: string;
  /** The chain name its checkpoints sign (the second element of checkpointStatement). */
  checkpointChain: string;
  /**
   * Selects the checkpoints in seq order as `seq` (float8), `hash` (hex), `key_id`, `signature`
   * and `signed_at` (to_char with UTC_MICROS).
   */
  checkpoints: { text: string; values: unknown[] };
  /** `copy (select <the nine columns in audit_log's order> … order by seq) to stdout`. */
  copy: string;
}

const AUDIT_LOG_SOURCE: ChainSource = {
  tag: CANONICAL_TAG,
  checkpointChain: CANONICAL_TAG,
  checkpoints: {
    text: `select seq::float8 as seq, encode(hash, 'hex') as hash, key_id, signature,
                  to_char(signed_at at time zone 'UTC', ${UTC_MICROS}) as signed_at
           from audit_checkpoint order by seq`,
    values: [],
  },
  copy: `copy (select seq, at, action, outcome, actor, subject, details, prev_hash, hash
                from audit_log order by seq) to stdout`,
};

/**
 * Re-checks the whole audit log, in seq order, from one consistent snapshot: every entry's hash
 * over its canonical serialisation (canonical.ts), every link to the previous entry, the absence
 * of gaps, and every checkpoint's signature (by one of `trustedKeys`, keyed by key id) and hash.
 * Rows are streamed with COPY TO STDOUT and checked as they arrive, on two threads unless
 * `threads: 1` (see verify-segments.ts), so memory stays flat however long the log is;
 * checkpoints (one per interval) are read first.
 *
 * Outcomes: a report; `problem` names the first entry that was changed, deleted or reordered, or
 * the first checkpoint that is forged, signed by an unknown key or contradicts the log. Throws
 * only on a database error.
 */
export async function verifyAuditLog(
  connectionString: string,
  trustedKeys: ReadonlyMap<string, KeyObject>,
  options: { threads?: 1 | 2 } = {},
): Promise<VerifyReport> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await verifyChain(client, trustedKeys, AUDIT_LOG_SOURCE, options);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * verifyAuditLog's work on any chain of the audit log's shape, over a connection the caller owns:
 * one repeatable-read snapshot, checkpoint signatures first, then the rows streamed and checked.
 *
 * Outcomes: a report, as verifyAuditLog's. When the report has a problem, the connection may be
 * in the middle of an abandoned COPY or transaction: the caller must close or discard it (a pool
 * client is released with `release(true)`); otherwise it is left outside any transaction.
 */
export async function verifyChain(
  client: pg.ClientBase,
  trustedKeys: ReadonlyMap<string, KeyObject>,
  source: ChainSource,
  options: { threads?: 1 | 2 } = {},
): Promise<VerifyReport> {
  await beginChainSnapshot(client);
  const { rows: checkpoints } = await client.query<StoredCheckpoint>(
    source.checkpoints.text,
    source.checkpoints.values,
  );
  const base = {
    checkpoints: checkpoints.length,
    latestCheckpointSeq: checkpoints.at(-1)?.seq ?? null,
  };
  const forged = checkSignatures(checkpoints, trustedKeys, source.checkpointChain);
  if (forged) return { entries: 0, lastSeq: 0, lastHash: GENESIS_HASH, ...base, problem: forged };

  const rows = new SegmentVerifier(
    checkpoints.map((c) => ({ seq: c.seq, hash: c.hash, signedAt: c.signed_at })),
    options.threads ?? 2,
    undefined,
    source.tag,
  );
  try {
    const stream = client.query(copyTo(source.copy, { highWaterMark: 1 << 20 }));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!(await rows.push(chunk))) {
        // The COPY is abandoned mid-stream: the caller closes the connection.
        stream.destroy();
        break;
      }
    }
    await rows.end();
  } finally {
    await rows.close();
  }
  if (!rows.fault) await client.query('rollback');
  const problem = rows.fault ? describeFault(rows.fault, rows.lastSeq) : undefined;
  return {
    entries: rows.entries,
    lastSeq: rows.lastSeq,
    lastHash: rows.lastHash,
    ...base,
    ...(problem ? { problem } : {}),
  };
}

/**
 * Opens the read-only repeatable-read snapshot verifyChain reads a chain in, with the row format
 * CopyRowChecker parses: UTC times in ISO style, bytea in hex (for this transaction only, so a
 * pooled connection goes back as it came). Tests that feed COPY output to the checker use it too.
 */
export async function beginChainSnapshot(client: pg.ClientBase): Promise<void> {
  await client.query('begin isolation level repeatable read read only');
  await client.query(
    `set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local bytea_output = 'hex'`,
  );
}

function checkSignatures(
  checkpoints: StoredCheckpoint[],
  trustedKeys: ReadonlyMap<string, KeyObject>,
  chain: string,
): AuditProblem | undefined {
  for (const checkpoint of checkpoints) {
    const key = trustedKeys.get(checkpoint.key_id);
    if (!key)
      return {
        seq: checkpoint.seq,
        kind: 'checkpoint-unknown-key',
        message: `the checkpoint at entry ${checkpoint.seq} is signed by key ${checkpoint.key_id}, which is not a trusted deployment key`,
      };
    const statement = checkpointStatement(
      checkpoint.seq,
      checkpoint.hash,
      checkpoint.signed_at,
      chain,
    );
    let valid = false;
    try {
      valid = verifySignature(key, statement, checkpoint.signature);
    } catch {
      valid = false;
    }
    if (!valid)
      return {
        seq: checkpoint.seq,
        kind: 'checkpoint-forged',
        message: `the checkpoint at entry ${checkpoint.seq} has an invalid signature: it was forged or altered`,
      };
  }
  return undefined;
}

function describeFault(fault: RowFault, lastSeq: number): AuditProblem {
  switch (fault.kind) {
    case 'gap':
      return {
        seq: fault.expected,
        kind: 'deleted',
        message:
          fault.found === fault.expected + 1
            ? `entry ${fault.expected} is missing: it was deleted (the log goes from entry ${lastSeq} to entry ${fault.found})`
            : `entries ${fault.expected} to ${fault.found - 1} are missing: they were deleted (the log goes from entry ${lastSeq} to entry ${fault.found})`,
      };
    case 'link':
      return {
        seq: fault.seq,
        kind: 'reordered',
        message: `entry ${fault.seq} does not follow entry ${lastSeq}: entries were reordered or replaced, or entry ${lastSeq} was changed and re-hashed`,
      };
    case 'hash':
      return {
        seq: fault.seq,
        kind: 'changed',
        message: `entry ${fault.seq} was changed: its content no longer matches its hash`,
      };
    case 'checkpoint':
      return {
        seq: fault.seq,
        kind: 'checkpoint-mismatch',
        message: `entry ${fault.seq} differs from the checkpoint signed at ${fault.signedAt}: the log was rewritten from entry ${fault.seq} or before`,
      };
    case 'truncated':
      return {
        seq: fault.seq,
        kind: 'deleted',
        message: `entry ${fault.seq} is missing: it was deleted (the log ends at entry ${lastSeq}, but a signed checkpoint covers entry ${fault.checkpointSeq})`,
      };
  }
}
