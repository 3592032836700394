import { createHash, X509Certificate, sign } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { verifyEvidence } from '../domain/evidence.js';
import { testAuthority, testIssued } from '../test/pki.js';
import {
  exportEvidence,
  recordExchange,
  sealBatch,
  verifyBatch,
  type GatewaySigner,
} from './message-log.js';

let database: TestDatabase;
let signer: GatewaySigner;
let counter = 0;
const NOW = new Date('2026-11-22T10:00:00.123Z');
const hash = (text: string) => createHash('sha256').update(text).digest();

async function record(count: number, db = database.db): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    counter += 1;
    const id = crypto.randomUUID();
    ids.push(id);
    await recordExchange(db, {
      id,
      receivedAt: new Date(NOW.getTime() + counter),
      client: 'KZ/COM/150440012344/crm',
      service: 'KZ/GOV/070540001234/population/read-person',
      method: 'GET',
      requestHash: hash(`request ${counter}`),
      responseHash: counter % 7 === 0 ? null : hash(`response ${counter}`),
      status: counter % 7 === 0 ? 403 : 200,
    });
  }
  return ids;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const ca = await testAuthority('Ortaq KZ Root CA');
  const gateway = await testIssued(ca, 'KZ gateway', {
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2027-01-01T00:00:00Z'),
  });
  signer = {
    gateway: 'KZ/GOV/000000000001/gateway',
    certificatePem: gateway.pem,
    sign: (bytes) => sign(null, bytes, gateway.privateKey),
  };
});
afterAll(() => database.drop());

describe('the message log', () => {
  it('seals the exchanges not yet sealed into a signed batch, and proves each one offline', async () => {
    const ids = await record(25);
    expect(await sealBatch(database.db, signer, NOW)).toEqual({ batch: 1, treeSize: 25 });
    expect(await sealBatch(database.db, signer, NOW)).toBeUndefined();
    expect(await verifyBatch(database.db, 1)).toEqual({ ok: true, treeSize: 25 });
    const key = new X509Certificate(signer.certificatePem).publicKey;
    for (const id of [ids[0]!, ids[6]!, ids[24]!]) {
      const evidence = (await exportEvidence(database.db, id))!;
      expect(evidence.exchange.exchangeId).toBe(id);
      expect(verifyEvidence(evidence, key)).toEqual([]);
    }
    // An unsealed or unknown exchange has no evidence yet.
    const [pending] = await record(1);
    expect(await exportEvidence(database.db, pending!)).toBeUndefined();
    expect(await sealBatch(database.db, signer, NOW)).toEqual({ batch: 2, treeSize: 1 });
  });

  it('keeps every row as it was written: no update, no delete', async () => {
    await expect(sql`update bridge_exchange set status = 500`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from bridge_log_leaf`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('detects an exchange changed behind the triggers’ back', async () => {
    const ids = await record(10);
    const sealed = (await sealBatch(database.db, signer, NOW))!;
    const before = (await exportEvidence(database.db, ids[3]!))!;
    await sql`alter table bridge_exchange disable trigger bridge_exchange_append_only`.execute(
      database.db,
    );
    try {
      await sql`update bridge_exchange set status = 200 where id = ${ids[3]!}`.execute(database.db);
      await sql`update bridge_exchange set client = 'KZ/COM/1/other' where id = ${ids[3]!}`.execute(
        database.db,
      );
    } finally {
      await sql`alter table bridge_exchange enable trigger bridge_exchange_append_only`.execute(
        database.db,
      );
    }
    expect(await verifyBatch(database.db, sealed.batch)).toEqual({
      ok: false,
      problem: 'BATCH_ROOT',
    });
    const after = (await exportEvidence(database.db, ids[3]!))!;
    const key = new X509Certificate(signer.certificatePem).publicKey;
    expect(verifyEvidence(after, key)).toEqual(['EVIDENCE_NOT_IN_BATCH']);
    // The evidence exported before the change still proves what was exchanged.
    expect(verifyEvidence(before, key)).toEqual([]);
  });

  it('puts an exchange that commits late into the next batch, and none into two', async () => {
    await sealBatch(database.db, signer, NOW);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let lateId = '';
    const late = database.db.transaction().execute(async (trx) => {
      lateId = (await record(1, trx))[0]!;
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await record(3);
    const [a, b] = await Promise.all([
      sealBatch(database.db, signer, NOW),
      sealBatch(database.db, signer, NOW),
    ]);
    expect([a?.treeSize, b?.treeSize].sort()).toEqual([3, undefined].sort());
    release();
    await late;
    const next = (await sealBatch(database.db, signer, NOW))!;
    expect(next.treeSize).toBe(1);
    expect((await exportEvidence(database.db, lateId))!.checkpoint.batch).toBe(next.batch);
    const counts = await sql<{ n: number; distinct: number }>`
      select count(*)::int as n, count(distinct exchange_seq)::int as distinct from bridge_log_leaf`.execute(
      database.db,
    );
    expect(counts.rows[0]!.n).toBe(counts.rows[0]!.distinct);
  });
});
