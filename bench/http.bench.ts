import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { IDENTITY_SCOPES } from '../src/blocks/identity/domain/api-scopes.js';
import { createApiClient } from '../src/blocks/identity/service/api-clients.js';
import { identityDeps } from '../src/blocks/identity/service/deps.js';
import { loadConfig } from '../src/platform/config/config.js';
import type { Benchmark, Figure } from './support/benchmark.js';
import { benchRounds } from './support/cpu-profile.js';
import { medianCpu, metered, serverCpuMeter, type ServerCpu } from './support/server-cpu.js';

const SECONDS = 4;
const ROUNDS = benchRounds(3);
const CONNECTIONS = 32;

/**
 * Throughput and CPU per request of the platform's HTTP stack against a bare Fastify route
 * served by the same process: an authenticated JSON endpoint (API key, scope check, request id,
 * security headers, CSRF, session, language and metrics hooks) and the server-rendered catalogue
 * page, each as a ratio of the bare route, alternating within each of ROUNDS rounds (median).
 * The load generator runs in a worker thread, so the main thread's CPU (and, with BENCH_PROFILE,
 * its profile) is the servers' alone.
 */
const benchmark: Benchmark = {
  name: 'HTTP: authenticated JSON endpoint and catalogue page vs a bare Fastify route',
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: 10 });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bench-http-'));
    const bare = Fastify({ logger: false });
    bare.get('/bare', async () => ({ ok: true }));
    let app: FastifyInstance | undefined;
    try {
      const config = loadConfig({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        // Throughput at saturation is measured: load shedding has its own tests.
        OVERLOAD_MAX_IN_FLIGHT: '0',
        OVERLOAD_MAX_DB_WAITING: '0',
      });
      app = await buildApp({ config, db: database.db });
      const { key } = await createApiClient(
        identityDeps(app.platform),
        { name: 'benchmark', scopes: [IDENTITY_SCOPES.read] },
        null,
      );
      const platformUrl = await app.listen({ port: 0, host: '127.0.0.1' });
      const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
      const meter = await serverCpuMeter(database.db);

      const rounds: Record<'bare' | 'json' | 'page', { rate: number; cpu: ServerCpu }>[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        log(`round ${round} of ${ROUNDS}: bare route, whoami, catalogue page`);
        rounds.push({
          bare: await metered(meter, `http-bare-${round}`, SECONDS, () =>
            measure(`${bareUrl}/bare`, {}),
          ),
          json: await metered(meter, `http-whoami-${round}`, SECONDS, () =>
            measure(`${platformUrl}/api/v1/identity/whoami`, { authorization: `Bearer ${key}` }),
          ),
          page: await metered(meter, `http-page-${round}`, SECONDS, () =>
            measure(`${platformUrl}/apps`, { accept: 'text/html' }),
          ),
        });
      }
      const median = (values: number[]) =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const rate = (kind: 'bare' | 'json' | 'page') => median(rounds.map((r) => r[kind].rate));
      const cpu = (kind: 'bare' | 'json' | 'page') =>
        medianCpu(rounds.map((r) => r[kind].cpu)).node;

      const figures: Figure[] = [
        {
          label: 'baseline: bare Fastify route',
          value: Math.round(rate('bare')),
          unit: 'requests/s',
        },
        {
          label: 'authenticated JSON (whoami, API key)',
          value: Math.round(rate('json')),
          unit: 'requests/s',
        },
        {
          label: 'catalogue page (server-rendered)',
          value: Math.round(rate('page')),
          unit: 'requests/s',
        },
        {
          label: 'ratio authenticated JSON / bare',
          value: median(rounds.map((r) => r.json.rate / r.bare.rate)),
          unit: 'x',
        },
        {
          label: 'ratio catalogue page / bare',
          value: median(rounds.map((r) => r.page.rate / r.bare.rate)),
          unit: 'x',
        },
      ];
      if (!Number.isNaN(cpu('bare')))
        figures.push(
          { label: 'CPU per request, bare route', value: Math.round(cpu('bare')), unit: 'µs' },
          { label: 'CPU per request, whoami', value: Math.round(cpu('json')), unit: 'µs' },
          { label: 'CPU per request, catalogue page', value: Math.round(cpu('page')), unit: 'µs' },
          {
            label: 'ratio CPU whoami / bare',
            value: median(rounds.map((r) => r.json.cpu.node / r.bare.cpu.node)),
            unit: 'x',
          },
        );
      return figures;
    } finally {
      await app?.close();
      await bare.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
};
export default benchmark;

/** Requests per second over SECONDS, from a worker thread; throws when an answer is not a 200. */
async function measure(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} answers were not 200`);
  return result.requests.average;
}
