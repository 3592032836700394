import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { Jobs } from './jobs.js';

const silent = { error: () => undefined, info: () => undefined };

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(100);
  }
}

async function jobState(database: TestDatabase, id: string): Promise<string | undefined> {
  const { rows } = await sql<{
    state: string;
  }>`select state from pgboss.job where id = ${id}`.execute(database.db);
  return rows[0]?.state;
}

describe('jobs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('keeps a job sent before a restart and runs it exactly once after', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });

    const first = await buildApp({ config, db: database.db });
    await first.ready();
    expect(first.platform.jobs.started).toBe(true);
    const id = await first.platform.jobs.send('test.restart', { letter: 'ä' });
    expect(id).toEqual(expect.any(String));
    await first.close();
    expect(first.platform.jobs.started).toBe(false);

    // A new process: its own pool on the same database, and this time a worker.
    const db = createDatabase(database.url, { max: 3 });
    const second = await buildApp({ config, db });
    const seen: Array<{ id: string; data: unknown }> = [];
    await second.platform.jobs.work<{ letter: string }>('test.restart', async (job) => {
      seen.push({ id: job.id, data: job.data });
    });
    await second.ready();
    try {
      await waitFor(() => seen.length > 0);
      await waitFor(async () => (await jobState(database, id!)) === 'completed');
      await sleep(2_500); // more than one polling interval: a second run would show up here
      expect(seen).toEqual([{ id, data: { letter: 'ä' } }]);
    } finally {
      await second.close();
      await db.destroy();
    }
  });

  it('retries a failing job as its options say, then keeps it as failed', async () => {
    const jobs = new Jobs(database.db, { log: silent, pollingIntervalSeconds: 0.5 });
    const attempts: Record<string, number[]> = { flaky: [], broken: [] };
    await jobs.work<{ kind: 'flaky' | 'broken' }>('test.retry', async (job) => {
      attempts[job.data.kind]!.push(job.retryCount);
      if (job.data.kind === 'broken' || job.retryCount < 2) throw new Error('not yet');
    });
    await jobs.start();
    try {
      const flaky = await jobs.send(
        'test.retry',
        { kind: 'flaky' },
        { retryLimit: 2, retryDelaySeconds: 1 },
      );
      const broken = await jobs.send(
        'test.retry',
        { kind: 'broken' },
        { retryLimit: 1, retryDelaySeconds: 1 },
      );
      await waitFor(async () => (await jobState(database, flaky!)) === 'completed');
      await waitFor(async () => (await jobState(database, broken!)) === 'failed');
      expect(attempts.flaky).toEqual([0, 1, 2]);
      expect(attempts.broken).toEqual([0, 1]);
    } finally {
      await jobs.stop();
    }
  });

  it('starts two nodes at the same moment, each creating the same new queues', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `test.together-${i}`);
    const nodes = [0, 1].map(() => {
      const jobs = new Jobs(createDatabase(database.url, { max: 4 }), { log: silent });
      return { jobs, work: names.map((name) => jobs.work(name, async () => undefined)) };
    });
    await Promise.all(nodes.map(({ jobs }) => jobs.start()));
    await Promise.all(nodes.flatMap(({ work }) => work));
    expect(nodes.map(({ jobs }) => jobs.started)).toEqual([true, true]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.queue where name like 'test.together-%'`.execute(
      database.db,
    );
    expect(rows[0]!.n).toBe(names.length);
    await Promise.all(nodes.map(({ jobs }) => jobs.stop()));
  });

  it('refuses to send before it is started', async () => {
    const jobs = new Jobs(database.db, { log: silent });
    await expect(jobs.send('test.never', {})).rejects.toThrow(/not running/);
  });
  it('queues a job sent in a transaction only when the transaction commits', async () => {
    const jobs = new Jobs(database.db, { log: silent });
    await jobs.start();
    try {
      let rolledBackId: string | null = null;
      await expect(
        database.db.transaction().execute(async (trx) => {
          rolledBackId = await jobs.sendInTransaction(trx, 'test.outbox', { n: 1 });
          throw new Error('the caller changed its mind');
        }),
      ).rejects.toThrow('the caller changed its mind');
      expect(rolledBackId).toEqual(expect.any(String));
      expect(await jobState(database, rolledBackId!)).toBeUndefined();

      const committedId = await database.db
        .transaction()
        .execute((trx) => jobs.sendInTransaction(trx, 'test.outbox', { n: 2 }));
      expect(await jobState(database, committedId!)).toBe('created');
    } finally {
      await jobs.stop();
    }
  });
});
