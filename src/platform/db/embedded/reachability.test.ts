import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstUnreachableFolder } from './reachability.js';

// An identity that owns nothing here, like the `postgres` user for a root-owned tree.
const STRANGER = { uid: 65_534, gid: 65_534 };

describe('firstUnreachableFolder', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-reach-'));
    await fs.chmod(root, 0o755);
  });
  afterEach(async () => {
    await fs.chmod(root, 0o755);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('names the first folder another user cannot enter', async () => {
    const closed = path.join(root, 'closed');
    const inner = path.join(closed, 'data');
    await fs.mkdir(inner, { recursive: true });
    await fs.chmod(closed, 0o700);
    expect(await firstUnreachableFolder(inner, STRANGER.uid, STRANGER.gid)).toEqual({
      folder: closed,
      mode: '700',
      owner: (await fs.stat(closed)).uid,
    });
  });

  it('lets through folders open to others, and owners through their own folders', async () => {
    const inner = path.join(root, 'open', 'data');
    await fs.mkdir(inner, { recursive: true });
    await fs.chmod(path.join(root, 'open'), 0o711);
    expect(await firstUnreachableFolder(inner, STRANGER.uid, STRANGER.gid)).toBeUndefined();
    await fs.chmod(path.join(root, 'open'), 0o700);
    const me = await fs.stat(root);
    expect(await firstUnreachableFolder(inner, me.uid, me.gid)).toBeUndefined();
  });

  it('stops at a folder that does not exist yet', async () => {
    expect(
      await firstUnreachableFolder(path.join(root, 'not', 'yet'), STRANGER.uid, STRANGER.gid),
    ).toBeUndefined();
  });
});
