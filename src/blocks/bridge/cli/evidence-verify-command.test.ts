import { sign } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../platform/exit-codes.js';
import {
  CHECKPOINT_KIND,
  checkpointBytes,
  EVIDENCE_FORMAT,
  exchangeLeaf,
  type EvidenceFile,
  type ExchangeRecord,
} from '../domain/evidence.js';
import { MerkleTree } from '../domain/merkle-tree.js';
import { testAuthority, testIssued, type TestHolder } from '../test/pki.js';
import { evidenceVerifyCommand } from './evidence-verify-command.js';

const exchange = (i: number): ExchangeRecord => ({
  exchangeId: `ex-${i}`,
  receivedAt: '2026-11-22T10:00:00Z',
  client: 'KZ/COM/150440012344/crm',
  service: 'KZ/GOV/070540001234/population/read-person',
  method: 'GET',
  requestHash: 'c'.repeat(64),
  responseHash: 'd'.repeat(64),
  status: 200,
});

function evidenceOf(gateway: TestHolder, sealedAt = '2026-11-22T10:01:00Z'): EvidenceFile {
  const records = Array.from({ length: 37 }, (_, i) => exchange(i));
  const tree = new MerkleTree(records.map(exchangeLeaf));
  const checkpoint = {
    kind: CHECKPOINT_KIND,
    gateway: 'KZ/GOV/000000000001/gateway',
    batch: 12,
    treeSize: records.length,
    root: tree.root.toString('hex'),
    sealedAt,
  } as const;
  return {
    format: EVIDENCE_FORMAT,
    exchange: records[20]!,
    leafIndex: 20,
    proof: tree.inclusionProof(20).map((p) => p.toString('hex')),
    checkpoint,
    signature: sign(null, checkpointBytes(checkpoint), gateway.privateKey).toString('base64'),
    certificate: gateway.pem,
  };
}

describe('ortaq bridge evidence-verify', () => {
  let dir: string;
  let ca: TestHolder;
  let otherCa: TestHolder;
  let gateway: TestHolder;
  const run = async (evidence: unknown, caPem = ca.pem) => {
    const file = path.join(dir, `evidence-${Math.random()}.json`);
    const caFile = path.join(dir, `ca-${Math.random()}.pem`);
    await fs.writeFile(file, typeof evidence === 'string' ? evidence : JSON.stringify(evidence));
    await fs.writeFile(caFile, caPem);
    const out: string[] = [];
    const err: string[] = [];
    const code = await evidenceVerifyCommand(file, {
      ca: caFile,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err };
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-evidence-'));
    ca = await testAuthority('Ortaq KZ Root CA');
    otherCa = await testAuthority('Ortaq KZ Root CA');
    gateway = await testIssued(ca, 'KZ gateway', {
      from: new Date('2026-06-01T00:00:00Z'),
      to: new Date('2027-06-01T00:00:00Z'),
    });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('proves an exchange with the file and the CA certificate alone', async () => {
    const { code, out, err } = await run(evidenceOf(gateway));
    expect(err).toEqual([]);
    expect(code).toBe(ExitCode.ok);
    expect(out[0]).toMatch(/^proven: exchange ex-20 from KZ\/COM\/150440012344\/crm/);
    expect(out[0]).toContain('leaf 20 of 37 in batch 12');
  });

  it('fails (exit 1) on a changed exchange, naming why', async () => {
    const evidence = evidenceOf(gateway);
    const changed = { ...evidence, exchange: { ...evidence.exchange, status: 500 } };
    const { code, err } = await run(changed);
    expect(code).toBe(ExitCode.verificationFailed);
    expect(err).toEqual([
      'evidence not proven: the exchange is not in the sealed batch: the record or its inclusion proof was changed',
    ]);
  });

  it('fails for a gateway certificate another CA issued, or expired when the batch was sealed', async () => {
    const foreign = await run(evidenceOf(gateway), otherCa.pem);
    expect(foreign.code).toBe(ExitCode.verificationFailed);
    expect(foreign.err.join('\n')).toContain('was not issued by the CA');
    const late = await run(evidenceOf(gateway, '2027-07-01T00:00:00Z'));
    expect(late.err).toEqual([
      'evidence not proven: the gateway certificate was not valid when the batch was sealed',
    ]);
  });

  it('refuses (exit 64) a file that is not JSON', async () => {
    const { code, err } = await run('not json');
    expect(code).toBe(ExitCode.badInput);
    expect(err[0]).toMatch(/cannot be read as an evidence file/);
  });
});
