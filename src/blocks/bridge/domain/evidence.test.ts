import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_KIND,
  checkpointBytes,
  EVIDENCE_FORMAT,
  exchangeLeaf,
  verifyEvidence,
  type CheckpointStatement,
  type EvidenceFile,
  type ExchangeRecord,
} from './evidence.js';
import { MerkleTree } from './merkle-tree.js';

const gateway = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

const exchange = (i: number): ExchangeRecord => ({
  exchangeId: `ex-${i}`,
  receivedAt: `2026-11-22T10:00:${String(i % 60).padStart(2, '0')}Z`,
  client: 'KZ/COM/150440012344/crm',
  service: 'KZ/GOV/070540001234/population/read-person',
  method: 'POST',
  requestHash: 'a'.repeat(64),
  responseHash: 'b'.repeat(64),
  status: 200,
});

/** A batch of `n` exchanges sealed by the gateway, and the evidence file of exchange `index`. */
function evidenceFor(n: number, index: number): EvidenceFile {
  const records = Array.from({ length: n }, (_, i) => exchange(i));
  const tree = new MerkleTree(records.map(exchangeLeaf));
  const checkpoint: CheckpointStatement = {
    kind: CHECKPOINT_KIND,
    gateway: 'KZ/GOV/000000000001/gateway',
    batch: 7,
    treeSize: n,
    root: tree.root.toString('hex'),
    sealedAt: '2026-11-22T10:01:00Z',
  };
  return {
    format: EVIDENCE_FORMAT,
    exchange: records[index]!,
    leafIndex: index,
    proof: tree.inclusionProof(index).map((p) => p.toString('hex')),
    checkpoint,
    signature: sign(null, checkpointBytes(checkpoint), gateway.privateKey).toString('base64'),
    certificate: '(the gateway certificate)',
  };
}

describe('evidence of one exchange', () => {
  it('proves an exchange of a sealed batch with the gateway’s key alone', () => {
    for (const [n, index] of [
      [1, 0],
      [2, 1],
      [10_000, 4_321],
    ] as const) {
      expect(verifyEvidence(evidenceFor(n, index), gateway.publicKey)).toEqual([]);
    }
  });

  it('detects an exchange changed after the fact', () => {
    const evidence = evidenceFor(50, 20);
    const changed = { ...evidence, exchange: { ...evidence.exchange, status: 403 } };
    expect(verifyEvidence(changed, gateway.publicKey)).toEqual(['EVIDENCE_NOT_IN_BATCH']);
    const otherClient = { ...evidence, exchange: { ...evidence.exchange, client: 'KZ/COM/1/x' } };
    expect(verifyEvidence(otherClient, gateway.publicKey)).toEqual(['EVIDENCE_NOT_IN_BATCH']);
  });

  it('detects a checkpoint the gateway did not sign', () => {
    const evidence = evidenceFor(50, 20);
    expect(verifyEvidence(evidence, stranger.publicKey)).toEqual(['EVIDENCE_SIGNATURE_INVALID']);
    const resealed = { ...evidence, checkpoint: { ...evidence.checkpoint, batch: 8 } };
    expect(verifyEvidence(resealed, gateway.publicKey)).toEqual(['EVIDENCE_SIGNATURE_INVALID']);
  });

  it('refuses a file that is not an evidence file', () => {
    const evidence = evidenceFor(4, 1);
    expect(
      verifyEvidence(
        { ...evidence, format: 'other' } as unknown as EvidenceFile,
        gateway.publicKey,
      ),
    ).toEqual(['EVIDENCE_FORMAT']);
    expect(verifyEvidence({ ...evidence, proof: ['zz'] }, gateway.publicKey)).toEqual([
      'EVIDENCE_FORMAT',
    ]);
  });
});
