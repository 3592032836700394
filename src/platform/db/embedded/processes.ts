import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';

/**
 * What Linux's /proc says about processes; on systems without /proc every lookup answers
 * "unknown" (undefined or empty) and callers fall back to what PostgreSQL itself checks.
 */

/**
 * True when a process with this pid exists and runs (EPERM means it exists but belongs to someone
 * else). A zombie is dead: it holds nothing, yet signal 0 still reaches it until its parent reaps
 * it, and in a container whose init never reaps, a killed process stays a zombie for good.
 */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false; // no /proc: signal 0 is all we know
  }
}

/**
 * The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat). With the pid
 * it identifies a process even after the pid is reused, which happens quickly in containers.
 */
export async function startTimeOf(pid: number): Promise<string | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: fields resume after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export interface ProcessInfo {
  pid: number;
  command: string;
}

/**
 * Every process whose working directory is `dir`. PostgreSQL's postmaster changes into its data
 * directory and every backend and worker inherits it, so this lists the processes of one cluster,
 * including workers that outlive a killed postmaster.
 */
export async function processesWorkingIn(dir: string): Promise<ProcessInfo[]> {
  let entries: string[];
  try {
    entries = await fs.readdir('/proc');
  } catch {
    return [];
  }
  const target = await fs.realpath(dir).catch(() => dir);
  const found: ProcessInfo[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const cwd = await fs.readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd !== target) continue;
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    found.push({ pid, command: cmdline.split('\0').filter(Boolean).join(' ') || '?' });
  }
  return found;
}

/**
 * The System V shared-memory segment with this key, from /proc/sysvipc/shm (what `ipcs -m -p`
 * prints): how many processes are still attached and which created it.
 */
export async function sharedMemorySegment(
  key: number,
): Promise<{ shmid: number; attached: number; creatorPid: number } | undefined> {
  const table = await fs.readFile('/proc/sysvipc/shm', 'utf8').catch(() => '');
  for (const line of table.split('\n').slice(1)) {
    const [k, shmid, , , cpid, , nattch] = line.trim().split(/\s+/);
    if (Number(k) === key) {
      return { shmid: Number(shmid), attached: Number(nattch), creatorPid: Number(cpid) };
    }
  }
  return undefined;
}

export const describeProcesses = (list: ProcessInfo[]) =>
  list.map((p) => `pid ${p.pid} (${p.command})`).join(', ');
