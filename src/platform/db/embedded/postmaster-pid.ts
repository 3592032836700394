import fs from 'node:fs/promises';
import path from 'node:path';

/** What a cluster's `postmaster.pid` lock file says about the server that wrote it. */
export interface PostmasterPid {
  pid: number;
  port: number | undefined;
  /** Key of the System V shared-memory segment the server created (0 or absent if none). */
  sharedMemoryKey: number | undefined;
}

/** Reads `<clusterDir>/postmaster.pid`; undefined when there is none (the server stopped cleanly). */
export async function readPostmasterPid(clusterDir: string): Promise<PostmasterPid | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  // Layout (PostgreSQL's pidfile.h): pid, data dir, start time, port, socket dir, listen address,
  // "shmem key  shmem id", status.
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const port = Number(lines[3]);
  const key = Number(lines[6]?.trim().split(/\s+/)[0]);
  return {
    pid,
    port: Number.isInteger(port) && port > 0 ? port : undefined,
    sharedMemoryKey: Number.isInteger(key) && key > 0 ? key : undefined,
  };
}
