import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { writeCheckpoint } from '../src/platform/audit/checkpoint.js';
import { verifyAuditLog } from '../src/platform/audit/verify.js';
import { generateDeploymentKey } from '../src/platform/crypto/deployment-key.js';
import type { Benchmark } from './support/benchmark.js';
import { generateAuditLog } from './support/generate-audit-log.js';

const ENTRIES = 1_000_000;

/**
 * `ortaq audit verify` over 1,000,000 entries (target: under 5 s), against two baselines on the
 * same table in the same run: `select count(*)`, and a plain COPY stream of the very columns
 * verify reads, with nothing done per row (the I/O floor).
 */
const benchmark: Benchmark = {
  name: 'audit verify over 1,000,000 entries',
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: 2 });
    try {
      log(`generating ${ENTRIES.toLocaleString('en-GB')} chained entries`);
      await generateAuditLog(database.url, ENTRIES);
      const key = generateDeploymentKey();
      await writeCheckpoint(database.db, key, new Date());

      const count = await timed(async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        await client.query('select count(*) from audit_log');
        await client.end();
      });
      const stream = await timed(() => plainStream(database.url));
      const trusted = new Map([[key.keyId, key.publicKey]]);
      const verifyWith = async (threads: 1 | 2) => {
        log(`verifying on ${threads} thread(s)`);
        let report: Awaited<ReturnType<typeof verifyAuditLog>> | undefined;
        const seconds = await timed(async () => {
          report = await verifyAuditLog(database.url, trusted, { threads });
        });
        if (!report || report.problem || report.entries !== ENTRIES)
          throw new Error(`verify did not pass: ${report?.problem?.message ?? 'wrong count'}`);
        return seconds;
      };
      const single = await verifyWith(1);
      const verify = await verifyWith(2);

      return [
        { label: 'audit verify (default: two threads)', value: verify, unit: 's' },
        { label: 'audit verify on one thread', value: single, unit: 's' },
        { label: 'audit verify rate', value: Math.round(ENTRIES / verify), unit: 'entries/s' },
        { label: 'baseline: plain COPY stream of the same columns', value: stream, unit: 's' },
        { label: 'baseline: select count(*)', value: count, unit: 's' },
        { label: 'ratio verify / plain stream', value: verify / stream, unit: 'x' },
        { label: 'ratio verify / count(*)', value: verify / count, unit: 'x' },
      ];
    } finally {
      await database.drop();
    }
  },
};
export default benchmark;

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function plainStream(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stream = client.query(
      copyTo(
        `copy (select seq, at, action, outcome, actor, subject, details, prev_hash, hash
               from audit_log order by seq) to stdout`,
        { highWaterMark: 1 << 20 },
      ),
    );
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
    if (bytes === 0) throw new Error('nothing streamed');
  } finally {
    await client.end();
  }
}
