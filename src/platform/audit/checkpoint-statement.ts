import { CANONICAL_TAG } from './canonical.js';

/**
 * What a checkpoint signs, version 1: the UTF-8 bytes of the RFC 8785 JSON array
 *
 *   ["ortaq.audit.checkpoint.v1", "ortaq.audit.v1", seq, hash, signedAt]
 *
 * where seq is the covered entry's position, hash its hash (64 lower-case hex digits) and
 * signedAt the signing time in UTC with six fraction digits (as entry times, see canonical.ts).
 * The second element names the entry format the hash belongs to: the audit log's by default, or
 * the chain another module passes (a trust ledger names itself there, so a checkpoint of one
 * chain never passes for another's).
 */
export const CHECKPOINT_TAG = 'ortaq.audit.checkpoint.v1';

export function checkpointStatement(
  seq: number,
  hash: string,
  signedAt: string,
  chain: string = CANONICAL_TAG,
): Buffer {
  return Buffer.from(JSON.stringify([CHECKPOINT_TAG, chain, seq, hash, signedAt]), 'utf8');
}
