import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables.js';

export type Database = Kysely<Tables>;

// Return int8 and numeric as JS numbers where they fit: counts and sequence numbers stay exact
// below 2^53, which every platform sequence stays under.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const pools = new WeakMap<Database, pg.Pool>();

export function createDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/**
 * The connection pool under a Database made by createDatabase, for the few kernel parts that need
 * it: the job queue shares it (one pool per process) and the metrics report its size.
 */
export function poolOf(db: Database): pg.Pool | undefined {
  return pools.get(db);
}
