import { appendEntries, prepareEvent } from '../../../platform/audit/append-entries.js';
import type { AuditEvent } from '../../../platform/audit/audit-event.js';
import type { Database } from '../../../platform/db/database.js';
import type { CountryProfile } from '../../../countries/country-profile.js';
import type { TrustDeps } from '../../trust/index.js';
import type { Platform } from '../../../platform/platform.js';
import { bridgeCaches, type BridgeCaches } from './caches.js';

/**
 * What the bridge's services use, built once by bridgePlugin (or by a test): the kernel's
 * database and clock, this deployment's X-Road instance code (`KZ`), its country profile (to
 * read a person's identifier), the trust block (the deployment CA issues member certificates) and
 * the process's caches of what the gateway reads (`bridgeCaches(platform.changes)`).
 */
export interface BridgeDeps {
  db: Database;
  now: () => Date;
  /** This deployment's instance code, e.g. `KZ`: the first part of every local identifier. */
  instance: string;
  country: CountryProfile;
  trust: TrustDeps;
  caches: BridgeCaches;
}

/**
 * The bridge's dependencies in an app: the platform's, the trust block's, this deployment's
 * instance code (by default its country in capitals, `KZ`) and the process's shared caches.
 */
export function bridgeDeps(
  platform: Platform,
  trust: TrustDeps,
  instance = platform.country.id.toUpperCase(),
): BridgeDeps {
  return {
    db: platform.db,
    now: platform.now,
    instance,
    country: platform.country,
    trust,
    caches: bridgeCaches(platform.changes),
  };
}

/** Who acts through the API: an account, and whether it holds the administrator role. */
export interface Actor {
  accountId: string;
  admin: boolean;
}

/** Kysely cannot nest transactions: join the caller's, or open one. */
export const inTransaction = <T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/** Writes an audit entry inside `trx`: it exists exactly when the change it reports does. */
export async function audit(trx: Database, now: Date, event: AuditEvent): Promise<void> {
  await appendEntries(trx, [prepareEvent(event, now)]);
}

/** True for PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | undefined)?.code === '23505';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
