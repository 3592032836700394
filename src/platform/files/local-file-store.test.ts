import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileCorruptError, FileNotFoundError, FileTooLargeError } from './file-store.js';
import { LocalFileStore } from './local-file-store.js';

let root: string;
let store: LocalFileStore;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-files-'));
  store = new LocalFileStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
/** Every regular file under the store's root, relative to it. */
const filesOnDisk = (): string[] =>
  (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(root, entry)).isFile())
    .sort();
/** A stream of `chunks` chunks of 64 KiB. */
const chunked = (chunks: number, fill = 'a') =>
  Readable.from(
    (function* () {
      for (let i = 0; i < chunks; i += 1) yield Buffer.alloc(65_536, fill);
    })(),
  );

describe('LocalFileStore', () => {
  it('stores content under its SHA-256 in <aa>/<bb>/<sha256> and reads it back', async () => {
    const content = Buffer.from('заявление / appeal');
    const stored = await store.put(content);
    expect(stored).toEqual({ sha256: sha256(content), size: content.length });
    const { sha256: hash } = stored;
    expect(filesOnDisk()).toEqual([path.join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect(await store.has(hash)).toBe(true);
    expect(await text(await store.open(hash))).toBe('заявление / appeal');
  });

  it('stores identical content once, from a buffer or a stream', async () => {
    const first = await store.put(Buffer.from('same bytes'));
    const second = await store.put(Readable.from([Buffer.from('same '), Buffer.from('bytes')]));
    expect(second).toEqual(first);
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('keeps one complete copy when the same content is put concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(chunked(16, 'z'))));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect(results[0]!.size).toBe(16 * 65_536);
    expect(filesOnDisk()).toHaveLength(1);
    const data = fs.readFileSync(path.join(root, filesOnDisk()[0]!));
    expect(sha256(data)).toBe(results[0]!.sha256);
  });

  it('refuses content over the limit and leaves nothing behind, without reading all of it', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1;
        this.push(Buffer.alloc(65_536, 'x'));
      },
    });
    await expect(store.put(endless, { maxBytes: 100_000 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    expect(produced).toBeLessThan(10);
    expect(filesOnDisk()).toEqual([]);
    // Exactly at the limit is accepted.
    await expect(store.put(Buffer.alloc(1000), { maxBytes: 1000 })).resolves.toMatchObject({
      size: 1000,
    });
  });

  it('discards staged content without a trace', async () => {
    const staged = await store.stage(Buffer.from('draft'));
    expect(filesOnDisk()).toHaveLength(1);
    expect(await store.has(staged.sha256)).toBe(false);
    await staged.discard();
    expect(filesOnDisk()).toEqual([]);
  });

  it('fails the read when the stored bytes no longer match their hash', async () => {
    const { sha256: hash } = await store.put(Buffer.from('original content'));
    const file = store.pathOf(hash);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'tampered content');
    await expect(text(await store.open(hash))).rejects.toBeInstanceOf(FileCorruptError);
  });

  it('says when nothing is stored under a hash, and refuses a name that is not a hash', async () => {
    await expect(store.open(sha256('absent'))).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(store.open('../../etc/passwd')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await store.has('../../etc/passwd')).toBe(false);
  });

  it('stores the empty content too (the upload service refuses it, not the store)', async () => {
    const stored = await store.put(Buffer.alloc(0));
    expect(stored.size).toBe(0);
    expect(await text(await store.open(stored.sha256))).toBe('');
  });
});
