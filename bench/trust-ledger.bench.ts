import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { canonicalTime, entryHash, GENESIS_HASH } from '../src/platform/audit/canonical.js';
import { generateDeploymentKey } from '../src/platform/crypto/deployment-key.js';
import { checkpointLedgers, verifyLedger } from '../src/blocks/trust/index.js';
import { ledgerChainSource } from '../src/blocks/trust/service/ledger.js';
import { LEDGER_TAG } from '../src/blocks/trust/domain/ledger-entry.js';
import type { Benchmark } from './support/benchmark.js';

const ENTRIES = 1_000_000;
const LEDGER = 'notary-acts';

/**
 * verifyLedger over a notary ledger of 1,000,000 entries (target, issue 3: under 5 s), with a
 * second ledger interleaved in the same table, against a plain COPY of the same rows with nothing
 * done per row (the I/O floor), in the same run.
 */
const benchmark: Benchmark = {
  name: 'trust ledger verify over 1,000,000 entries',
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: 2 });
    try {
      log(`generating ${ENTRIES.toLocaleString('en-GB')} chained ledger entries`);
      await generateLedger(database.url, LEDGER, ENTRIES);
      await generateLedger(database.url, 'wills', 10_000);
      const key = generateDeploymentKey();
      await checkpointLedgers(database.db, key, new Date());
      const trusted = new Map([[key.keyId, key.publicKey]]);

      const stream = await timed(() => plainStream(database.url));
      const verifyWith = async (threads: 1 | 2) => {
        log(`verifying on ${threads} thread(s)`);
        let report: Awaited<ReturnType<typeof verifyLedger>> | undefined;
        const seconds = await timed(async () => {
          report = await verifyLedger(database.db, LEDGER, trusted, { threads });
        });
        if (!report || report.problem || report.entries !== ENTRIES || report.checkpoints !== 1)
          throw new Error(`verify did not pass: ${report?.problem?.message ?? 'wrong count'}`);
        return seconds;
      };
      const single = await verifyWith(1);
      const verify = await verifyWith(2);
      return [
        { label: 'ledger verify (default: two threads)', value: verify, unit: 's' },
        { label: 'ledger verify on one thread', value: single, unit: 's' },
        { label: 'ledger verify rate', value: Math.round(ENTRIES / verify), unit: 'entries/s' },
        { label: 'baseline: plain COPY stream of the same rows', value: stream, unit: 's' },
        { label: 'ratio verify / plain stream', value: verify / stream, unit: 'x' },
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

/** Fills a ledger with chained entries (the writer's canonical form), sent with COPY FROM STDIN. */
async function generateLedger(url: string, ledger: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`insert into trust_ledger (name, created_at) values ($1, now())`, [ledger]);
    const start = Date.parse('2025-01-01T00:00:00Z');
    function* rows(): Generator<string> {
      let prevHash = GENESIS_HASH;
      let buffer = '';
      for (let seq = 1; seq <= count; seq++) {
        const time = canonicalTime(new Date(start + seq * 61));
        const kind = seq % 9 === 0 ? 'act.revoked' : 'act.registered';
        const actor = `0b7c5f0e-1d2a-4c3b-9e8f-${String(seq % 3000).padStart(12, '0')}`;
        const subject = `act-${seq}`;
        // As jsonb renders it (keys shorter-first): verify passing afterwards proves it.
        const detailsJson = `{"number": "N-2025-${seq}", "documentHash": "${(seq * 2654435761).toString(16).padStart(16, '0')}"}`;
        const hash = entryHash(
          { seq, time, action: kind, outcome: ledger, actor, subject, detailsJson, prevHash },
          LEDGER_TAG,
        );
        buffer += `${ledger}\t${seq}\t${time}\t${kind}\t${actor}\t${subject}\t${detailsJson}\t\\\\x${prevHash}\t\\\\x${hash}\n`;
        prevHash = hash;
        if (buffer.length > 1 << 20) {
          yield buffer;
          buffer = '';
        }
      }
      if (buffer) yield buffer;
    }
    const sink = client.query(
      copyFrom(
        'copy trust_ledger_entry (ledger, seq, at, kind, actor, subject, entry, prev_hash, hash) from stdin',
      ),
    );
    await pipeline(Readable.from(rows()), sink);
    await client.query('vacuum analyze trust_ledger_entry');
  } finally {
    await client.end();
  }
}

async function plainStream(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The very COPY verifyLedger reads, so the ratio is what checking adds to streaming.
    const stream = client.query(copyTo(ledgerChainSource(LEDGER).copy, { highWaterMark: 1 << 20 }));
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
    if (bytes === 0) throw new Error('nothing streamed');
  } finally {
    await client.end();
  }
}
