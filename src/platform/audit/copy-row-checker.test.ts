import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from './canonical.js';
import { canonicalTimeFromPostgres, CopyRowChecker } from './copy-row-checker.js';
import { SegmentVerifier } from './verify-segments.js';

/** A field as COPY's text format writes it. */
const copyText = (value: string | null) =>
  value === null
    ? '\\N'
    : value.replace(/[\\\t\n\r\b\f\v]/g, (char) =>
        char === '\\'
          ? '\\\\'
          : `\\${{ '\t': 't', '\n': 'n', '\r': 'r', '\b': 'b', '\f': 'f', '\v': 'v' }[char]}`,
      );

interface Row {
  micros: number;
  action: string;
  outcome: string;
  actor: string | null;
  subject: string | null;
  details: string;
}

/** The COPY line PostgreSQL would send for entry `seq`, and its hash. */
function line(seq: number, row: Row, prevHash: string): { text: string; hash: string } {
  const base = Date.UTC(2025, 2, 1, 9, 0, 0);
  const date = new Date(base + Math.floor(row.micros / 1000));
  const iso = date.toISOString();
  const fraction = String(row.micros % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  const postgresTime = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
  const hash = entryHash({
    seq,
    time: canonicalTimeFromPostgres(postgresTime),
    action: row.action,
    outcome: row.outcome,
    actor: row.actor,
    subject: row.subject,
    detailsJson: row.details,
    prevHash,
  });
  const fields = [
    String(seq),
    postgresTime,
    copyText(row.action),
    copyText(row.outcome),
    copyText(row.actor),
    copyText(row.subject),
    copyText(row.details),
    `\\\\x${prevHash}`,
    `\\\\x${hash}`,
  ];
  return { text: fields.join('\t') + '\n', hash };
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('a"b', 'back\\slash', 'tab\there', 'new\nline', 'ünï', '😀', '\u0001'),
);
const row = fc.record({
  micros: fc.integer({ min: 0, max: 59_999_999 }),
  action: text,
  outcome: text,
  actor: fc.option(text),
  subject: fc.option(text),
  details: fc.oneof(
    fc.constant('{}'),
    fc.dictionary(fc.string(), fc.string()).map((object) => JSON.stringify(object)),
    fc.jsonValue().map((value) => JSON.stringify({ value })),
  ),
});

describe('CopyRowChecker', () => {
  it('accepts exactly the rows whose hash is that of canonicalEntry, fast path or slow', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 50 }),
        (rows, chunkSize) => {
          let prev = GENESIS_HASH;
          let stream = '';
          rows.forEach((entry, index) => {
            const built = line(index + 1, entry, prev);
            stream += built.text;
            prev = built.hash;
          });
          const bytes = Buffer.from(stream, 'utf8');
          const checker = new CopyRowChecker();
          // Chunks split rows (and UTF-8 sequences) anywhere.
          for (let at = 0; at < bytes.length; at += chunkSize)
            checker.push(bytes.subarray(at, at + chunkSize));
          checker.end();
          expect(checker.fault).toBeUndefined();
          expect(checker.entries).toBe(rows.length);
          expect(checker.lastHash).toBe(prev);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a row whose one field differs from what was hashed', () => {
    fc.assert(
      fc.property(row, text, (entry, other) => {
        fc.pre(other !== entry.action);
        const good = line(1, entry, GENESIS_HASH);
        const changed = line(1, { ...entry, action: other }, GENESIS_HASH);
        // The changed row carries the hash of the original content.
        const forged = changed.text.replace(changed.hash, good.hash);
        const checker = new CopyRowChecker();
        checker.push(Buffer.from(forged, 'utf8'));
        expect(checker.fault).toEqual({ kind: 'hash', seq: 1 });
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a row with any one byte changed, framing apart, even bytes outside the hash', () => {
    fc.assert(
      fc.property(row, fc.nat(), fc.integer({ min: 1, max: 255 }), (entry, where, delta) => {
        const bytes = Buffer.from(line(1, entry, GENESIS_HASH).text, 'utf8');
        const at = where % bytes.length;
        const changed = ((bytes[at] as number) + delta) % 256;
        // Tabs, newlines and backslashes frame or escape fields: changing them changes the shape.
        for (const byte of [bytes[at], changed])
          fc.pre(byte !== 0x09 && byte !== 0x0a && byte !== 0x5c);
        bytes[at] = changed;
        const checker = new CopyRowChecker();
        checker.push(bytes);
        expect(checker.fault).toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('reads PostgreSQL times with 0 to 6 fraction digits as six-digit canonical times', () => {
    expect(canonicalTimeFromPostgres('2025-03-01 09:00:00+00')).toBe('2025-03-01T09:00:00.000000Z');
    expect(canonicalTimeFromPostgres('2025-03-01 09:00:00.1+00')).toBe(
      '2025-03-01T09:00:00.100000Z',
    );
    expect(canonicalTimeFromPostgres('2025-03-01 09:00:00.123456+00')).toBe(
      '2025-03-01T09:00:00.123456Z',
    );
  });
});

/** A log of `count` good rows as COPY lines. */
function log(count: number): string[] {
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const built = line(
      seq,
      {
        micros: seq * 1000,
        action: 'test.row',
        outcome: 'success',
        actor: seq % 2 ? null : `actor-${seq}`,
        subject: `s-${seq}`,
        details: seq % 3 ? '{}' : `{"n": ${seq}, "q": "a\\"b"}`,
      },
      prev,
    );
    lines.push(built.text);
    prev = built.hash;
  }
  return lines;
}

/** What one sequential pass finds, and what two threads joining segments find. */
async function bothWays(lines: string[], segmentRows: number) {
  // Checkpoints that cover entries 10 and 60 of the intact log.
  const claims = [10, 60].map((seq) => ({
    seq,
    hash: /\\\\x([0-9a-f]{64})\n$/.exec(good[seq - 1]!)![1]!,
    signedAt: 'then',
  }));
  const single = new CopyRowChecker(claims);
  single.push(Buffer.from(lines.join(''), 'utf8'));
  if (!single.fault) single.end();
  const parallel = new SegmentVerifier(claims, 2, 1);
  try {
    for (let at = 0; at < lines.length; at += segmentRows) {
      const more = await parallel.push(
        Buffer.from(lines.slice(at, at + segmentRows).join(''), 'utf8'),
      );
      if (!more) break;
    }
    await parallel.end();
  } finally {
    await parallel.close();
  }
  return { single, parallel };
}

const good = log(60);

describe('SegmentVerifier (two threads)', () => {
  it('finds what one sequential pass finds, at segment boundaries and inside segments', async () => {
    const cases: [string, string[]][] = [
      ['intact', good],
      ['deleted at a boundary', [...good.slice(0, 30), ...good.slice(31)]],
      ['deleted inside', [...good.slice(0, 32), ...good.slice(33)]],
      [
        'swapped',
        [...good.slice(0, 20), good[40]!, ...good.slice(21, 40), good[20]!, ...good.slice(41)],
      ],
      [
        'changed',
        good.map((text, index) => (index === 44 ? text.replace('test.row', 'test.rox') : text)),
      ],
      ['first deleted', good.slice(1)],
      ['last deleted (a checkpoint covered it)', good.slice(0, 59)],
    ];
    for (const [name, lines] of cases) {
      for (const segmentRows of [1, 3, 7]) {
        const { single, parallel } = await bothWays(lines, segmentRows);
        expect(parallel.fault, `${name}, ${segmentRows} rows a segment`).toEqual(single.fault);
        if (!single.fault) {
          expect(parallel.entries).toBe(60);
          expect(parallel.lastHash).toBe(single.lastHash);
        }
      }
    }
    // And the faults are the expected ones.
    expect((await bothWays(cases[1]![1], 3)).parallel.fault).toEqual({
      kind: 'gap',
      expected: 31,
      found: 32,
    });
    expect((await bothWays(cases[3]![1], 3)).parallel.fault).toEqual({
      kind: 'gap',
      expected: 21,
      found: 41,
    });
    expect((await bothWays(cases[4]![1], 3)).parallel.fault).toEqual({ kind: 'hash', seq: 45 });
    // 24 verifications, each starting a worker thread: slow on a busy machine, not wrong.
  }, 120_000);
});
