import { sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { entryHash } from '../../../platform/audit/canonical.js';
import { CopyRowChecker, type RowFault } from '../../../platform/audit/copy-row-checker.js';
import { beginChainSnapshot } from '../../../platform/audit/verify.js';
import { generateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { poolOf } from '../../../platform/db/database.js';
import { LEDGER_TAG } from '../domain/ledger-entry.js';
import {
  appendToLedger,
  checkpointLedgers,
  ledgerChainSource,
  verifyLedger,
  type LedgerEntry,
} from './ledger.js';

let database: TestDatabase;
const key = generateDeploymentKey();
const trusted = new Map([[key.keyId, key.publicKey]]);
const clock = new Date('2025-05-01T09:00:00.123Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const TABLES = ['trust_ledger_checkpoint', 'trust_ledger_entry', 'trust_ledger'];
async function withTriggersOff(work: () => Promise<unknown>) {
  for (const table of TABLES)
    await sql.raw(`alter table ${table} disable trigger ${table}_append_only`).execute(database.db);
  try {
    await work();
  } finally {
    for (const table of TABLES)
      await sql
        .raw(`alter table ${table} enable trigger ${table}_append_only`)
        .execute(database.db);
  }
}
const tamper = (statement: ReturnType<typeof sql>) =>
  withTriggersOff(() => statement.execute(database.db));

beforeEach(() =>
  withTriggersOff(() => sql`truncate ${sql.raw(TABLES.join(', '))}`.execute(database.db)),
);

const entry = (n: number): LedgerEntry => ({
  kind: n % 5 === 0 ? 'act.revoked' : 'act.registered',
  actorAccountId: n % 3 === 0 ? null : `account-${n % 4}`,
  subject: `act-${n}`,
  details: { number: `N-${n}`, note: n % 7 === 0 ? 'tab\there "quoted" \\ ünïcödé' : 'plain' },
});

async function appendMany(ledger: string, count: number, from = 1, at = clock) {
  for (let n = from; n < from + count; n++)
    await database.db.transaction().execute((trx) => appendToLedger(trx, ledger, entry(n), at));
}

/** The ledger's rows exactly as verifyLedger streams them (same snapshot settings, same COPY). */
async function copyOutput(ledger: string): Promise<Buffer> {
  const client = await poolOf(database.db)!.connect();
  try {
    await beginChainSnapshot(client);
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(ledgerChainSource(ledger).copy)))
      chunks.push(chunk as Buffer);
    await client.query('rollback');
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

/** The entry a fault names (a gap names the position where the expected entry is missing). */
const faultSeq = (fault: RowFault) => ('seq' in fault ? fault.seq : fault.expected);

describe('ledgers of legal registers', () => {
  it('chain entries per ledger, concurrently, and verify intact with checkpoints', async () => {
    await Promise.all([
      appendMany('notary-acts', 30),
      appendMany('wills', 20),
      Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          database.db
            .transaction()
            .execute((trx) => appendToLedger(trx, 'notary-acts', entry(100 + n), clock)),
        ),
      ),
    ]);
    const written = await checkpointLedgers(database.db, key, clock);
    expect(written.map((checkpoint) => [checkpoint.ledger, checkpoint.seq]).sort()).toEqual([
      ['notary-acts', 40],
      ['wills', 20],
    ]);
    expect(await checkpointLedgers(database.db, key, clock)).toEqual([]);
    await appendMany('wills', 2, 21);

    const acts = await verifyLedger(database.db, 'notary-acts', trusted);
    expect(acts.problem).toBeUndefined();
    expect([acts.entries, acts.checkpoints, acts.latestCheckpointSeq]).toEqual([40, 1, 40]);
    const wills = await verifyLedger(database.db, 'wills', trusted, { threads: 1 });
    expect(wills.problem).toBeUndefined();
    expect(wills.entries).toBe(22);
    expect((await verifyLedger(database.db, 'nothing-here', trusted)).entries).toBe(0);
  });

  it('name the first changed entry', async () => {
    await appendMany('notary-acts', 10);
    await tamper(
      sql`update trust_ledger_entry set entry = '{"number": "N-4", "note": "forged"}' where ledger = 'notary-acts' and seq = 4`,
    );
    const report = await verifyLedger(database.db, 'notary-acts', trusted);
    expect(report.problem).toMatchObject({ seq: 4, kind: 'changed' });
  });

  it('name a deleted entry', async () => {
    await appendMany('notary-acts', 10);
    await tamper(sql`delete from trust_ledger_entry where ledger = 'notary-acts' and seq = 7`);
    const report = await verifyLedger(database.db, 'notary-acts', trusted);
    expect(report.problem).toMatchObject({ seq: 7, kind: 'deleted' });
  });

  it('name reordered entries', async () => {
    await appendMany('notary-acts', 10);
    // Swap entries 5 and 6 (through a free position: the primary key holds at every step).
    for (const [from, to] of [
      [5, 1000],
      [6, 5],
      [1000, 6],
    ])
      await tamper(
        sql`update trust_ledger_entry set seq = ${to} where ledger = 'notary-acts' and seq = ${from}`,
      );
    const report = await verifyLedger(database.db, 'notary-acts', trusted);
    expect(report.problem).toMatchObject({ seq: 5, kind: 'reordered' });
  });

  it('notice entries cut off the end after a checkpoint, and a forged checkpoint', async () => {
    await appendMany('notary-acts', 6);
    await checkpointLedgers(database.db, key, clock);
    await tamper(sql`delete from trust_ledger_entry where ledger = 'notary-acts' and seq = 6`);
    expect((await verifyLedger(database.db, 'notary-acts', trusted)).problem).toMatchObject({
      seq: 6,
      kind: 'deleted',
    });
    await tamper(sql`update trust_ledger_checkpoint set signature = set_byte(signature, 0, 0)`);
    expect((await verifyLedger(database.db, 'notary-acts', trusted)).problem?.kind).toBe(
      'checkpoint-forged',
    );
  });

  it('cannot pass an entry of one ledger off as another’s', async () => {
    await appendMany('notary-acts', 3);
    await appendMany('wills', 3);
    await tamper(
      sql`update trust_ledger_entry set ledger = 'wills', seq = seq + 3 where ledger = 'notary-acts'`,
    );
    const report = await verifyLedger(database.db, 'wills', trusted);
    expect(report.problem).toMatchObject({ seq: 4 });
  });

  it('refuse a bad name or entry before writing anything, and refuse updates outright', async () => {
    await expect(
      database.db.transaction().execute((trx) => appendToLedger(trx, 'Bad Name', entry(1), clock)),
    ).rejects.toMatchObject({ code: 'TRUST_LEDGER_NAME_INVALID' });
    for (const bad of [
      { ...entry(1), kind: 'Not A Kind' },
      { ...entry(1), details: { n: NaN } },
      { ...entry(1), subject: 'nul\u0000' },
    ])
      await expect(
        database.db.transaction().execute((trx) => appendToLedger(trx, 'notary-acts', bad, clock)),
      ).rejects.toMatchObject({ code: 'TRUST_LEDGER_ENTRY_INVALID' });
    await expect(
      verifyLedger(database.db, "x'; drop table trust_ledger; --", trusted),
    ).rejects.toMatchObject({
      code: 'TRUST_LEDGER_NAME_INVALID',
    });
    await appendMany('notary-acts', 1);
    await expect(
      sql`update trust_ledger_entry set kind = 'x'`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from trust_ledger_entry`.execute(database.db);
    expect(rows.rows[0]?.n).toBe(1);
  });

  // Each column of entry 4 of 6 changed in place, as a database owner with the trigger off could.
  it.each([
    ['time', sql`at = at + interval '1 microsecond'`, 'changed'],
    ['kind', sql`kind = 'act.revoked'`, 'changed'],
    ['actor', sql`actor = 'account-9'`, 'changed'],
    ['actor removed', sql`actor = null`, 'changed'],
    ['subject', sql`subject = 'act-33'`, 'changed'],
    ['details', sql`entry = jsonb_set(entry, '{number}', '"N-33"')`, 'changed'],
    ['hash', sql`hash = set_byte(hash, 31, get_byte(hash, 31) # 1)`, 'changed'],
    ['link', sql`prev_hash = set_byte(prev_hash, 0, get_byte(prev_hash, 0) # 128)`, 'reordered'],
  ] as const)('name an entry whose %s was changed', async (_column, change, kind) => {
    await appendMany('notary-acts', 6);
    await tamper(
      sql`update trust_ledger_entry set ${change} where ledger = 'notary-acts' and seq = 4`,
    );
    for (const threads of [1, 2] as const)
      expect(
        (await verifyLedger(database.db, 'notary-acts', trusted, { threads })).problem,
      ).toMatchObject({ seq: 4, kind });
  });

  it('detect a change of any single byte of any entry, and name that entry', async () => {
    await appendMany('notary-acts', 8);
    const bytes = await copyOutput('notary-acts');
    const rowOf: number[] = [];
    let row = 1;
    for (const byte of bytes) {
      rowOf.push(row);
      if (byte === 0x0a) row += 1;
    }
    const check = (data: Buffer) => {
      const checker = new CopyRowChecker([], false, LEDGER_TAG);
      checker.push(data);
      checker.end();
      return checker.fault;
    };
    expect(check(bytes)).toBeUndefined();
    let changed = 0;
    bytes.forEach((byte, at) => {
      // Field and row separators are COPY's framing, not stored bytes.
      if (byte === 0x09 || byte === 0x0a) return;
      const copy = Buffer.from(bytes);
      copy[at] = byte === 0x30 ? 0x31 : 0x30;
      const fault = check(copy);
      expect(fault, `byte ${at} of entry ${rowOf[at]}`).toBeDefined();
      expect(faultSeq(fault!), `byte ${at}`).toBe(rowOf[at]);
      changed += 1;
    });
    expect(changed).toBeGreaterThan(8 * 200);
  });

  it('detect an entry re-hashed by someone who knows the format', async () => {
    await appendMany('notary-acts', 6);
    const row = await sql<{ prev: string; at: string }>`
      select encode(prev_hash, 'hex') as prev from trust_ledger_entry
      where ledger = 'notary-acts' and seq = 4`.execute(database.db);
    const forged = entryHash(
      {
        seq: 4,
        time: '2025-05-01T09:00:00.123000Z',
        action: 'act.forged',
        outcome: 'notary-acts',
        actor: null,
        subject: 'act-4',
        detailsJson: '{}',
        prevHash: row.rows[0]!.prev,
      },
      LEDGER_TAG,
    );
    await tamper(sql`update trust_ledger_entry set kind = 'act.forged', actor = null, entry = '{}',
                     hash = decode(${forged}, 'hex') where ledger = 'notary-acts' and seq = 4`);
    expect((await verifyLedger(database.db, 'notary-acts', trusted)).problem).toMatchObject({
      seq: 5,
      kind: 'reordered',
    });
  });

  it.each([
    ['hash', sql`hash = set_byte(hash, 0, get_byte(hash, 0) # 1)`],
    ['position', sql`seq = 3`],
    ['signing time', sql`signed_at = signed_at - interval '1 day'`],
  ] as const)('detect a checkpoint whose %s was altered (forged)', async (_what, change) => {
    await appendMany('notary-acts', 4);
    await checkpointLedgers(database.db, key, clock);
    await tamper(sql`update trust_ledger_checkpoint set ${change} where ledger = 'notary-acts'`);
    expect((await verifyLedger(database.db, 'notary-acts', trusted)).problem?.kind).toBe(
      'checkpoint-forged',
    );
  });

  it('detect a checkpoint by an unknown key, and one signed for another ledger', async () => {
    await appendMany('notary-acts', 3);
    await appendMany('wills', 3);
    await checkpointLedgers(database.db, key, clock);
    expect((await verifyLedger(database.db, 'notary-acts', new Map())).problem).toMatchObject({
      seq: 3,
      kind: 'checkpoint-unknown-key',
    });
    // The wills' checkpoint moved onto the acts' ledger: it signs another chain's name.
    await tamper(sql`delete from trust_ledger_checkpoint where ledger = 'notary-acts'`);
    await tamper(sql`update trust_ledger_checkpoint set ledger = 'notary-acts'`);
    expect((await verifyLedger(database.db, 'notary-acts', trusted)).problem?.kind).toBe(
      'checkpoint-forged',
    );
  });

  it('detect a ledger rewritten consistently after a checkpoint was signed', async () => {
    await appendMany('notary-acts', 5);
    await checkpointLedgers(database.db, key, clock);
    // The whole chain rewritten from entry 1 with valid hashes: only the checkpoint can tell.
    await tamper(sql`delete from trust_ledger_entry where ledger = 'notary-acts'`);
    await appendMany('notary-acts', 5, 1, new Date('2025-04-30T09:00:00Z'));
    expect((await verifyLedger(database.db, 'notary-acts', trusted)).problem).toMatchObject({
      seq: 5,
      kind: 'checkpoint-mismatch',
    });
  });
});
