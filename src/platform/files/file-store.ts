import type { Readable } from 'node:stream';

/** What a store knows about stored content: its SHA-256 (lower-case hex) and its size in bytes. */
export interface StoredContent {
  sha256: string;
  size: number;
}

/**
 * Content written to the store's scratch space but not yet visible under its hash, so a caller
 * can inspect it (type, size) and then either keep it or throw it away without a trace.
 */
export interface StagedContent extends StoredContent {
  /** Reads the scratch copy back, e.g. for type detection, which may need more than the head. */
  read(): Readable;
  /** Makes the content readable under its hash; identical content already stored is kept once. */
  commit(): Promise<StoredContent>;
  /** Deletes the scratch copy. Safe to call twice or after commit (then it does nothing). */
  discard(): Promise<void>;
}

export interface PutOptions {
  /** Refuse content longer than this with FileTooLargeError, leaving nothing behind. */
  maxBytes?: number;
}

/**
 * Content-addressed storage of attachments and issued documents: content is named by its
 * SHA-256, so the same bytes are stored once and a name always means the same bytes. The local
 * directory store implements it; an S3-compatible store can too (stage = upload to a scratch key,
 * commit = copy to the content key, open = GET with the hash checked while streaming).
 */
export interface FileStore {
  /** Streams the content to scratch space, counting and hashing it on the way. */
  stage(content: Buffer | Readable, options?: PutOptions): Promise<StagedContent>;
  /** stage + commit. */
  put(content: Buffer | Readable, options?: PutOptions): Promise<StoredContent>;
  /**
   * The content stored under a hash. The stream fails with FileCorruptError at its end when the
   * bytes read do not hash to the name (a disk error or tampering), with FileNotFoundError when
   * nothing is stored under it.
   */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Content is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class FileNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No content stored under ${sha256}`);
    this.name = 'FileNotFoundError';
  }
}

export class FileCorruptError extends Error {
  constructor(
    readonly sha256: string,
    readonly actual: string,
  ) {
    super(`Stored content ${sha256} now hashes to ${actual}: the file was changed or damaged`);
    this.name = 'FileCorruptError';
  }
}

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
