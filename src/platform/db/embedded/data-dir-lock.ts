import fs from 'node:fs/promises';
import path from 'node:path';
import { DataDirLockedError } from './errors.js';
import { isAlive, startTimeOf } from './processes.js';

export interface DataDirLock {
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  startTime?: string;
}

const LOCK_FILE = 'ortaq.lock';

/**
 * Claims DATA_DIR for this process, so a second `ortaq start` on the same folder stops at once with
 * a clear sentence instead of waiting on the first one's PostgreSQL. A lock left by a process that
 * is gone (killed with SIGKILL, machine crash) is taken over. PostgreSQL's own postmaster.pid
 * stays the final guard against two servers on one cluster.
 *
 * Outcomes: the lock; throws DataDirLockedError when a live process holds it.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const me: Owner = { pid: process.pid, startTime: await startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(me) + '\n', { flag: 'wx', mode: 0o644 });
      return { release: () => releaseIfOurs(file, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner && (await isLiveOwner(owner))) {
      throw new DataDirLockedError(
        `the data directory ${dataDir} is in use by another running Ortaq process (pid ${owner.pid}). ` +
          `Stop that process first, or set DATA_DIR to a different folder.`,
      );
    }
    // The holder is gone: take its lock over.
    await fs.rm(file, { force: true });
  }
  throw new DataDirLockedError(
    `the data directory ${dataDir} was claimed by another Ortaq process starting at the same moment. ` +
      `Run only one Ortaq per DATA_DIR.`,
  );
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Owner>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, startTime: parsed.startTime }
      : undefined;
  } catch {
    return undefined; // unreadable or half-written: its writer never got going
  }
}

async function isLiveOwner(owner: Owner): Promise<boolean> {
  // In a restarted container this very process may have been given the dead holder's pid.
  if (owner.pid === process.pid || !isAlive(owner.pid)) return false;
  const startTime = await startTimeOf(owner.pid);
  // Same pid, other start time: the pid was reused by an unrelated process.
  return !(owner.startTime && startTime && owner.startTime !== startTime);
}

async function releaseIfOurs(file: string, me: Owner): Promise<void> {
  const owner = await readOwner(file);
  if (owner?.pid === me.pid && owner.startTime === me.startTime) await fs.rm(file, { force: true });
}
