import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  FileCorruptError,
  FileNotFoundError,
  FileTooLargeError,
  isSha256,
  type FileStore,
  type PutOptions,
  type StagedContent,
  type StoredContent,
} from './file-store.js';

/**
 * Content-addressed files in a directory (by default DATA_DIR/files):
 *
 *   files/<aa>/<bb>/<sha256>   the content, named by its hash (aa, bb: its first two bytes)
 *   files/tmp/<random>         scratch copies while an upload is in flight
 *
 * A write goes to a scratch file in the same file system, is fsynced, then renamed to its final
 * name, and the directory is fsynced too, so after a crash a name holds either nothing or the
 * whole content. Two writers of the same content both rename a complete copy onto the same name,
 * which leaves one complete copy. Stored files are read-only.
 */
export class LocalFileStore implements FileStore {
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new FileNotFoundError(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(content: Buffer | Readable, options: PutOptions = {}): Promise<StagedContent> {
    await fsp.mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, `${crypto.randomUUID()}.part`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const maxBytes = options.maxBytes ?? Infinity;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        // Stop reading as soon as the limit is passed: a huge upload is not written to disk first.
        if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(source, counter, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      await syncFile(tmp);
    } catch (error) {
      await fsp.rm(tmp, { force: true });
      throw error;
    }

    const sha256 = hash.digest('hex');
    let state: 'staged' | 'committed' | 'discarded' = 'staged';
    const discard = async () => {
      if (state !== 'staged') return;
      state = 'discarded';
      await fsp.rm(tmp, { force: true });
    };
    const commit = async (): Promise<StoredContent> => {
      if (state === 'committed') return { sha256, size };
      if (state === 'discarded') throw new Error('Staged content was discarded');
      const target = this.pathOf(sha256);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      if (await exists(target)) {
        await fsp.rm(tmp, { force: true });
      } else {
        await fsp.chmod(tmp, 0o400);
        await fsp.rename(tmp, target);
        await syncDirectory(path.dirname(target));
      }
      state = 'committed';
      return { sha256, size };
    };
    const read = () => {
      if (state !== 'staged') throw new Error('Staged content is no longer in scratch space');
      return fs.createReadStream(tmp);
    };
    return { sha256, size, read, commit, discard };
  }

  async put(content: Buffer | Readable, options?: PutOptions): Promise<StoredContent> {
    const staged = await this.stage(content, options);
    return staged.commit();
  }

  async has(sha256: string): Promise<boolean> {
    return isSha256(sha256) && exists(this.pathOf(sha256));
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(sha256);
      throw error;
    }
    const hash = crypto.createHash('sha256');
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        const actual = hash.digest('hex');
        done(actual === sha256 ? null : new FileCorruptError(sha256, actual));
      },
    });
    const raw = handle.createReadStream();
    raw.on('error', (error) => check.destroy(error));
    return raw.pipe(check);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file, fs.constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Forces a written file's content to the disk before it is renamed into place. */
async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
