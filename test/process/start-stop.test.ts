import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import {
  embeddedUrl,
  exitWithin,
  killLeftovers,
  postgresProcessesOf,
  startOrtaq,
  temporaryDataDir,
  waitReady,
} from './ortaq-process.js';

// `ortaq start` as a real process: start-up, refusals with their exit codes, clean stops on
// signals, and a restart after the whole process group was killed.
describe('ortaq start as a process', { timeout: 120_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await temporaryDataDir();
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_DB_PORT: String(await freePort()),
    };
  });
  afterEach(() => killLeftovers());
  afterAll(async () => {
    await killLeftovers(dataDir);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('refuses an invalid variable with exit code 2, naming it', async () => {
    const ortaq = startOrtaq({ ...env, PORT: 'abc' });
    const { code } = await exitWithin(ortaq);
    expect(code).toBe(2);
    expect(ortaq.output()).toMatch(/PORT="abc"/);
  });

  it('serves, refuses a second start on the same DATA_DIR (4) and a taken port (3), stops on SIGTERM (0)', async () => {
    const first = startOrtaq(env);
    await waitReady(first);

    const second = startOrtaq({ ...env, PORT: String(await freePort()) });
    const refused = await exitWithin(second, 20_000);
    expect(refused.code).toBe(4);
    expect(second.output()).toContain(
      `the data directory ${dataDir} is in use by another running Ortaq process`,
    );

    const otherDir = await temporaryDataDir();
    try {
      const third = startOrtaq({
        DATA_DIR: otherDir,
        PORT: env.PORT!, // held by the first
        EMBEDDED_DB_PORT: String(await freePort()),
      });
      expect((await exitWithin(third, 60_000)).code).toBe(3);
      expect(third.output()).toMatch(/port is already in use.*set PORT to a free port/s);
    } finally {
      await fs.rm(otherDir, { recursive: true, force: true });
    }

    // Still serving after both refusals.
    expect((await fetch(`http://127.0.0.1:${env.PORT}/health/ready`)).status).toBe(200);

    // SIGTERM, and a second one while it stops: still a clean stop.
    process.kill(first.pid, 'SIGTERM');
    setTimeout(() => process.kill(first.pid, 'SIGTERM'), 50).unref();
    expect(await exitWithin(first), first.output()).toEqual({ code: 0, signal: null });
    expect(await postgresProcessesOf(dataDir)).toEqual([]);
    await expect(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, 'ortaq.lock'))).rejects.toThrow();
  });

  it('starts again after its whole process group was killed, with committed data intact', async () => {
    const before = startOrtaq(env);
    await waitReady(before);
    const url = await embeddedUrl(dataDir, Number(env.EMBEDDED_DB_PORT));
    await withClient(url, async (client) => {
      await client.query('create table crash_probe (note text not null)');
      await client.query(`insert into crash_probe values ('committed before the crash')`);
    });

    process.kill(-before.pid, 'SIGKILL');
    expect((await exitWithin(before)).signal).toBe('SIGKILL');

    const after = startOrtaq(env);
    await waitReady(after, 90_000);
    await withClient(url, async (client) => {
      const { rows } = await client.query('select note from crash_probe');
      expect(rows).toEqual([{ note: 'committed before the crash' }]);
      const migrations = await client.query('select count(*)::int as n from ortaq_migration');
      expect(migrations.rows[0].n).toBeGreaterThan(0);
    });

    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-after.pid, 'SIGINT');
    expect(await exitWithin(after), after.output()).toEqual({ code: 0, signal: null });
    expect(await postgresProcessesOf(dataDir)).toEqual([]);
    expect(await portAnswers(Number(env.EMBEDDED_DB_PORT))).toBe(false);
  });
  it.runIf(process.platform === 'linux')(
    'stops a PostgreSQL orphaned by a killed Ortaq and starts again',
    async () => {
      const before = startOrtaq(env);
      await waitReady(before);
      // Kill only the Node process that runs Ortaq (the postmaster's parent), not its group.
      const postmaster = Number(
        (await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split(
          '\n',
        )[0],
      );
      const stat = await fs.readFile(`/proc/${postmaster}/stat`, 'utf8');
      const ortaqNode = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      process.kill(ortaqNode, 'SIGKILL');
      await exitWithin(before);
      expect((await postgresProcessesOf(dataDir)).map((p) => p.pid)).toContain(postmaster);

      const after = startOrtaq(env);
      await waitReady(after, 90_000);
      expect((await postgresProcessesOf(dataDir)).map((p) => p.pid)).not.toContain(postmaster);
      process.kill(after.pid, 'SIGTERM');
      expect(await exitWithin(after), after.output()).toEqual({ code: 0, signal: null });
    },
  );
});

async function withClient(url: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
