import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
} from '../../src/platform/db/embedded-postgres.js';
import { ExitCode } from '../../src/platform/exit-codes.js';
import { freePort } from '../support/free-port.js';
import { temporaryDataDir } from './ortaq-process.js';

describe('embedded PostgreSQL start-up', { timeout: 90_000 }, () => {
  let dataDir: string;
  const strays: ChildProcess[] = [];
  beforeAll(async () => {
    dataDir = await temporaryDataDir();
  });
  afterEach(() => {
    for (const stray of strays.splice(0)) stray.kill('SIGKILL');
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('says EMBEDDED_DB_PORT is taken (exit code 3), with PostgreSQL’s reason captured', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const error = await startEmbeddedPostgres({ dataDir, port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect((error as EmbeddedPostgresError).exitCode).toBe(ExitCode.portInUse);
      expect((error as Error).message).toContain(
        `EMBEDDED_DB_PORT ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      blocker.close();
    }
    // The failed start left DATA_DIR free for the next one.
    await expect(fs.access(path.join(dataDir, 'ortaq.lock'))).rejects.toThrow();
  });

  it.runIf(process.platform === 'linux')(
    'waits for processes of a previous run to leave the cluster, then names those that stay',
    async () => {
      const clusterDir = path.join(dataDir, 'postgres');
      // Stands in for a worker of a SIGKILLed postmaster: titled like one, working in the cluster.
      const stray = () => {
        const child = spawn('bash', ['-c', 'exec -a "postgres: checkpointer" sleep 60'], {
          cwd: clusterDir,
        });
        strays.push(child);
        return child;
      };

      const stuck = stray();
      await sleep(200);
      const started = Date.now();
      const error = await startEmbeddedPostgres({
        dataDir,
        port: await freePort(),
        leftoverWaitMs: 1_500,
      }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect((error as Error).message).toContain(`still hold ${clusterDir}`);
      expect((error as Error).message).toContain(`pid ${stuck.pid} (postgres: checkpointer`);
      stuck.kill('SIGKILL');

      // One that goes away within the wait does not stop the start.
      const leaving = stray();
      await sleep(200);
      setTimeout(() => leaving.kill('SIGTERM'), 1_000);
      const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      try {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
        await client.end();
      } finally {
        await server.stop();
      }
    },
  );

  it.runIf(process.getuid?.() === 0)(
    'as root, names a folder the postgres user cannot enter and what to do',
    async () => {
      const closed = await temporaryDataDir();
      const inner = path.join(closed, 'data');
      await fs.mkdir(inner);
      await fs.chmod(closed, 0o700);
      try {
        const error = await startEmbeddedPostgres({ dataDir: inner, port: await freePort() }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(EmbeddedPostgresError);
        expect((error as Error).message).toContain(
          `the unprivileged user "postgres", and that user cannot enter the folder ${closed} (mode 700`,
        );
        expect((error as Error).message).toContain(`chmod o+x ${closed}`);
      } finally {
        await fs.rm(closed, { recursive: true, force: true });
      }
    },
  );
});
