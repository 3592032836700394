import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { canonicalTime, entryHash, GENESIS_HASH } from '../../src/platform/audit/canonical.js';

const ACTIONS = ['identity.sign-in', 'identity.sign-out', 'registry.read', 'services.decide'];

/**
 * Fills an empty audit_log with `count` chained entries quickly: hashes computed here with the
 * same canonical form the writer uses, rows sent with COPY FROM STDIN. Realistic sizes: an actor,
 * a subject and a few details per entry.
 */
export async function generateAuditLog(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = Date.parse('2025-01-01T00:00:00Z');
    function* rows(): Generator<string> {
      let prevHash = GENESIS_HASH;
      let buffer = '';
      for (let seq = 1; seq <= count; seq++) {
        const time = canonicalTime(new Date(start + seq * 37));
        const action = ACTIONS[seq % ACTIONS.length] as string;
        const outcome = seq % 11 === 0 ? 'failure' : 'success';
        const actor = `0b7c5f0e-1d2a-4c3b-9e8f-${String(seq % 5000).padStart(12, '0')}`;
        const subject = seq % 3 === 0 ? null : `record-${seq % 100_000}`;
        // Written as jsonb renders it (keys shorter-first): verify passing afterwards proves it.
        const detailsJson =
          `{"ip": "10.0.${seq % 256}.${(seq >> 8) % 256}", ` +
          (outcome === 'failure' ? '"code": "IDENTITY_WRONG_PASSWORD", ' : '') +
          `"requestId": "req-${seq}"}`;
        const hash = entryHash({
          seq,
          time,
          action,
          outcome,
          actor,
          subject,
          detailsJson,
          prevHash,
        });
        // COPY text format: no field here holds a tab, newline or backslash.
        buffer += `${seq}\t${time}\t${action}\t${outcome}\t${actor}\t${subject ?? '\\N'}\t${detailsJson}\t\\\\x${prevHash}\t\\\\x${hash}\n`;
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
        'copy audit_log (seq, at, action, outcome, actor, subject, details, prev_hash, hash) from stdin',
      ),
    );
    await pipeline(Readable.from(rows()), sink);
    await client.query('vacuum analyze audit_log');
  } finally {
    await client.end();
  }
}
