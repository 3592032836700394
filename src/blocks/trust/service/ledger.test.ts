import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { generateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { appendToLedger, checkpointLedgers, verifyLedger, type LedgerEntry } from './ledger.js';

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

async function appendMany(ledger: string, count: number, from = 1) {
  for (let n = from; n < from + count; n++)
    await database.db.transaction().execute((trx) => appendToLedger(trx, ledger, entry(n), clock));
}

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
});
