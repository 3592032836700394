import autocannon from 'autocannon';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { generateDeploymentKey } from '../crypto/deployment-key.js';
import { createDatabase, poolOf, type Database } from '../db/database.js';

/**
 * The platform with two extra routes: one whose answers wait until the test opens the gate, one
 * that spends 10 ms in the database.
 */
async function appWithGate(database: TestDatabase, env: Record<string, string>, db?: Database) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env });
  const app = await buildApp({
    config,
    db: db ?? database.db,
    deploymentKey: generateDeploymentKey(),
  });
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  app.get('/api/v1/test/slow', { schema: { hide: true } }, async () => {
    await gate;
    return { ok: true };
  });
  // A route that holds a pooled connection for 10 ms, as a database-bound handler does.
  app.get('/api/v1/test/query', { schema: { hide: true } }, async () => {
    await sql`select pg_sleep(0.01)`.execute(app.platform.db);
    return { ok: true };
  });
  await app.ready();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, open };
}

const statusesOf = (responses: Response[]) => responses.map((r) => r.status);

describe('overload protection', { timeout: 60_000 }, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('refuses what exceeds the requests in flight with 503, problem+json and Retry-After; probes still answer', async () => {
    const { app, url, open } = await appWithGate(database, {
      OVERLOAD_MAX_IN_FLIGHT: '4',
      OVERLOAD_RETRY_SECONDS: '3',
    });
    try {
      const held = Array.from({ length: 4 }, () => fetch(`${url}/api/v1/test/slow`));
      // Let the four reach the route before the rest arrive.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refused = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${url}/api/v1/test/slow`, { headers: { cookie: 'lang=ru' } }),
        ),
      );
      expect(statusesOf(refused)).toEqual(Array(20).fill(503));
      for (const response of refused) {
        expect(response.headers.get('retry-after')).toBe('3');
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      expect(await refused[0]!.json()).toMatchObject({
        status: 503,
        code: 'HTTP_OVERLOADED',
        title: 'Сервер сейчас перегружен. Повторите через несколько секунд',
      });
      // A browser gets the error page, with the same status and Retry-After.
      const page = await fetch(`${url}/apps`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('3');
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      // Operators' probes are exempt.
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      expect((await fetch(`${url}/metrics`)).status).toBe(200);

      open();
      expect(statusesOf(await Promise.all(held))).toEqual([200, 200, 200, 200]);
      // The slots are given back once the answers are sent.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await fetch(`${url}/api/v1/test/slow`)).status).toBe(200);
    } finally {
      open();
      await app.close();
    }
  });

  it('under a saturating load answers only 2xx or 503, never another 5xx', async () => {
    const { app, url, open } = await appWithGate(database, { OVERLOAD_MAX_IN_FLIGHT: '2' });
    open();
    try {
      const statuses = new Map<number, number>();
      const retryAfter = new Set<string>();
      const result = await autocannon({
        url: `${url}/api/v1/test/query`,
        connections: 40,
        duration: 2,
        requests: [
          {
            onResponse: (status: number, _body: string, _context: unknown, headers) => {
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status === 503) retryAfter.add(String(headersOf(headers)['retry-after']));
            },
          },
        ],
      });
      expect(result.errors + result.timeouts).toBe(0);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
      expect([...statuses.keys()].sort()).toEqual([200, 503]);
      expect([...retryAfter]).toEqual(['2']);
    } finally {
      await app.close();
    }
  });

  it('refuses while the event loop lags beyond the bound, when that bound is set', async () => {
    const { app, url, open } = await appWithGate(database, {
      OVERLOAD_MAX_IN_FLIGHT: '0',
      OVERLOAD_LOOP_DELAY_MS: '5',
    });
    open();
    try {
      const start = Date.now();
      while (Date.now() - start < 1_500) {
        // A long synchronous task: the event loop answers nothing meanwhile.
      }
      const seen: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 30 && !refused; i++) {
        const response = await fetch(`${url}/api/v1/services`);
        seen.push(response.status);
        if (response.status === 503) refused = response;
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(refused, `statuses: ${seen.join(',')}`).toBeDefined();
      expect(refused!.headers.get('retry-after')).toBe('2');
      expect((await refused!.json()).code).toBe('HTTP_OVERLOADED');
      expect(seen.every((status) => status === 200 || status === 503)).toBe(true);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses while queries queue for a database connection beyond the bound', async () => {
    const db = createDatabase(database.url, { max: 2 });
    const { app, url, open } = await appWithGate(
      database,
      { OVERLOAD_MAX_IN_FLIGHT: '0', OVERLOAD_MAX_DB_WAITING: '1' },
      db,
    );
    open();
    const pool = poolOf(db)!;
    const taken: pg.PoolClient[] = [];
    try {
      await app.platform.jobs.stop();
      taken.push(await pool.connect(), await pool.connect());
      const waiting = pool.query('select 1');
      expect(pool.waitingCount).toBe(1);
      const refused = await fetch(`${url}/api/v1/services`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect((await refused.json()).code).toBe('HTTP_OVERLOADED');
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      for (const client of taken.splice(0)) client.release();
      await waiting;
      expect((await fetch(`${url}/api/v1/services`)).status).toBe(200);
    } finally {
      for (const client of taken) client.release();
      await app.close();
      await db.destroy();
    }
  });
});

/** autocannon hands headers as a flat [name, value, …] list. */
function headersOf(raw: unknown): Record<string, string> {
  if (!Array.isArray(raw)) return (raw ?? {}) as Record<string, string>;
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2)
    headers[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
  return headers;
}
