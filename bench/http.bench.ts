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

const SECONDS = 8;
const CONNECTIONS = 32;

/**
 * Throughput of the platform's HTTP stack against a bare Fastify route served by the same
 * process: an authenticated JSON endpoint (API key looked up in PostgreSQL, scope check, request
 * id, security headers, metrics) and the server-rendered catalogue page, each as a ratio of the
 * bare route measured in the same run.
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
      });
      app = await buildApp({ config, db: database.db });
      const { key } = await createApiClient(
        identityDeps(app.platform),
        { name: 'benchmark', scopes: [IDENTITY_SCOPES.read] },
        null,
      );
      const platformUrl = await app.listen({ port: 0, host: '127.0.0.1' });
      const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

      log('bare Fastify route');
      const bareRate = await measure(`${bareUrl}/bare`, {});
      log('authenticated JSON endpoint');
      const jsonRate = await measure(`${platformUrl}/api/v1/identity/whoami`, {
        authorization: `Bearer ${key}`,
      });
      log('catalogue page');
      const pageRate = await measure(`${platformUrl}/apps`, { accept: 'text/html' });

      const figures: Figure[] = [
        { label: 'baseline: bare Fastify route', value: Math.round(bareRate), unit: 'requests/s' },
        {
          label: 'authenticated JSON (whoami, API key)',
          value: Math.round(jsonRate),
          unit: 'requests/s',
        },
        {
          label: 'catalogue page (server-rendered)',
          value: Math.round(pageRate),
          unit: 'requests/s',
        },
        { label: 'ratio authenticated JSON / bare', value: jsonRate / bareRate, unit: 'x' },
        { label: 'ratio catalogue page / bare', value: pageRate / bareRate, unit: 'x' },
      ];
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

/** Requests per second over SECONDS; throws when any answer is not a 200. */
async function measure(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} answers were not 200`);
  return result.requests.average;
}
