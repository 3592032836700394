import type { Kysely } from 'kysely';

/**
 * A forward-only schema change. Numbers run 1, 2, 3… within a module with no gaps (a test holds
 * this); there is no `down`: a mistake is corrected by the next migration.
 */
export interface Migration {
  number: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
}

/** The migrations of one module (platform, a block or an app), run in the order listed. */
export interface MigrationSet {
  module: string;
  migrations: Migration[];
}
