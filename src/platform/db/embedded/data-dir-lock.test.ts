import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { lockDataDir } from './data-dir-lock.js';
import { DataDirLockedError } from './errors.js';
import { startTimeOf } from './processes.js';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-lock-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses a folder held by another live process, with exit code 4', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      const startTime = await startTimeOf(holder.pid!);
      await fs.writeFile(
        path.join(dir, 'ortaq.lock'),
        JSON.stringify({ pid: holder.pid, startTime }),
      );
      const error = await lockDataDir(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as DataDirLockedError).exitCode).toBe(ExitCode.dataDirLocked);
      expect((error as Error).message).toContain(`(pid ${holder.pid})`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that is gone, and releases it', async () => {
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    await fs.writeFile(path.join(dir, 'ortaq.lock'), JSON.stringify({ pid: gone.pid }));
    const lock = await lockDataDir(dir);
    const content = JSON.parse(await fs.readFile(path.join(dir, 'ortaq.lock'), 'utf8'));
    expect(content.pid).toBe(process.pid);
    await lock.release();
    await expect(fs.access(path.join(dir, 'ortaq.lock'))).rejects.toThrow();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to an unrelated process',
    async () => {
      // pid 1 lives, but its start time is not the one the holder recorded.
      await fs.writeFile(
        path.join(dir, 'ortaq.lock'),
        JSON.stringify({ pid: 1, startTime: '999999999999' }),
      );
      const lock = await lockDataDir(dir);
      await lock.release();
    },
  );

  it.runIf(process.platform === 'linux')(
    'takes over the lock of a killed process that nobody reaped (a zombie)',
    async () => {
      // The shell's background child exits a moment later; `exec sleep` replaces the shell with a
      // program that never waits, so the child stays a zombie, as under an init that never reaps.
      const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30']);
      try {
        const zombiePid = await new Promise<number>((resolve) =>
          parent.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
        );
        const startTime = await startTimeOf(zombiePid);
        await waitUntilZombie(zombiePid);
        await fs.writeFile(
          path.join(dir, 'ortaq.lock'),
          JSON.stringify({ pid: zombiePid, startTime }),
        );
        const lock = await lockDataDir(dir);
        await lock.release();
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );
});

async function waitUntilZombie(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`pid ${pid} never became a zombie`);
}
