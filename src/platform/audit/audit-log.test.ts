import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { generateDeploymentKey } from '../crypto/deployment-key.js';
import { createDatabase } from '../db/database.js';
import { canonicalEntry, entryHash, GENESIS_HASH } from './canonical.js';
import { writeCheckpoint } from './checkpoint.js';
import { appendEntries, prepareEvent } from './append-entries.js';
import { GroupCommitAuditLog } from './group-commit-log.js';
import { verifyAuditLog } from './verify.js';

let database: TestDatabase;
const key = generateDeploymentKey();
const trusted = new Map([[key.keyId, key.publicKey]]);
const clock = () => new Date('2025-03-01T09:00:00.123Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

// Each test starts from an empty log; the tests that tamper switch the trigger off and back on.
beforeEach(async () => {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
  await sql`alter table audit_checkpoint disable trigger audit_checkpoint_append_only`.execute(
    database.db,
  );
  await sql`truncate audit_log, audit_checkpoint`.execute(database.db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);
  await sql`alter table audit_checkpoint enable trigger audit_checkpoint_append_only`.execute(
    database.db,
  );
});

const event = (n: number) => ({
  action: 'test.something',
  outcome: 'success' as const,
  actorAccountId: `account-${n % 7}`,
  subject: n % 3 === 0 ? null : `subject-${n}`,
  details: {
    n,
    text: `line\twith\ttabs\nand "quotes" \\ and ünïcödé ${n}`,
    nested: { b: 1, a: [n] },
  },
});

async function appendMany(
  count: number,
  log = new GroupCommitAuditLog(database.db, { now: clock }),
) {
  await Promise.all(Array.from({ length: count }, (_, n) => log.append(event(n + 1))));
}

async function tamper(statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
  await statement.execute(database.db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);
}

describe('canonical serialisation', () => {
  it('hashes the documented JSON array, chained from the genesis value', () => {
    const entry = {
      seq: 1,
      time: '2025-03-01T09:00:00.123000Z',
      action: 'identity.sign-in',
      outcome: 'failure',
      actor: null,
      subject: 'account-1',
      detailsJson: '{"code":"X"}',
      prevHash: GENESIS_HASH,
    };
    const text =
      '["ortaq.audit.v1",1,"2025-03-01T09:00:00.123000Z","identity.sign-in","failure",null,"account-1",{"code":"X"},"' +
      '0'.repeat(64) +
      '"]';
    expect(canonicalEntry(entry)).toBe(text);
    expect(entryHash(entry)).toBe(crypto.createHash('sha256').update(text).digest('hex'));
  });
});

describe('group-committed audit log', () => {
  it('chains concurrent appends without gaps, several per transaction, and verifies intact', async () => {
    await appendMany(300);
    const rows = await sql<{ seq: number; transactions: number }>`
      select max(seq) as seq, count(distinct xmin::text)::int as transactions from audit_log`.execute(
      database.db,
    );
    expect(rows.rows[0]?.seq).toBe(300);
    // Group commit: far fewer transactions than entries.
    expect(rows.rows[0]?.transactions).toBeLessThan(300 / 5);
    const report = await verifyAuditLog(database.url, trusted);
    expect(report.problem).toBeUndefined();
    expect(report.entries).toBe(300);
    expect(report.lastSeq).toBe(300);
  });

  it('keeps each caller’s order and stores what was appended', async () => {
    const log = new GroupCommitAuditLog(database.db, { now: clock });
    for (let n = 1; n <= 3; n++) await log.append(event(n));
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((row) => row.details.n)).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash.toString('hex')).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toEqual(rows[0]?.hash);
    expect(rows[0]?.at.toISOString()).toBe('2025-03-01T09:00:00.123Z');
    expect(rows[2]?.subject).toBeNull();
    expect(rows[1]?.details.text).toBe(event(2).details.text);
  });

  it('stays one chain when two processes (two pools) append at the same time', async () => {
    const other = createDatabase(database.url, { max: 3 });
    try {
      await Promise.all([
        appendMany(200),
        appendMany(200, new GroupCommitAuditLog(other, { now: clock })),
      ]);
    } finally {
      await other.destroy();
    }
    const report = await verifyAuditLog(database.url, trusted);
    expect(report.problem).toBeUndefined();
    expect(report.entries).toBe(400);
  });

  it('rejects a malformed event alone, writing the others of its batch', async () => {
    const log = new GroupCommitAuditLog(database.db, { now: clock });
    const results = await Promise.allSettled([
      log.append(event(1)),
      log.append({ ...event(2), details: { bad: Number.NaN } }),
      log.append({ ...event(3), details: { bad: 'nul\u0000' } }),
      log.append({ ...event(4), action: 'Not An Action' }),
      log.append(event(5)),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    const count = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through its trigger', async () => {
    await appendMany(2);
    await expect(sql`update audit_log set action = 'x.y'`.execute(database.db)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(
      /append-only: TRUNCATE/,
    );
  });
});

describe('audit verify', () => {
  it('passes an empty log and an intact one with checkpoints', async () => {
    expect((await verifyAuditLog(database.url, trusted)).problem).toBeUndefined();
    await appendMany(50);
    expect(await writeCheckpoint(database.db, key, clock())).toMatchObject({ seq: 50 });
    expect(await writeCheckpoint(database.db, key, clock())).toBeNull();
    await appendMany(10);
    const report = await verifyAuditLog(database.url, trusted);
    expect(report).toMatchObject({ entries: 60, checkpoints: 1, latestCheckpointSeq: 50 });
    expect(report.problem).toBeUndefined();
  });

  it('names a changed entry', async () => {
    await appendMany(40);
    await tamper(sql`update audit_log set details = details || '{"n": 999}' where seq = 17`);
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 17,
      kind: 'changed',
      message: 'entry 17 was changed: its content no longer matches its hash',
    });
  });

  it('names a changed time, actor or outcome', async () => {
    await appendMany(10);
    await tamper(sql`update audit_log set at = at + interval '1 microsecond' where seq = 3`);
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({ seq: 3 });
  });

  it('names a deleted entry, in the middle and at the start', async () => {
    await appendMany(40);
    await tamper(sql`delete from audit_log where seq = 23`);
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 23,
      kind: 'deleted',
    });
    await tamper(sql`delete from audit_log where seq = 1`);
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 1,
      kind: 'deleted',
    });
  });

  it('names a deleted last entry when a checkpoint covered it', async () => {
    await appendMany(20);
    await writeCheckpoint(database.db, key, clock());
    await tamper(sql`delete from audit_log where seq = 20`);
    const problem = (await verifyAuditLog(database.url, trusted)).problem;
    expect(problem).toMatchObject({ seq: 20, kind: 'deleted' });
    expect(problem?.message).toMatch(/entry 20 is missing/);
  });

  it('names the first of two swapped entries', async () => {
    await appendMany(40);
    // Entry 12 and entry 30 trade places: every column but the position moves.
    await tamper(sql`
      update audit_log a
      set at = b.at, action = b.action, outcome = b.outcome, actor = b.actor,
          subject = b.subject, details = b.details, prev_hash = b.prev_hash, hash = b.hash
      from audit_log b
      where (a.seq, b.seq) in ((12, 30), (30, 12))`);
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 12,
      kind: 'reordered',
    });
  });

  it('detects an entry re-hashed by someone who knows the format', async () => {
    await appendMany(10);
    const row = await sql<{ prev: string }>`
      select encode(prev_hash, 'hex') as prev from audit_log where seq = 5`.execute(database.db);
    const forged = entryHash({
      seq: 5,
      time: '2025-03-01T09:00:00.123000Z',
      action: 'test.forged',
      outcome: 'success',
      actor: null,
      subject: null,
      detailsJson: '{}',
      prevHash: row.rows[0]!.prev,
    });
    await tamper(sql`update audit_log set action = 'test.forged', actor = null, subject = null,
                     details = '{}', hash = decode(${forged}, 'hex') where seq = 5`);
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 6,
      kind: 'reordered',
    });
  });

  it('detects a forged checkpoint signature and a checkpoint by an unknown key', async () => {
    await appendMany(5);
    await writeCheckpoint(database.db, key, clock());
    const otherKey = generateDeploymentKey();
    expect(
      (await verifyAuditLog(database.url, new Map([[key.keyId, otherKey.publicKey]]))).problem,
    ).toMatchObject({ seq: 5, kind: 'checkpoint-forged' });
    expect((await verifyAuditLog(database.url, new Map())).problem).toMatchObject({
      seq: 5,
      kind: 'checkpoint-unknown-key',
    });
  });

  it('detects a log rewritten consistently after a checkpoint was signed', async () => {
    await appendMany(5);
    await writeCheckpoint(database.db, key, clock());
    // Rewrite the whole chain from entry 1 with valid hashes: only the checkpoint can tell.
    await tamper(sql`delete from audit_log`);
    await appendMany(5, new GroupCommitAuditLog(database.db, { now: () => new Date(0) }));
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 5,
      kind: 'checkpoint-mismatch',
    });
  });

  it('streams a long log in segments on two threads, stopping early at a fault', async () => {
    // 40,000 entries (about 10 MB of COPY output: many segments, some on the worker thread).
    for (let batch = 0; batch < 8; batch++) {
      await database.db.transaction().execute((trx) =>
        appendEntries(
          trx,
          Array.from({ length: 5000 }, (_, n) => prepareEvent(event(batch * 5000 + n), clock())),
        ),
      );
      if (batch === 3) await writeCheckpoint(database.db, key, clock());
    }
    await writeCheckpoint(database.db, key, clock());
    for (const threads of [1, 2] as const) {
      const report = await verifyAuditLog(database.url, trusted, { threads });
      expect(report.problem).toBeUndefined();
      expect(report).toMatchObject({
        entries: 40_000,
        checkpoints: 2,
        latestCheckpointSeq: 40_000,
      });
    }
    await tamper(sql`update audit_log set subject = 'moved' where seq in (7, 31000)`);
    const started = performance.now();
    expect((await verifyAuditLog(database.url, trusted)).problem).toMatchObject({
      seq: 7,
      kind: 'changed',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
