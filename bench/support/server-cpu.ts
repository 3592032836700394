import fs from 'node:fs/promises';
import os from 'node:os';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import type { Figure } from './benchmark.js';
import { profiled } from './cpu-profile.js';

/** CPU microseconds per request: the app's Node main thread, and the PostgreSQL server. */
export interface ServerCpu {
  node: number;
  postgres: number;
}

export type ServerCpuMeter = (work: () => Promise<number>) => Promise<ServerCpu>;

const TICK_MICROSECONDS = 1_000_000 / 100; // USER_HZ is 100 on Linux

/** utime + stime (and, with `children`, the time of reaped children) of a /proc stat file. */
async function ticks(file: string, children = false): Promise<number> {
  const stat = await fs.readFile(file, 'utf8').catch(() => '');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields.length < 15) return 0;
  const own = Number(fields[11]) + Number(fields[12]);
  return children ? own + Number(fields[13]) + Number(fields[14]) : own;
}

/**
 * CPU time spent by the server under test, which on a machine shared with other work is steadier
 * than a rate: the Node main thread (the app; the load generator runs in a worker and is not
 * counted) and every process of the PostgreSQL server the app uses (its backends, WAL writer,
 * checkpointer; reaped ones through the postmaster). Linux only: elsewhere it reports nothing.
 */
export async function serverCpuMeter(db: Database): Promise<ServerCpuMeter | undefined> {
  if (os.platform() !== 'linux') return undefined;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  const backend = await fs.readFile(`/proc/${rows[0]!.pid}/stat`, 'utf8').catch(() => '');
  const postmaster = Number(backend.slice(backend.lastIndexOf(')') + 2).split(' ')[1]);
  if (!postmaster) return undefined;
  const nodeThread = `/proc/${process.pid}/task/${process.pid}/stat`;

  const postgresTicks = async (): Promise<number> => {
    let total = await ticks(`/proc/${postmaster}/stat`, true);
    for (const entry of await fs.readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === postmaster) total += await ticks(`/proc/${entry}/stat`);
    }
    return total;
  };
  const sample = async () => ({ node: await ticks(nodeThread), postgres: await postgresTicks() });

  // Runs `work` (which returns how many requests it made) and reports CPU µs per request.
  return async (work) => {
    const before = await sample();
    const requests = await work();
    const after = await sample();
    const per = (delta: number) =>
      requests > 0 ? (delta * TICK_MICROSECONDS) / requests : Number.NaN;
    return { node: per(after.node - before.node), postgres: per(after.postgres - before.postgres) };
  };
}

/**
 * Runs a load of `seconds` that returns its rate (requests/s), profiled under `name` (see
 * profiled) and metered when a meter is given: the rate and the server's CPU per request.
 */
export async function metered(
  meter: ServerCpuMeter | undefined,
  name: string,
  seconds: number,
  load: () => Promise<number>,
): Promise<{ rate: number; cpu: ServerCpu }> {
  let rate = 0;
  const run = () =>
    profiled(name, async () => {
      rate = await load();
      return rate * seconds;
    });
  const cpu = meter ? await meter(run) : (await run(), { node: Number.NaN, postgres: Number.NaN });
  return { rate, cpu };
}

/** The median of each part over rounds. */
export function medianCpu(rounds: ServerCpu[]): ServerCpu {
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return {
    node: median(rounds.map((round) => round.node)),
    postgres: median(rounds.map((round) => round.postgres)),
  };
}

/** Figures of the server's CPU per request (none when it could not be measured). */
export function cpuFigures(label: string, cpu: ServerCpu): Figure[] {
  if (Number.isNaN(cpu.node)) return [];
  return [
    {
      label: `${label}: app CPU per request (Node main thread)`,
      value: Math.round(cpu.node),
      unit: 'µs',
    },
    { label: `${label}: PostgreSQL CPU per request`, value: Math.round(cpu.postgres), unit: 'µs' },
  ];
}
