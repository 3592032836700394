import fs from 'node:fs/promises';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { createDatabase } from '../../src/platform/db/database.js';

/**
 * The platform as `ortaq start` builds it, for bridge-gateway.bench.ts, in a process of its own
 * (its own event loop, as in production), on DATABASE_URL (already migrated and seeded) with a
 * pool of BENCH_POOL_SIZE connections. A second loopback port tells the benchmark what the
 * process spent: `GET /` answers `{statements, commits, byText, cpu}` (the SQL statements its
 * connections sent, the transactions among them that wrote, each statement's count by its text,
 * and the process's CPU time in µs); with BENCH_PROFILE=DIR, `POST /profile/start` and
 * `POST /profile/stop?name=NAME` record a CPU profile of that stretch into DIR/NAME.cpuprofile.
 * Prints `listening <that port>` once it serves.
 */
const counts = { statements: 0, commits: 0, byText: {} as Record<string, number> };
const inTransaction = new WeakSet<pg.Client>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
  if (text !== undefined) {
    counts.statements += 1;
    const verb = /^\s*(?:with\b[\s\S]*?\b)?(\w+)/i.exec(text)?.[1]?.toLowerCase() ?? '';
    if (verb === 'begin') inTransaction.add(this);
    else if (verb === 'commit' || verb === 'rollback') {
      inTransaction.delete(this);
      if (verb === 'commit') counts.commits += 1;
    } else if (!inTransaction.has(this) && /^\s*(insert|update|delete|with)\b/i.test(text))
      counts.commits += 1; // a writing statement outside a transaction commits on its own
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    counts.byText[key] = (counts.byText[key] ?? 0) + 1;
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const config = loadConfig(process.env);
const db = createDatabase(config.databaseUrl, { max: Number(process.env.BENCH_POOL_SIZE ?? '10') });
const app = await buildApp({ config, db });
await app.listen({ port: config.port, host: config.host });

const profileDir = process.env.BENCH_PROFILE;
const session = new Session();
const stats = http.createServer((request, response) => {
  void (async () => {
    const url = new URL(request.url ?? '/', 'http://stats');
    if (request.method === 'POST' && profileDir) {
      if (url.pathname === '/profile/start') {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else if (url.pathname === '/profile/stop') {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        await fs.mkdir(profileDir, { recursive: true });
        const name = (url.searchParams.get('name') ?? 'gateway').replace(/[^\w.-]/g, '_');
        await fs.writeFile(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
      }
    }
    const cpu = process.cpuUsage();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...counts, cpu: cpu.user + cpu.system }));
  })();
});
await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
process.stdout.write(`listening ${(stats.address() as AddressInfo).port}\n`);
const stop = async () => {
  stats.close();
  await app.close();
  await db.destroy();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
