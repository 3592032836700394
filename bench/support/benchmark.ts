import type { Database } from '../../src/platform/db/database.js';

/** One measured figure, printed as `label: value unit`. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
}

/** A fresh database with every migration applied, for one benchmark. */
export interface BenchDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** What the runner hands each benchmark. */
export interface BenchContext {
  /** A fresh, migrated database on the run's PostgreSQL server. */
  createDatabase(options?: { poolSize?: number }): Promise<BenchDatabase>;
  /** Progress for the operator (stderr), not a figure. */
  log(line: string): void;
}

/**
 * The contract of a `bench/*.bench.ts` module: its default export. `run` measures the subject and
 * its baseline in the same process and returns the figures, ratios included; it throws if the
 * result is wrong (e.g. the chain is broken afterwards), since a fast wrong answer is no figure.
 */
export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}
