import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { allMigrations } from '../../src/migrations.js';
import { createDatabase } from '../../src/platform/db/database.js';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { freePort } from '../../test/support/free-port.js';
import type { BenchDatabase } from './benchmark.js';

export interface BenchServer {
  createDatabase(options?: { poolSize?: number }): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server the benchmarks run on: the one named by DATABASE_URL (its role must be
 * allowed to create databases), else an embedded one in a temporary directory, as `npm start`
 * would run it. Every benchmark gets its own database, dropped afterwards.
 */
export async function startBenchServer(log: (line: string) => void): Promise<BenchServer> {
  let adminUrl = process.env.DATABASE_URL ?? '';
  let stopServer = async () => undefined;
  if (!adminUrl) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bench-'));
    // PostgreSQL runs as an unprivileged user when the benchmarks run as root.
    await fs.chmod(dataDir, 0o755);
    log(`starting embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = embedded.urlFor('postgres');
    stopServer = async () => {
      await embedded.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  return {
    async createDatabase(options = {}) {
      const name = `ortaq_bench_${crypto.randomBytes(5).toString('hex')}`;
      await admin(adminUrl, `create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const db = createDatabase(url.toString(), { max: options.poolSize ?? 10 });
      await migrate(db, allMigrations());
      return {
        url: url.toString(),
        db,
        drop: async () => {
          await db.destroy();
          await admin(adminUrl, `drop database if exists ${name} with (force)`);
        },
      };
    },
    stop: stopServer,
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
