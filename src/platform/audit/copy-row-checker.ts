import crypto from 'node:crypto';
import { canonicalEntry, CANONICAL_TAG, GENESIS_HASH } from './canonical.js';

/** What the checker found wrong with a row, before it is worded for the operator. */
export type RowFault =
  | { kind: 'gap'; expected: number; found: number }
  | { kind: 'link'; seq: number }
  | { kind: 'hash'; seq: number }
  | { kind: 'checkpoint'; seq: number; signedAt: string }
  | { kind: 'truncated'; seq: number; checkpointSeq: number };

/** What a checkpoint says about the log: entry `seq` had hash `hash`. */
export interface CheckpointClaim {
  seq: number;
  hash: string;
  signedAt: string;
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const ascii = (text: string) => Buffer.from(text, 'latin1');
const openOf = (tag: string) => ascii(`[${JSON.stringify(tag)},`);
const NULL = ascii('null');

/**
 * Checks the rows of `copy (select seq, at, action, outcome, actor, subject, details, prev_hash,
 * hash from audit_log order by seq) to stdout` (text format, TimeZone UTC, DateStyle ISO,
 * bytea_output hex) straight from the bytes PostgreSQL sends: each row's canonical serialisation
 * (canonical.ts) is assembled in a scratch buffer from slices of the chunk and hashed, with no
 * string per field and no JSON parsing. This is the hot path of `audit verify` (a million rows in
 * a few seconds); a row holding a backslash or a control character in a text field takes the slow
 * path through canonicalEntry, which defines the result in every case.
 */
export class CopyRowChecker {
  entries = 0;
  lastSeq = 0;
  fault: RowFault | undefined;

  /** The last good entry's hash, as 64 hex digits (ASCII). */
  private readonly lastHashBytes = Buffer.from(GENESIS_HASH, 'latin1');
  private rest: Buffer = Buffer.alloc(0);
  private scratch = Buffer.alloc(4096);
  private length = 0;
  private readonly ends = new Int32Array(9);
  private rowStart = 0;
  private nextCheckpoint = 0;

  /** In a segment: the first row's seq and previous hash, taken on trust for the caller to link. */
  firstSeq = 0;
  firstPrevHash = '';

  /**
   * `checkpoints` in ascending seq order; each is compared with its entry as it streams by.
   * With `segment`, the rows are a slice of the log checked on their own (by another thread):
   * the first row's position and link are recorded instead of checked, and the caller joins
   * consecutive segments (see verify-segments.ts). `tag` is the chain's canonical tag (see
   * canonicalEntry): the audit log's by default, a trust ledger's for a ledger's rows.
   */
  constructor(
    private readonly checkpoints: readonly CheckpointClaim[] = [],
    private readonly segment = false,
    private readonly tag: string = CANONICAL_TAG,
  ) {
    this.open = openOf(tag);
  }

  /** `["<tag>",`: the bytes every canonical entry of this chain starts with. */
  private readonly open: Buffer;

  get lastHash(): string {
    return this.lastHashBytes.toString('latin1');
  }

  /** Feeds the next chunk of COPY output; stops early (returns false) at the first fault. */
  push(chunk: Buffer): boolean {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
      const ends = this.ends;
      let count = 0;
      for (
        let at = data.indexOf(TAB, start);
        at !== -1 && at < end;
        at = data.indexOf(TAB, at + 1)
      ) {
        if (count === 8) throw new Error('unexpected COPY row: more than 9 fields');
        ends[count++] = at;
      }
      if (count !== 8) throw new Error(`unexpected COPY row: ${count + 1} fields`);
      ends[8] = end;
      this.row(data, start);
      if (this.fault) return false;
      start = end + 1;
    }
    this.rest = Buffer.from(data.subarray(start));
    return true;
  }

  /**
   * After the last chunk: a partial row left over means the stream was cut; a checkpoint beyond
   * the last entry means entries were cut off the end of the log.
   */
  end(): void {
    if (this.rest.length > 0) throw new Error('COPY output ended in the middle of a row');
    // A segment is followed by others: only the whole log's end can show a truncation.
    const beyond = this.segment ? undefined : this.checkpoints[this.nextCheckpoint];
    if (!this.fault && beyond && beyond.seq > this.lastSeq)
      this.fault = { kind: 'truncated', seq: this.lastSeq + 1, checkpointSeq: beyond.seq };
  }

  /** Checks the row at `start` whose field ends push() has put in `ends`. */
  private row(data: Buffer, start: number): void {
    const ends = this.ends;
    this.rowStart = start;

    let seq = 0;
    for (let at = start; at < (ends[0] as number); at++)
      seq = seq * 10 + ((data[at] as number) - 48);
    if (this.segment && this.entries === 0 && this.firstSeq === 0) this.startSegment(data, seq);
    const expected = this.lastSeq + 1;
    if (seq !== expected) {
      this.fault = { kind: 'gap', expected, found: seq };
      return;
    }
    // bytea in hex arrives as `\\x…` (COPY doubles the backslash): skip three bytes.
    const prevStart = this.from(7) + 3;
    const hashStart = this.from(8) + 3;
    if (
      ends[7] !== prevStart + 64 ||
      !isByteaPrefix(data, prevStart - 3) ||
      !sameBytes(data, prevStart, this.lastHashBytes, 0, 64)
    ) {
      this.fault = { kind: 'link', seq };
      return;
    }
    const computed = this.fastCanonical(data)
      ? crypto.hash('sha256', this.scratch.subarray(0, this.length), 'buffer')
      : crypto.hash('sha256', this.slowCanonical(data, seq), 'buffer');
    if (
      ends[8] !== hashStart + 64 ||
      !isByteaPrefix(data, hashStart - 3) ||
      !isHexOf(data, hashStart, computed)
    ) {
      this.fault = { kind: 'hash', seq };
      return;
    }
    const checkpoint = this.checkpoints[this.nextCheckpoint];
    if (checkpoint?.seq === seq) {
      this.nextCheckpoint += 1;
      if (checkpoint.hash !== data.toString('latin1', hashStart, hashStart + 64)) {
        this.fault = { kind: 'checkpoint', seq, signedAt: checkpoint.signedAt };
        return;
      }
    }
    this.entries += 1;
    this.lastSeq = seq;
    copyBytes(data, hashStart, hashStart + 64, this.lastHashBytes, 0);
  }

  private startSegment(data: Buffer, seq: number): void {
    const prevStart = this.from(7) + 3;
    this.firstSeq = seq;
    this.firstPrevHash = data.toString('latin1', prevStart, this.ends[7]);
    this.lastSeq = seq - 1;
    this.lastHashBytes.fill(0);
    copyBytes(
      data,
      prevStart,
      Math.min(prevStart + 64, this.ends[7] as number),
      this.lastHashBytes,
      0,
    );
    while ((this.checkpoints[this.nextCheckpoint]?.seq ?? Infinity) < seq) this.nextCheckpoint += 1;
  }

  /** Builds the canonical bytes in `scratch`; false when a field needs the slow path. */
  private fastCanonical(data: Buffer): boolean {
    const ends = this.ends;
    // Time: `YYYY-MM-DD HH:MM:SS[.f…]+00` becomes `YYYY-MM-DDTHH:MM:SS.ffffffZ`. The bytes not
    // copied into the canonical form (the space, the dot, `+00`) are checked here instead, so
    // that no byte of the row goes unchecked; anything else takes the slow path and fails.
    const timeStart = this.from(1);
    const timeEnd = ends[1] as number;
    const timeLength = timeEnd - timeStart;
    if (
      (timeLength !== 22 && (timeLength < 24 || timeLength > 29)) ||
      data[timeEnd - 3] !== 0x2b ||
      data[timeEnd - 2] !== 0x30 ||
      data[timeEnd - 1] !== 0x30 ||
      data[timeStart + 10] !== 0x20 ||
      (timeLength !== 22 && data[timeStart + 19] !== 0x2e)
    )
      return false;

    const rowBytes = (ends[8] as number) - this.rowStart + 64 + this.open.length;
    if (this.scratch.length < rowBytes) this.scratch = Buffer.alloc(rowBytes * 2);
    const out = this.scratch;
    let at = copyBytes(this.open, 0, this.open.length, out, 0);
    at = copyBytes(data, this.rowStart, ends[0] as number, out, at);
    out[at++] = 0x2c; // ,
    out[at++] = QUOTE;
    at = copyBytes(data, timeStart, timeStart + 10, out, at);
    out[at++] = 0x54; // T
    at = copyBytes(data, timeStart + 11, timeStart + 19, out, at);
    out[at++] = 0x2e; // .
    const fraction = timeLength === 22 ? 0 : timeLength - 23;
    at = copyBytes(data, timeStart + 20, timeStart + 20 + fraction, out, at);
    for (let digit = fraction; digit < 6; digit++) out[at++] = 0x30;
    out[at++] = 0x5a; // Z
    out[at++] = QUOTE;
    // Text fields with no quote, backslash or control byte are written as `"` + bytes + `"`,
    // exactly what JSON.stringify writes for them (it leaves other UTF-8 unchanged).
    for (let index = 2; index <= 5; index++) {
      out[at++] = 0x2c;
      if (index >= 4 && this.isNull(data, index)) {
        at = copyBytes(NULL, 0, NULL.length, out, at);
        continue;
      }
      out[at++] = QUOTE;
      at = copyPlain(data, this.from(index), ends[index] as number, out, at, true);
      if (at < 0) return false;
      out[at++] = QUOTE;
    }
    out[at++] = 0x2c;
    // Details: jsonb's own text, quotes included; a backslash (COPY's escape) takes the slow path.
    at = copyPlain(data, this.from(6), ends[6] as number, out, at, false);
    if (at < 0) return false;
    out[at++] = 0x2c;
    out[at++] = QUOTE;
    at = copyBytes(this.lastHashBytes, 0, 64, out, at);
    out[at++] = QUOTE;
    out[at++] = 0x5d; // ]
    this.length = at;
    return true;
  }

  /** Where field `index` of the current row starts (a method: a closure per row costs time). */
  private from(index: number): number {
    return index === 0 ? this.rowStart : (this.ends[index - 1] as number) + 1;
  }

  /** True when field `index` is COPY's NULL, `\N`. */
  private isNull(data: Buffer, index: number): boolean {
    const start = this.from(index);
    return this.ends[index] === start + 2 && data[start] === BACKSLASH && data[start + 1] === 0x4e;
  }

  private slowCanonical(data: Buffer, seq: number): string {
    const text = (index: number) =>
      unescapeCopy(data.toString('utf8', this.from(index), this.ends[index]));
    return canonicalEntry(
      {
        seq,
        time: canonicalTimeFromPostgres(text(1) as string),
        action: text(2) as string,
        outcome: text(3) as string,
        actor: text(4),
        subject: text(5),
        detailsJson: text(6) as string,
        prevHash: this.lastHash,
      },
      this.tag,
    );
  }
}

/** Copies source[from, to) to target at `at`; returns the new end. A loop: rows are short. */
function copyBytes(source: Buffer, from: number, to: number, target: Buffer, at: number): number {
  for (let index = from; index < to; index++) target[at++] = source[index] as number;
  return at;
}

/**
 * copyBytes that gives up (returns -1) on a control byte, a backslash or, when `noQuotes`, a
 * double quote: bytes JSON.stringify would escape or COPY has escaped.
 */
function copyPlain(
  source: Buffer,
  from: number,
  to: number,
  target: Buffer,
  at: number,
  noQuotes: boolean,
): number {
  for (let index = from; index < to; index++) {
    const byte = source[index] as number;
    if (byte < 0x20 || byte === BACKSLASH || (noQuotes && byte === QUOTE)) return -1;
    target[at++] = byte;
  }
  return at;
}

/** True when data[at, at + 3) is `\\x`, how COPY writes the start of a hex bytea. */
function isByteaPrefix(data: Buffer, at: number): boolean {
  return data[at] === BACKSLASH && data[at + 1] === BACKSLASH && data[at + 2] === 0x78;
}

function sameBytes(a: Buffer, aFrom: number, b: Buffer, bFrom: number, length: number): boolean {
  for (let index = 0; index < length; index++)
    if (a[aFrom + index] !== b[bFrom + index]) return false;
  return true;
}

/** True when data[at, at + 64) is the lower-case hex of the 32-byte digest. */
function isHexOf(data: Buffer, at: number, digest: Buffer): boolean {
  for (let index = 0; index < 32; index++) {
    const byte = digest[index] as number;
    if (data[at + 2 * index] !== HEX_DIGITS[byte >> 4]) return false;
    if (data[at + 2 * index + 1] !== HEX_DIGITS[byte & 15]) return false;
  }
  return true;
}

/**
 * `2025-03-01 09:00:00.123+00` (timestamptz in ISO style, UTC; the fraction has 0 to 6 digits)
 * as the canonical `2025-03-01T09:00:00.123000Z`. Anything else is returned as it is, which no
 * canonical time equals, so the entry fails its hash check.
 */
export function canonicalTimeFromPostgres(text: string): string {
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00$/.test(text)) return text;
  const fraction = text.length > 22 ? text.slice(20, -3) : '';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction.padEnd(6, '0')}Z`;
}

const COPY_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** A field of COPY's text format: `\N` is NULL; backslash escapes are undone. */
export function unescapeCopy(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_whole, char: string) => COPY_ESCAPES[char] ?? char);
}
