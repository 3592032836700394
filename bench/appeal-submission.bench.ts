import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { seedOtinishWorld, signedIn, appealForm } from '../src/apps/e-otinish/test/world.js';
import { pendingRegistrations } from '../src/apps/e-otinish/service/file-appeal.js';
import { loadConfig } from '../src/platform/config/config.js';
import type { Database } from '../src/platform/db/database.js';
import { freePort } from '../test/support/free-port.js';
import type { Benchmark, Figure } from './support/benchmark.js';

const POOL_SIZE = 8;
/** Connections for the throughput run: twice the pool, enough to keep every connection busy. */
const CONNECTIONS = 16;
const SECONDS = 10;
/** The targets: at least 800/s, p99 under 50 ms at 100/s, a burst of 10 x 800/s. */
const TARGET_RATE = 800;
const FIXED_RATE = 100;
const BURST_RATE = 10 * TARGET_RATE;
const BURST_CONNECTIONS = 400;
const KILL_AFTER_MS = 3_000;

const body = JSON.stringify({ values: { ...appealForm(), anonymous: false } });

/**
 * Appeal submission over HTTP through the real path, against the platform running as a process
 * of its own with a pool of 8 connections: the JSON API (session and CSRF checks, validation,
 * routing, the engine's application with its clock and audit entry, the coupon and the
 * applicant's message, all committed before the 201). Measures the highest rate, the latency at a
 * fixed 100/s, a one-second burst of 8,000/s (no 5xx; refusals are 429/503 with Retry-After),
 * and durability: the server is killed with SIGKILL mid-run and restarted, and every submission
 * acknowledged with a 201 must be stored. Baseline in the same run: a bare Fastify route doing
 * one plain INSERT per request into a table of the appeal's shape, also in its own process.
 */
const benchmark: Benchmark = {
  name: 'e-Otinish: appeal submission over HTTP (pool of 8)',
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: POOL_SIZE });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bench-appeal-'));
    const servers: Server[] = [];
    try {
      const { db } = database;
      const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const headers = await signInCitizen(db, env);
      await sql`create table bench_appeal_baseline (like otinish_appeal including defaults)`.execute(
        db,
      );

      log('baseline server: one plain INSERT per request');
      const baselineServer = await startServer({ ...env, BENCH_MODE: 'baseline' });
      servers.push(baselineServer);
      const baselineUrl = `${baselineServer.url}/baseline/appeals`;
      await load(baselineUrl, headers, { connections: CONNECTIONS, duration: 2 });
      log(`baseline: highest rate, ${CONNECTIONS} connections, ${SECONDS} s`);
      const baselineMax = await load(baselineUrl, headers, {
        connections: CONNECTIONS,
        duration: SECONDS,
      });
      log(`baseline: fixed ${FIXED_RATE}/s`);
      const baselineFixed = await load(baselineUrl, headers, {
        connections: 10,
        duration: SECONDS,
        overallRate: FIXED_RATE,
      });
      await baselineServer.stop();

      log('platform server');
      let platform = await startServer(env);
      servers.push(platform);
      const url = () => `${platform.url}/e-otinish/api/appeals`;
      await load(url(), headers, { connections: CONNECTIONS, duration: 2 });
      log(`appeals: highest rate, ${CONNECTIONS} connections, ${SECONDS} s`);
      const commitsBefore = await commits(db);
      const max = await load(url(), headers, { connections: CONNECTIONS, duration: SECONDS });
      const commitsPerSubmission = ((await commits(db)) - commitsBefore) / max.acknowledged.length;
      const batch = await registrationBatch(db);
      if (process.env.BENCH_PROFILE) {
        // The profile covers start-up, warm-up and the highest rate; the server then starts anew.
        log(`CPU profile of the highest rate written to ${process.env.BENCH_PROFILE}`);
        await platform.stop();
        platform = await startServer(env);
        servers.push(platform);
      }
      log(`appeals: fixed ${FIXED_RATE}/s, ${SECONDS} s`);
      const fixed = await load(url(), headers, {
        connections: 10,
        duration: SECONDS,
        overallRate: FIXED_RATE,
      });
      await sleep(1_000);
      log(`appeals: burst of ${BURST_RATE}/s for 1 s over ${BURST_CONNECTIONS} connections`);
      // `amount` rather than a duration, so the answers still outstanding after the second count.
      const burst = await load(url(), headers, {
        connections: BURST_CONNECTIONS,
        amount: BURST_RATE,
        overallRate: BURST_RATE,
      });
      await sleep(2_000);
      const after = await load(url(), headers, {
        connections: 10,
        duration: 2,
        overallRate: FIXED_RATE,
      });

      log(`durability: SIGKILL after ${KILL_AFTER_MS} ms of load, then restart`);
      const before = await appealCount(db);
      const run = load(url(), headers, { connections: CONNECTIONS, duration: 30 });
      await sleep(KILL_AFTER_MS);
      platform.kill();
      await platform.exited;
      await sleep(300);
      run.stop();
      const killed = await run;
      platform = await startServer(env, platform.port);
      servers.push(platform);
      const acknowledged = killed.acknowledged;
      const stored = await storedOf(db, acknowledged);
      const missing = acknowledged.filter((id) => !stored.has(id));
      const total = (await appealCount(db)) - before;
      const pending = await pendingRegistrations(db);

      const problems: string[] = [];
      for (const [name, result] of Object.entries({ max, fixed, burst, after, killed })) {
        if (result.otherServerErrors > 0)
          problems.push(`${name}: ${result.otherServerErrors} answers were 5xx other than 503`);
        if (result.refusedWithoutRetryAfter > 0)
          problems.push(`${name}: ${result.refusedWithoutRetryAfter} refusals had no Retry-After`);
      }
      for (const [name, result] of Object.entries({ max, fixed, after }))
        if (result.acknowledged.length !== result.requests)
          problems.push(`${name}: ${result.requests - result.acknowledged.length} not 201`);
      if (missing.length > 0)
        problems.push(
          `${missing.length} of ${acknowledged.length} acknowledged submissions are not stored`,
        );
      if (problems.length > 0) throw new Error(problems.join('; '));

      const figures: Figure[] = [
        { label: 'appeal submissions, highest rate', value: max.rate, unit: 'submissions/s' },
        { label: 'baseline: plain INSERT per request', value: baselineMax.rate, unit: 'inserts/s' },
        { label: 'ratio appeals / baseline', value: max.rate / baselineMax.rate, unit: 'x' },
        {
          label: 'writing transactions per submission (highest rate, all sessions)',
          value: commitsPerSubmission,
          unit: '',
        },
        { label: 'appeals per registration transaction (mean)', value: batch, unit: '' },
        {
          label: `appeals offered at ${FIXED_RATE}/s: achieved`,
          value: fixed.rate,
          unit: 'submissions/s',
        },
        { label: `appeals at ${FIXED_RATE}/s: p50`, value: fixed.p50, unit: 'ms' },
        { label: `appeals at ${FIXED_RATE}/s: p99`, value: fixed.p99, unit: 'ms' },
        {
          label: `baseline at ${FIXED_RATE}/s: achieved`,
          value: baselineFixed.rate,
          unit: 'inserts/s',
        },
        { label: `baseline at ${FIXED_RATE}/s: p99`, value: baselineFixed.p99, unit: 'ms' },
        { label: 'appeals at highest rate: p99', value: max.p99, unit: 'ms' },
        { label: 'burst: requests sent', value: burst.requests, unit: 'requests' },
        { label: 'burst: time to answer them all', value: burst.seconds, unit: 's' },
        { label: 'burst: accepted (201)', value: burst.acknowledged.length, unit: 'requests' },
        { label: 'burst: refused 503 with Retry-After', value: burst.refused503, unit: 'requests' },
        { label: 'burst: refused 429 with Retry-After', value: burst.refused429, unit: 'requests' },
        { label: 'burst: other 5xx', value: burst.otherServerErrors, unit: 'requests' },
        {
          label: 'burst: connection errors and timeouts',
          value: burst.errors,
          unit: 'requests',
        },
        { label: 'burst: p99 of all answers', value: burst.p99, unit: 'ms' },
        {
          label: `after the burst, ${FIXED_RATE}/s: all 201, p99`,
          value: after.p99,
          unit: 'ms',
        },
        {
          label: 'SIGKILL mid-run: acknowledged (201 received)',
          value: acknowledged.length,
          unit: 'submissions',
        },
        {
          label: 'SIGKILL mid-run: acknowledged and stored',
          value: acknowledged.length - missing.length,
          unit: 'submissions',
        },
        {
          label: 'SIGKILL mid-run: stored without an acknowledgement (in flight)',
          value: total - (acknowledged.length - missing.length),
          unit: 'submissions',
        },
        {
          label: 'SIGKILL mid-run: accepted by the engine, registration pending for the sweep',
          value: pending,
          unit: 'applications',
        },
      ];
      return figures;
    } finally {
      for (const server of servers) server.kill();
      await Promise.all(servers.map((server) => server.exited));
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
};
export default benchmark;

/**
 * Seeds the demo bodies and a citizen with the platform in this process, and signs in through
 * the pages: the session lives in PostgreSQL and the CSRF token is derived from its cookie, so
 * both serve for the server processes too.
 */
async function signInCitizen(db: Database, env: Record<string, string>) {
  const app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  try {
    const world = await seedOtinishWorld(app);
    const browser = await signedIn(app, world, 'citizen', () => new Date(), 'en');
    return {
      cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'x-csrf-token': browser.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
    };
  } finally {
    await app.close();
  }
}

interface Server {
  url: string;
  port: number;
  exited: Promise<void>;
  kill(): void;
  stop(): Promise<void>;
}

/** bench/support/appeal-server.ts in its own process group; resolves once it listens. */
async function startServer(env: Record<string, string>, port?: number): Promise<Server> {
  const chosen = port ?? (await freePort());
  // BENCH_PROFILE=DIR: each server writes its CPU profile there when stopped (SIGTERM).
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', 'bench/support/appeal-server.ts'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        PORT: String(chosen),
        BENCH_POOL_SIZE: String(POOL_SIZE),
      },
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
  await listening;
  const kill = () => {
    if (gone) return;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return {
    url: `http://127.0.0.1:${chosen}`,
    port: chosen,
    exited,
    kill,
    stop: async () => {
      if (!gone) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

interface LoadResult {
  requests: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  acknowledged: string[];
  refused503: number;
  refused429: number;
  refusedWithoutRetryAfter: number;
  otherServerErrors: number;
  errors: number;
}

/** An autocannon run posting the appeal; counts answers by status and keeps the 201s' ids. */
function load(
  url: string,
  headers: Record<string, string>,
  options: { connections: number; duration?: number; amount?: number; overallRate?: number },
): Promise<LoadResult> & { stop(): void } {
  const acknowledged: string[] = [];
  const counts = { refused503: 0, refused429: 0, refusedWithoutRetryAfter: 0, other5xx: 0 };
  let answers = 0;
  let stop: () => void = () => undefined;
  const done = new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers,
        body,
        ...options,
        requests: [
          {
            onResponse: (status, responseBody, _context, raw) => {
              answers += 1;
              const retryAfter = (raw as Record<string, string> | undefined)?.['retry-after'];
              if (status === 201) acknowledged.push(JSON.parse(responseBody).applicationId);
              else if (status === 503 || status === 429) {
                if (status === 503) counts.refused503 += 1;
                else counts.refused429 += 1;
                if (!retryAfter) counts.refusedWithoutRetryAfter += 1;
              } else if (status >= 500) counts.other5xx += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: answers,
          seconds: result.duration,
          rate: Math.round(acknowledged.length / (result.duration || options.duration || 1)),
          p50: result.latency.p50,
          p99: result.latency.p99,
          acknowledged,
          refused503: counts.refused503,
          refused429: counts.refused429,
          refusedWithoutRetryAfter: counts.refusedWithoutRetryAfter,
          otherServerErrors: counts.other5xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    stop = () => instance.stop();
  });
  return Object.assign(done, { stop: () => stop() });
}

/**
 * Transaction ids handed out so far, server-wide: every transaction that writes takes one, so the
 * difference over a run counts the writing transactions (pg-boss's and the audit log's included).
 */
async function commits(db: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select txid_current()::float8 as n`.execute(db);
  return rows[0]!.n;
}

async function registrationBatch(db: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::float8 / count(distinct xmin::text) as n from otinish_coupon`.execute(db);
  return rows[0]!.n;
}

async function appealCount(db: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from otinish_appeal`.execute(
    db,
  );
  return rows[0]!.n;
}

/** Of these applications, those with their appeal row and coupon stored. */
async function storedOf(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    select o.application_id as id from otinish_appeal o
    join otinish_coupon c on c.application_id = o.application_id
    where o.application_id = any(${ids}::uuid[])`.execute(db);
  return new Set(rows.map((row) => row.id));
}
