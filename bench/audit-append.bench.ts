import { sql } from 'kysely';
import type { AuditEvent } from '../src/platform/audit/audit-event.js';
import { GroupCommitAuditLog } from '../src/platform/audit/group-commit-log.js';
import { verifyAuditLog } from '../src/platform/audit/verify.js';
import type { Benchmark } from './support/benchmark.js';

const WRITERS = 50;
const SECONDS = 6;

/**
 * Audit appends from 50 concurrent writers (each awaiting its append before the next, as a
 * request handler does) through the group-committed, hash-chained log, against a baseline in the
 * same run: the same 50 writers doing one plain INSERT per transaction, no chain. The chain is
 * verified afterwards; a broken chain fails the benchmark. Target: at least 2,000 appends/s.
 */
const benchmark: Benchmark = {
  name: `audit appends from ${WRITERS} concurrent writers`,
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: WRITERS });
    try {
      const { db } = database;
      await sql`
        create table bench_plain_insert (
          id bigserial primary key, at timestamptz not null, action text not null,
          outcome text not null, actor text, subject text, details jsonb not null
        )`.execute(db);

      log(`baseline: one INSERT per transaction, ${SECONDS} s`);
      const baseline = await forWriters(async (writer, n) => {
        const event = eventOf(writer, n);
        await sql`
          insert into bench_plain_insert (at, action, outcome, actor, subject, details)
          values (now(), ${event.action}, ${event.outcome}, ${event.actorAccountId},
                  ${event.subject ?? null}, ${JSON.stringify(event.details)}::jsonb)`.execute(db);
      });

      log(`audit log: group-committed appends, ${SECONDS} s`);
      const audit = new GroupCommitAuditLog(db, { now: () => new Date() });
      const chained = await forWriters((writer, n) => audit.append(eventOf(writer, n)));
      await audit.flush();

      const stats = await sql<{ entries: number; transactions: number }>`
        select count(*)::int as entries, count(distinct xmin::text)::int as transactions
        from audit_log`.execute(db);
      const { entries, transactions } = stats.rows[0]!;
      if (entries !== chained.count)
        throw new Error(`${chained.count} appends resolved but ${entries} entries stored`);
      log('verifying the chain');
      const report = await verifyAuditLog(database.url, new Map());
      if (report.problem || report.entries !== entries)
        throw new Error(`chain broken after the run: ${report.problem?.message ?? 'count'}`);

      return [
        {
          label: 'audit appends (hash-chained, group commit)',
          value: Math.round(chained.rate),
          unit: 'appends/s',
        },
        {
          label: 'baseline: one INSERT per transaction, no chain',
          value: Math.round(baseline.rate),
          unit: 'inserts/s',
        },
        { label: 'ratio audit / baseline', value: chained.rate / baseline.rate, unit: 'x' },
        { label: 'entries per transaction (mean)', value: entries / transactions, unit: 'entries' },
        { label: 'chain verified after the run', value: report.entries, unit: 'entries intact' },
      ];
    } finally {
      await database.drop();
    }
  },
};
export default benchmark;

/** Runs WRITERS loops for SECONDS; each awaits its own operation before starting the next. */
async function forWriters(
  operation: (writer: number, n: number) => Promise<void>,
): Promise<{ count: number; rate: number }> {
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; performance.now() < deadline; n++) {
        await operation(writer, n);
        count += 1;
      }
    }),
  );
  return { count, rate: count / ((performance.now() - started) / 1000) };
}

function eventOf(writer: number, n: number): AuditEvent {
  return {
    action: n % 10 === 0 ? 'identity.sign-in' : 'registry.read',
    outcome: n % 10 === 0 ? 'failure' : 'success',
    actorAccountId: `0b7c5f0e-1d2a-4c3b-9e8f-${String(writer).padStart(12, '0')}`,
    subject: `record-${n}`,
    details: { requestId: `req-${writer}-${n}`, ip: `10.0.0.${writer}` },
  };
}
