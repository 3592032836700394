import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { createApiClient } from '../src/blocks/identity/service/api-clients.js';
import { identityDeps } from '../src/blocks/identity/service/deps.js';
import {
  defineRegistry,
  findRecord,
  getRegistry,
  registriesDeps,
  SYSTEM_ACTOR,
  type RegistriesDeps,
} from '../src/blocks/registries/index.js';
import { QueryBody } from '../src/blocks/registries/http/schemas.js';
import { readKzDefinition } from '../src/blocks/registries/seed/seed-demo-registries.js';
import { loadConfig } from '../src/platform/config/config.js';
import type { Database } from '../src/platform/db/database.js';
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
const ROUNDS = benchRounds(3);
const CONNECTIONS = 32;
const RECORDS = 20_000;
const CLIENT = 'KZ/GOV/150440012344/bench-system';

/**
 * A point read of one registry record by its identifier through the GovStack Data API (`POST
 * /data/{registry}/1.0/read` over HTTP: API key, Information-Mediator-Client check, definition,
 * index look-up, JSON answer), against the same look-up in raw SQL served over HTTP by the same
 * app (`POST /bench/point-read/…`: same hooks, same headers and API key, same body, same pool,
 * one plain SQL query on the same index), with the same concurrency, in one run. Twice: on the
 * flats register (no personal data) and on the population register, where every read also
 * writes its access record and its link, group-committed (the baseline writes nothing: it is the
 * floor, not a rival). Also measured, as information: the raw SQL read in process (no HTTP at
 * all), the same read through the registries service in process (what apps call), and the
 * kernel's HTTP stack alone (`whoami` with the same API key). Each figure is the median of
 * ROUNDS interleaved runs.
 */
const benchmark: Benchmark = {
  name: 'Registry point read: GovStack Data API vs raw SQL',
  async run({ createDatabase, log }) {
    const database = await createDatabase({ poolSize: 10 });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bench-registry-'));
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
      app = await buildApp({ config, db: database.db });
      const deps = registriesDeps(app.platform);
      for (const name of ['population', 'flats'])
        await defineRegistry(deps, SYSTEM_ACTOR, await readKzDefinition(name), 'benchmark');
      const { key } = await createApiClient(
        identityDeps(app.platform),
        { name: CLIENT, scopes: ['real-estate:read', 'population:read', 'identity:read'] },
        null,
      );
      log(`loading ${RECORDS} flats and ${RECORDS} people`);
      const flats = await getRegistry(deps, 'flats');
      const population = await getRegistry(deps, 'population');
      await fill(database.db, flats.id, population.id);
      // The fair baseline: the same look-up in one plain SQL statement, behind the same app.
      app.post(
        '/bench/point-read/:registryId/:field',
        { schema: { hide: true, body: QueryBody } },
        async (request) => {
          const { registryId, field } = request.params as { registryId: string; field: string };
          const value = (request.body as QueryBody).query.content[field];
          const row = await sql<{ data: unknown }>`select data from registry_record
            where registry_id = ${sql.lit(Number(registryId))} and (data ->> ${sql.lit(field)}) = ${String(value)} and not deleted
            limit 1`.execute(database.db);
          return { content: row.rows[0]?.data ?? null };
        },
      );
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const meter = await serverCpuMeter(database.db);
      const headers = {
        authorization: `Bearer ${key}`,
        'information-mediator-client': CLIENT,
        'content-type': 'application/json',
      };

      // The machine is shared, so its load drifts: each figure is the median of ROUNDS short
      // runs, and the subject and its baseline alternate within each round.
      const who = (): Promise<number> => apiRate(`${url}/api/v1/identity/whoami`, headers, null);
      const measure = async (
        label: string,
        registryId: number,
        field: string,
        keyOf: (i: number) => string,
        registry: string,
      ) => {
        const rounds: {
          raw: number;
          rawHttp: number;
          api: number;
          rawHttpCpu: ServerCpu;
          apiCpu: ServerCpu;
          service: number;
          kernel: number;
        }[] = [];
        const content = (i: number) => ({ [field]: keyOf(i) });
        for (let round = 1; round <= ROUNDS; round += 1) {
          log(`${label}: round ${round} of ${ROUNDS}`);
          const rawHttp = await metered(meter, `registry-${registry}-raw-http`, SECONDS, () =>
            apiRate(`${url}/bench/point-read/${registryId}/${field}`, headers, content),
          );
          const api = await metered(meter, `registry-${registry}-data-api`, SECONDS, () =>
            apiRate(`${url}/data/${registry}/1.0/read`, headers, content),
          );
          rounds.push({
            rawHttp: rawHttp.rate,
            api: api.rate,
            rawHttpCpu: rawHttp.cpu,
            apiCpu: api.cpu,
            raw: await rawRate(database.db, registryId, field, keyOf),
            service: await serviceRate(deps, registry, (i) => ({ [field]: keyOf(i) })),
            kernel: await who(),
          });
        }
        const median = (values: number[]) =>
          values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        return {
          raw: median(rounds.map((r) => r.raw)),
          rawHttp: median(rounds.map((r) => r.rawHttp)),
          api: median(rounds.map((r) => r.api)),
          rawHttpCpu: medianCpu(rounds.map((r) => r.rawHttpCpu)),
          apiCpu: medianCpu(rounds.map((r) => r.apiCpu)),
          service: median(rounds.map((r) => r.service)),
          kernel: median(rounds.map((r) => r.kernel)),
          apiRatio: median(rounds.map((r) => r.api / r.rawHttp)),
          inProcessRatio: median(rounds.map((r) => r.api / r.raw)),
          serviceRatio: median(rounds.map((r) => r.service / r.raw)),
          kernelRatio: median(rounds.map((r) => r.api / r.kernel)),
          reads: rounds.reduce((sum, r) => sum + (r.api + r.service) * SECONDS, 0),
        };
      };
      const before = await accessRecordCount(database.db);
      // BENCH_REGISTRIES=population measures one register only (quicker runs while tuning).
      const only = process.env.BENCH_REGISTRIES?.split(',');
      const wanted = (name: string) => !only || only.includes(name);
      const flatsFigures = wanted('flats')
        ? await measure('flats', flats.id, 'cadastralNumber', cadastral, 'flats')
        : undefined;
      const people = wanted('population')
        ? await measure('population', population.id, 'iin', iin, 'population')
        : undefined;
      const accessRecords = (await accessRecordCount(database.db)) - before;
      const g = globalThis as unknown as { batches?: number[][] };
      if (g.batches) {
        const b = g.batches;
        const sizes = b.map((x) => x[0]!).sort((x, y) => x - y);
        const times = b.map((x) => x[1]!).sort((x, y) => x - y);
        log(
          `batches ${b.length} size p50 ${sizes[b.length >> 1]} p90 ${sizes[Math.floor(b.length * 0.9)]} mean ${sizes.reduce((x, y) => x + y, 0) / b.length} ms p50 ${times[b.length >> 1]} p90 ${times[Math.floor(b.length * 0.9)]}`,
        );
      }
      // Every population read through the API or the service leaves its access record.
      if (people && accessRecords < people.reads * 0.9)
        throw new Error(
          `only ${accessRecords} access records for about ${Math.round(people.reads)} reads`,
        );

      const figures: Figure[] = [];
      for (const [name, result] of [
        ['flats', flatsFigures],
        ['population (+ access record)', people],
      ] as const) {
        if (!result) continue;
        figures.push(
          {
            label: `${name}: raw SQL point read over HTTP, same app (baseline)`,
            value: Math.round(result.rawHttp),
            unit: 'reads/s',
          },
          {
            label: `${name}: GovStack Data API read over HTTP`,
            value: Math.round(result.api),
            unit: 'reads/s',
          },
          {
            label: `${name}: ratio Data API / raw SQL over HTTP (target at least 0.6)`,
            value: result.apiRatio,
            unit: 'x',
          },
          {
            label: `${name}: raw SQL point read in process, no HTTP (information)`,
            value: Math.round(result.raw),
            unit: 'reads/s',
          },
          {
            label: `${name}: ratio Data API / raw SQL in process`,
            value: result.inProcessRatio,
            unit: 'x',
          },
          {
            label: `${name}: registries service findRecord, in process`,
            value: Math.round(result.service),
            unit: 'reads/s',
          },
          { label: `${name}: ratio service / raw SQL`, value: result.serviceRatio, unit: 'x' },
          {
            label: `${name}: kernel HTTP stack alone (whoami, same key)`,
            value: Math.round(result.kernel),
            unit: 'requests/s',
          },
          { label: `${name}: ratio Data API / whoami`, value: result.kernelRatio, unit: 'x' },
          ...cpuFigures(`${name}: raw SQL over HTTP`, result.rawHttpCpu),
          ...cpuFigures(`${name}: Data API`, result.apiCpu),
        );
      }
      figures.push({
        label: 'access records written by population reads',
        value: accessRecords,
        unit: 'rows',
      });
      return figures;
    } finally {
      await app?.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
};
export default benchmark;

const cadastral = (i: number) =>
  `20:${String(300 + (i % 100)).padStart(3, '0')}:${String(Math.floor(i / 100) % 1000).padStart(3, '0')}:017:1/${(i % 997) + 1}`;
/** Distinct 12-digit identifiers: raw rows skip the check digit, as reads never check it. */
const iin = (i: number) => `8${String(i).padStart(11, '0')}`;

/** Rows written straight in SQL (the write path is not what is measured), then analysed. */
async function fill(db: Database, flatsId: number, populationId: number): Promise<void> {
  await sql`insert into registry_record (registry_id, revision, data, created_at, updated_at)
    select ${flatsId}, 1, jsonb_build_object('cadastralNumber',
        '20:' || lpad((300 + i % 100)::text, 3, '0') || ':' || lpad(((i / 100) % 1000)::text, 3, '0') || ':017:1/' || (i % 997 + 1),
        'address', 'Almaty, Abai avenue ' || i, 'areaSquareMetres', 40 + i % 80, 'rooms', 1 + i % 4), now(), now()
    from generate_series(0, ${RECORDS - 1}) i`.execute(db);
  await sql`insert into identity_person (id, country, national_id, family_name, given_name, created_at)
    select gen_random_uuid(), 'kz', '8' || lpad(i::text, 11, '0'), 'Family' || i, 'Given', now()
    from generate_series(0, ${RECORDS - 1}) i`.execute(db);
  await sql`insert into registry_record (registry_id, revision, data, subject_person_id, created_at, updated_at)
    select ${populationId}, 1, jsonb_build_object('iin', p.national_id, 'familyName', p.family_name,
        'givenName', p.given_name, 'birthDate', '1980-01-01'), p.id, now(), now()
    from identity_person p where p.national_id like '8%' and length(p.national_id) = 12`.execute(
    db,
  );
  await sql`analyze registry_record`.execute(db);
}

/** CONNECTIONS concurrent loops doing the same point read in SQL for SECONDS. */
async function rawRate(
  db: Database,
  registryId: number,
  field: string,
  keyOf: (i: number) => string,
): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  let reads = 0;
  const worker = async (offset: number) => {
    for (let i = offset; Date.now() < end; i += CONNECTIONS) {
      const row = await sql<{ data: unknown }>`select data from registry_record
        where registry_id = ${sql.lit(registryId)} and (data ->> ${sql.lit(field)}) = ${keyOf(i % RECORDS)} and not deleted`.execute(
        db,
      );
      if (row.rows.length !== 1) throw new Error(`raw read ${i} found ${row.rows.length} rows`);
      reads += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, offset) => worker(offset)));
  return reads / SECONDS;
}

/** CONNECTIONS concurrent loops calling the service that apps call, for SECONDS. */
async function serviceRate(
  deps: RegistriesDeps,
  registry: string,
  queryOf: (i: number) => Record<string, string>,
): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  const context = {
    actor: { ...SYSTEM_ACTOR, system: false, scopes: ['real-estate:read', 'population:read'] },
    purpose: 'benchmark',
  };
  let reads = 0;
  const worker = async (offset: number) => {
    for (let i = offset; Date.now() < end; i += CONNECTIONS) {
      const found = await findRecord(
        deps.db,
        deps,
        context,
        registry,
        queryOf((i * 7919) % RECORDS),
      );
      if (!found) throw new Error(`service read ${i} found nothing`);
      reads += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, offset) => worker(offset)));
  return reads / SECONDS;
}

/** Requests per second through HTTP (a POST read, or a GET when no content is given). */
async function apiRate(
  url: string,
  headers: Record<string, string>,
  contentOf: ((i: number) => Record<string, string>) | null,
): Promise<number> {
  // A fixed cycle of distinct look-ups (plain data, so autocannon runs in its own worker thread
  // and does not take the server's event loop).
  const requests = contentOf
    ? Array.from({ length: 64 }, (_, n) => ({
        method: 'POST' as const,
        body: JSON.stringify({ query: { content: contentOf((n * 7919) % RECORDS) } }),
      }))
    : [{ method: 'GET' as const }];
  const result = await autocannon({
    url,
    headers: contentOf ? headers : { authorization: headers.authorization! },
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
    requests,
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} answers were not 200`);
  return result.requests.average;
}

async function accessRecordCount(db: Database): Promise<number> {
  const result = await sql<{ n: string }>`select count(*) as n from access_record`.execute(db);
  return Number(result.rows[0]!.n);
}
