import { verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../../platform/crypto/canonical-json.js';
import { leafHash, verifyInclusion } from './merkle-tree.js';

/*
 * The message log's evidence: what the gateway records of one exchange, the signed checkpoint of
 * the batch it fell in, and the file that proves one exchange to a court or an auditor without
 * the platform (`ortaq bridge evidence verify FILE`). The record holds hashes of both messages,
 * never their content: the evidence proves what was exchanged to whoever holds the messages.
 */

export const EXCHANGE_KIND = 'ortaq.bridge.exchange.v1';
export const CHECKPOINT_KIND = 'ortaq.bridge.checkpoint.v1';
export const EVIDENCE_FORMAT = 'ortaq.bridge.evidence.v1';

/** One exchange as the message log keeps it. */
export interface ExchangeRecord {
  exchangeId: string;
  /** When the gateway received the request (ISO 8601, UTC). */
  receivedAt: string;
  /** The consumer, `INSTANCE/CLASS/CODE/SUBSYSTEM`. */
  client: string;
  /** The service, `INSTANCE/CLASS/CODE/SUBSYSTEM/SERVICE`. */
  service: string;
  method: string;
  /** SHA-256 (hex) of the request as received: method, path and query, body. */
  requestHash: string;
  /** SHA-256 (hex) of the answer as returned; absent when the gateway refused the exchange. */
  responseHash?: string;
  status: number;
}

/** The statement the gateway signs for a batch: the root of the Merkle tree of its exchanges. */
export interface CheckpointStatement {
  kind: typeof CHECKPOINT_KIND;
  /** The gateway's own subsystem id, so a checkpoint of one gateway never passes for another's. */
  gateway: string;
  batch: number;
  treeSize: number;
  /** Root of the batch's tree, hex. */
  root: string;
  sealedAt: string;
}

export interface EvidenceFile {
  format: typeof EVIDENCE_FORMAT;
  exchange: ExchangeRecord;
  leafIndex: number;
  /** The inclusion proof, hex, bottom up. */
  proof: string[];
  checkpoint: CheckpointStatement;
  /** Ed25519 signature of the checkpoint's canonical JSON, base64. */
  signature: string;
  /** The gateway's certificate (PEM), issued by the deployment CA. */
  certificate: string;
}

/** The bytes a record is hashed as: its RFC 8785 canonical JSON, tagged with its kind. */
export const exchangeBytes = (record: ExchangeRecord): Buffer =>
  Buffer.from(canonicalJson({ kind: EXCHANGE_KIND, ...record }), 'utf8');

export const exchangeLeaf = (record: ExchangeRecord): Buffer => leafHash(exchangeBytes(record));

export const checkpointBytes = (statement: CheckpointStatement): Buffer =>
  Buffer.from(canonicalJson(statement), 'utf8');

export type EvidenceProblem =
  'EVIDENCE_FORMAT' | 'EVIDENCE_NOT_IN_BATCH' | 'EVIDENCE_SIGNATURE_INVALID';

/**
 * Checks an evidence file with the gateway's public key (taken from `certificate` by the caller,
 * after checking it against the deployment CA): the exchange is a leaf of the batch's tree, and
 * the tree's root is the one the gateway signed. Outcomes: no problems (the exchange is proven),
 * or every problem found.
 */
export function verifyEvidence(evidence: EvidenceFile, gatewayKey: KeyObject): EvidenceProblem[] {
  if (!isWellFormed(evidence)) return ['EVIDENCE_FORMAT'];
  const problems: EvidenceProblem[] = [];
  const included = verifyInclusion({
    leaf: exchangeLeaf(evidence.exchange),
    index: evidence.leafIndex,
    treeSize: evidence.checkpoint.treeSize,
    proof: evidence.proof.map((hex) => Buffer.from(hex, 'hex')),
    root: Buffer.from(evidence.checkpoint.root, 'hex'),
  });
  if (!included) problems.push('EVIDENCE_NOT_IN_BATCH');
  const signed = verify(
    null,
    checkpointBytes(evidence.checkpoint),
    gatewayKey,
    Buffer.from(evidence.signature, 'base64'),
  );
  if (!signed) problems.push('EVIDENCE_SIGNATURE_INVALID');
  return problems;
}

const HEX_256 = /^[0-9a-f]{64}$/;

function isWellFormed(evidence: EvidenceFile): boolean {
  const { checkpoint } = evidence;
  return (
    evidence.format === EVIDENCE_FORMAT &&
    checkpoint?.kind === CHECKPOINT_KIND &&
    Number.isSafeInteger(evidence.leafIndex) &&
    Array.isArray(evidence.proof) &&
    evidence.proof.every((hex) => HEX_256.test(hex)) &&
    HEX_256.test(checkpoint.root) &&
    typeof evidence.signature === 'string' &&
    typeof evidence.exchange === 'object' &&
    evidence.exchange !== null
  );
}
