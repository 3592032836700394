import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processesWorkingIn } from '../../src/platform/db/embedded/processes.js';

/** `ortaq start` as a child process in its own process group, as an operator's supervisor runs it. */
export interface OrtaqProcess {
  child: ChildProcess;
  /** Also the process group id (spawned detached). */
  pid: number;
  port: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startOrtaq(env: Record<string, string>): OrtaqProcess {
  const child = spawn('node_modules/.bin/tsx', ['src/cli.ts', 'start'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  started.add(child);
  void exited.then(() => started.delete(child));
  return { child, pid: child.pid!, port: Number(env.PORT), output: () => output, exited };
}

const started = new Set<ChildProcess>();

/** Test clean-up: kills whatever a failed test left running, orphaned PostgreSQL included. */
export async function killLeftovers(dataDir?: string): Promise<void> {
  if (dataDir) {
    for (const leftover of await postgresProcessesOf(dataDir)) {
      try {
        process.kill(leftover.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const child of started) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  started.clear();
}

/** Waits for GET /health/ready = 200; fails early, with the output, if the process exits. */
export async function waitReady(ortaq: OrtaqProcess, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let exited = false;
  void ortaq.exited.then(() => (exited = true));
  while (Date.now() < end) {
    if (exited) throw new Error(`ortaq exited before it was ready:\n${ortaq.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${ortaq.port}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`ortaq was not ready within ${timeoutMs} ms:\n${ortaq.output()}`);
}

export async function exitWithin(ortaq: OrtaqProcess, timeoutMs = 30_000) {
  const timeout = sleep(timeoutMs).then(() => {
    throw new Error(`ortaq did not exit within ${timeoutMs} ms:\n${ortaq.output()}`);
  });
  return Promise.race([ortaq.exited, timeout]);
}

/** A temporary DATA_DIR the unprivileged `postgres` user can reach when the tests run as root. */
export async function temporaryDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-process-'));
  await fs.chmod(dir, 0o755);
  return dir;
}

/** The PostgreSQL processes still working in DATA_DIR's cluster. */
export async function postgresProcessesOf(dataDir: string) {
  return (await processesWorkingIn(path.join(dataDir, 'postgres'))).filter((p) =>
    /(^|\/)postgres(:|\s|$)/.test(p.command),
  );
}

/** Connection string of the embedded `ortaq` database, from the secret `ortaq start` keeps. */
export async function embeddedUrl(dataDir: string, port: number): Promise<string> {
  const secret = (await fs.readFile(path.join(dataDir, 'embedded-db.secret'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port}/ortaq`;
}
