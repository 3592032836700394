import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { issueCertificate, issueDocument } from '../src/blocks/trust/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { generateDeploymentKey } from '../src/platform/crypto/deployment-key.js';
import type { Benchmark, Figure } from './support/benchmark.js';
import { benchRounds } from './support/cpu-profile.js';
import {
  cpuFigures,
  medianCpu,
  metered,
  serverCpuMeter,
  type ServerCpu,
} from './support/server-cpu.js';

const SECONDS = 3;
const ROUNDS = benchRounds(4);
// Also measured with many clients (when verifications waited for their audit entry's commit,
// throughput was bound by that commit's latency times the clients in flight).
const MANY = 128;
const CONNECTIONS = 32;
const DOCUMENTS = 1_000;

/**
 * Public document verification (issue 3 target: at least 1,500 verifications/s on 2 cores, and
 * at least 0.7 of a plain read), through the whole platform: the JSON check
 * `GET /api/v1/trust/verify/:code` and the page `GET /verify/:code`, each answered from the
 * process's cache of verification outcomes (kept until a withdrawal or revocation is announced),
 * and recording an audit entry that the answer does not wait for. Codes cycle over 1,000
 * documents, so after the first pass every outcome is cached; the JSON check is also measured
 * with the cache bypassed, each verification reading its document, certificate, revocation and
 * withdrawal in one query and checking the Ed25519 signature over the stored canonical statement
 * (cached per signature), the statement against its row and the certificate (chain cached).
 * Baseline in the same run and the same app (same hooks, same pool): a route that reads the same
 * document row by its code with one plain SQL query and returns it as JSON.
 */
const benchmark: Benchmark = {
  name: 'trust: public document verification vs a plain point read',
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: 10 });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bench-trust-'));
    let app: FastifyInstance | undefined;
    try {
      const config = loadConfig({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        // Throughput at saturation is measured, for the subject and the baseline alike: load
        // shedding would refuse the clients beyond its bounds with 503 (it has its own tests).
        OVERLOAD_MAX_IN_FLIGHT: '0',
        OVERLOAD_MAX_DB_WAITING: '0',
      });
      app = await buildApp({ config, db: database.db, deploymentKey: generateDeploymentKey() });
      const db = database.db;
      app.get('/bench/point-read/:code', { schema: { hide: true } }, async (request) => {
        const { code } = request.params as { code: string };
        const row = await sql<{
          id: string;
          kind: string;
          issued_at: Date;
          register_number: string;
        }>`
          select id, kind, issued_at, register_number from trust_document
          where verification_code = ${code}`.execute(db);
        return row.rows[0] ?? {};
      });
      await app.ready();

      log(`issuing ${DOCUMENTS} signed documents`);
      const context = { deps: app.trust, actorAccountId: null };
      const certificate = await issueCertificate(context, {
        holderKind: 'notary',
        holderId: 'notary-bench',
        holderName: 'Нотариус Бенчмарк',
      });
      const codes: string[] = [];
      for (let n = 0; n < DOCUMENTS; n++) {
        const issued = await issueDocument(context, {
          issuerCertificateId: certificate.id,
          kind: 'notary.sale-act',
          title: { kk: 'Сатып алу-сату шарты', ru: 'Договор купли-продажи', en: 'Sale contract' },
          content: {
            price: 1_000_000 + n,
            parties: ['a', 'b'],
            flat: { cadastral: `20:311:015:${n}` },
          },
          summary: [
            { label: { kk: 'Мекенжай', ru: 'Адрес', en: 'Address' }, value: `Алматы, ${n}` },
          ],
          registerNumber: `N-BENCH-${n}`,
        });
        codes.push(issued.verificationCode);
      }
      const url = await app.listen({ port: 0, host: '127.0.0.1' });

      // Interleaved rounds: the machine's load (other work on the same two cores) changes over a
      // run, and measuring the baseline and the subject side by side, round after round, lets
      // such changes fall on both alike, so their ratio stays meaningful.
      const subjects = {
        baseline: (code: string) => `/bench/point-read/${code}`,
        json: (code: string) => `/api/v1/trust/verify/${code}`,
        page: (code: string) => `/verify/${code}`,
      };
      const totals = {
        baseline: 0,
        json: 0,
        uncached: 0,
        page: 0,
        manyBaseline: 0,
        manyJson: 0,
      };
      // The same verification with the outcome cache bypassed: every check reads its document
      // and checks it (the cost of a code's first verification on a process, or after a change).
      const outcomes = app.trust.caches.verifications;
      const cachedGet = outcomes.get.bind(outcomes);
      const uncached = async () => {
        outcomes.get = (_key, load) => load();
        try {
          return await measure(url, subjects.json, codes, 'application/json', CONNECTIONS);
        } finally {
          outcomes.get = cachedGet;
        }
      };
      const meter = await serverCpuMeter(db);
      const cpu: { baseline: ServerCpu[]; json: ServerCpu[] } = { baseline: [], json: [] };
      for (let round = 1; round <= ROUNDS; round++) {
        log(`round ${round} of ${ROUNDS}`);
        const run = (path: (code: string) => string, accept: string, connections = CONNECTIONS) =>
          measure(url, path, codes, accept, connections);
        const baselineRound = await metered(meter, 'trust-point-read', SECONDS, () =>
          run(subjects.baseline, 'application/json'),
        );
        const jsonRound = await metered(meter, 'trust-verify-json', SECONDS, () =>
          run(subjects.json, 'application/json'),
        );
        totals.baseline += baselineRound.rate;
        totals.json += jsonRound.rate;
        cpu.baseline.push(baselineRound.cpu);
        cpu.json.push(jsonRound.cpu);
        totals.uncached += await uncached();
        totals.page += await run(subjects.page, 'text/html');
        totals.manyBaseline += await run(subjects.baseline, 'application/json', MANY);
        totals.manyJson += await run(subjects.json, 'application/json', MANY);
      }
      const mean = (sum: number) => sum / ROUNDS;
      const [baseline, json, page] = [mean(totals.baseline), mean(totals.json), mean(totals.page)];
      const uncachedJson = mean(totals.uncached);
      const [manyBaseline, manyJson] = [mean(totals.manyBaseline), mean(totals.manyJson)];
      const rate = (label: string, value: number): Figure => ({
        label,
        value: Math.round(value),
        unit: 'requests/s',
      });

      const figures: Figure[] = [
        rate(
          `verifications/s, JSON (GET /api/v1/trust/verify/:code), ${CONNECTIONS} clients`,
          json,
        ),
        rate(`verifications/s, page (GET /verify/:code), ${CONNECTIONS} clients`, page),
        rate(
          `baseline: plain point read of the same row, same app, ${CONNECTIONS} clients`,
          baseline,
        ),
        { label: 'ratio JSON verification / point read', value: json / baseline, unit: 'x' },
        { label: 'ratio page verification / point read', value: page / baseline, unit: 'x' },
        rate(`verifications/s, JSON, outcome cache bypassed, ${CONNECTIONS} clients`, uncachedJson),
        {
          label: 'ratio JSON verification, cache bypassed / point read',
          value: uncachedJson / baseline,
          unit: 'x',
        },
        rate(`verifications/s, JSON, ${MANY} clients`, manyJson),
        rate(`baseline: point read, ${MANY} clients`, manyBaseline),
        {
          label: `ratio JSON verification / point read, ${MANY} clients`,
          value: manyJson / manyBaseline,
          unit: 'x',
        },
        ...cpuFigures(`point read, ${CONNECTIONS} clients`, medianCpu(cpu.baseline)),
        ...cpuFigures(`JSON verification, ${CONNECTIONS} clients`, medianCpu(cpu.json)),
      ];
      return figures;
    } finally {
      await app?.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
};
export default benchmark;

/**
 * Requests per second over SECONDS, cycling through the codes; throws unless every answer is 200.
 * The requests are plain data, so autocannon runs in its own worker thread and does not take the
 * server's event loop (it used to, which halved what both the subject and the baseline reached).
 */
async function measure(
  base: string,
  path: (code: string) => string,
  codes: string[],
  accept: string,
  connections: number,
): Promise<number> {
  const result = await autocannon({
    url: base,
    connections,
    duration: SECONDS,
    workers: 1,
    headers: { accept },
    requests: codes.map((code) => ({ method: 'GET' as const, path: path(code) })),
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0)
    throw new Error(
      `${path('…')}: ${bad} answers were not 200 (${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts})`,
    );
  return result.requests.average;
}
