import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CANONICAL_TAG, GENESIS_HASH } from './canonical.js';
import { CopyRowChecker, type CheckpointClaim, type RowFault } from './copy-row-checker.js';

/** What one thread found in one segment (whole rows of COPY output). */
export interface SegmentResult {
  firstSeq: number;
  firstPrevHash: string;
  lastSeq: number;
  lastHash: string;
  entries: number;
  fault: RowFault | undefined;
}

export interface SegmentRequest {
  id: number;
  bytes: Uint8Array;
}

/** Checks one segment on its own (rows of the chain `tag`); the joiner links it to the one before. */
export function checkSegment(
  bytes: Uint8Array,
  claims: readonly CheckpointClaim[],
  tag: string = CANONICAL_TAG,
): SegmentResult {
  const checker = new CopyRowChecker(claims, true, tag);
  checker.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  checker.end();
  return {
    firstSeq: checker.firstSeq,
    firstPrevHash: checker.firstPrevHash,
    lastSeq: checker.lastSeq,
    lastHash: checker.lastHash,
    entries: checker.entries,
    fault: checker.fault,
  };
}

const NEWLINE = 0x0a;
const SEGMENT_BYTES = 1 << 20;
// Segments in flight before the reader waits: bounds memory whatever the log's length.
const MAX_IN_FLIGHT = 8;

/**
 * Verifies COPY output on two threads: the stream is cut into segments of whole rows, checked
 * alternately by this thread and by a worker (hashing is the cost, and a deployment has at least
 * two cores: PostgreSQL streams on one while both threads hash), then joined in order: each
 * segment must start at the entry after the previous one's last, linked to its hash. The first
 * fault in log order wins, exactly as a single pass would find it.
 */
export class SegmentVerifier {
  entries = 0;
  lastSeq = 0;
  lastHash = GENESIS_HASH;
  fault: RowFault | undefined;

  private rest: Buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly inFlight: Promise<SegmentResult>[] = [];
  private readonly worker: Worker | null;
  private readonly waiting = new Map<number, (result: SegmentResult) => void>();
  private failure: Error | null = null;
  private nextId = 0;

  constructor(
    private readonly claims: readonly CheckpointClaim[],
    threads: 1 | 2 = 2,
    /** Bytes gathered per segment; tests make it tiny to cut segments everywhere. */
    private readonly segmentBytes = SEGMENT_BYTES,
    /** The chain's canonical tag (see canonicalEntry): the audit log's unless a ledger's. */
    private readonly tag: string = CANONICAL_TAG,
  ) {
    this.worker = threads === 2 ? startWorker(claims, tag) : null;
    this.worker?.on('message', ({ id, result }: { id: number; result: SegmentResult }) => {
      this.waiting.get(id)?.(result);
      this.waiting.delete(id);
    });
    this.worker?.on('error', (error) => {
      this.failure = error;
      for (const resolve of this.waiting.values()) resolve(emptyResult());
    });
  }

  /** Feeds the next chunk; false once a fault is known (the caller may stop streaming). */
  async push(chunk: Buffer): Promise<boolean> {
    // PostgreSQL's chunks are small (tens of kilobytes): gather about a megabyte per segment,
    // so the per-segment costs (a checker, a message to the worker) stay negligible.
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.segmentBytes) return !this.fault;
    return this.dispatch();
  }

  private async dispatch(): Promise<boolean> {
    const data = Buffer.concat([this.rest, ...this.pending]);
    this.pending = [];
    this.pendingBytes = 0;
    const cut = data.lastIndexOf(NEWLINE);
    if (cut === -1) {
      this.rest = data;
      return true;
    }
    this.rest = Buffer.from(data.subarray(cut + 1));
    const segment = data.subarray(0, cut + 1);
    const id = this.nextId++;
    if (this.worker && id % 2 === 1) {
      // A copy the worker owns: the chunk's memory may be reused by the stream.
      const bytes = new Uint8Array(segment);
      this.inFlight.push(
        new Promise((resolve) => {
          this.waiting.set(id, resolve);
          this.worker!.postMessage({ id, bytes } satisfies SegmentRequest, [bytes.buffer]);
        }),
      );
    } else {
      this.inFlight.push(Promise.resolve(checkSegment(segment, this.claims, this.tag)));
    }
    while (this.inFlight.length > MAX_IN_FLIGHT || (this.inFlight.length > 0 && this.fault)) {
      this.join(await this.inFlight.shift()!);
    }
    return !this.fault;
  }

  /** Joins every segment still in flight and checks the stream ended on a row boundary. */
  async end(): Promise<void> {
    if (this.pendingBytes > 0 && !this.fault) await this.dispatch();
    while (this.inFlight.length > 0) this.join(await this.inFlight.shift()!);
    if (!this.fault && this.rest.length > 0)
      throw new Error('COPY output ended in the middle of a row');
    const beyond = this.claims.find((claim) => claim.seq > this.lastSeq);
    if (!this.fault && beyond)
      this.fault = { kind: 'truncated', seq: this.lastSeq + 1, checkpointSeq: beyond.seq };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private join(result: SegmentResult): void {
    if (this.failure) throw this.failure;
    if (this.fault || (result.entries === 0 && !result.fault)) return;
    if (result.firstSeq !== this.lastSeq + 1) {
      this.fault = { kind: 'gap', expected: this.lastSeq + 1, found: result.firstSeq };
      return;
    }
    if (result.firstPrevHash !== this.lastHash) {
      this.fault = { kind: 'link', seq: result.firstSeq };
      return;
    }
    this.entries += result.entries;
    this.lastSeq = result.lastSeq;
    this.lastHash = result.lastHash;
    this.fault = result.fault;
  }
}

const emptyResult = (): SegmentResult => ({
  firstSeq: 0,
  firstPrevHash: '',
  lastSeq: 0,
  lastHash: '',
  entries: 0,
  fault: undefined,
});

/**
 * The worker runs verify-worker beside this file. Run from TypeScript sources (tsx, tests), the
 * worker first registers tsx's loader, since Node 20 does not pass module hooks on to workers; a
 * compiled build loads the JavaScript file directly.
 */
function startWorker(claims: readonly CheckpointClaim[], tag: string): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts'))
    return new Worker(path.join(path.dirname(here), 'verify-worker.js'), {
      workerData: { claims, tag },
    });
  // tsx's ESM API registers its hooks in this thread; then the TypeScript worker can load.
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(path.join(path.dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs'));
  const entry = pathToFileURL(path.join(path.dirname(here), 'verify-worker.ts'));
  const bootstrap = `import { register } from ${JSON.stringify(api.href)};\nregister();\nawait import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData: { claims, tag },
  });
}
