import type { CountryProfile } from '../../../countries/country-profile.js';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import type { Database } from '../../../platform/db/database.js';
import type { Platform } from '../../../platform/platform.js';
import type { IdentifierChecks } from '../domain/record-values.js';
import { AccessRecordWriter, NotedReader } from './access.js';
import { RegistryCache } from './registry-cache.js';

/** What the registries services use from the kernel; built from `app.platform`, or by tests. */
export interface RegistriesDeps {
  db: Database;
  country: CountryProfile;
  audit: AuditLog;
  now: () => Date;
  /** Definitions read recently, so a look-up is one query (see registry-cache.ts). */
  cache: RegistryCache;
  /** Group-commits the access records of reads made outside a transaction (see access.ts). */
  accessWriter: AccessRecordWriter;
  /** Point reads outside a transaction, batched with their access records (see access.ts). */
  notedReader: NotedReader;
}

const byPlatform = new WeakMap<Platform, RegistriesDeps>();

/** One set of deps per platform, so every caller (routes, apps, the CLI) shares the cache. */
export function registriesDeps(platform: Platform): RegistriesDeps {
  let deps = byPlatform.get(platform);
  if (!deps) {
    deps = {
      db: platform.db,
      country: platform.country,
      audit: platform.audit,
      now: platform.now,
      cache: new RegistryCache(),
      accessWriter: new AccessRecordWriter(platform.db),
      notedReader: new NotedReader(platform.db),
    };
    byPlatform.set(platform, deps);
  }
  return deps;
}

export const identifierChecks = (country: CountryProfile): IdentifierChecks => ({
  person: country.personId,
  organisation: country.organisationId,
});

/**
 * Who reads or writes a registry. People act with their roles, API clients with their scopes;
 * `system` is the platform itself (demo seed, `ortaq registry import`), which the registry's
 * permissions do not limit. Name and organisation are what the person sees on "Who used my data"
 * and what a record's history shows as its author.
 */
export interface RegistryActor {
  accountId: string | null;
  name: string;
  organisation: string;
  roles: string[];
  scopes: string[];
  system?: boolean;
}

/** Why a read happens: written into every access record it causes. */
export interface ReadContext {
  actor: RegistryActor;
  /** The service, case or check the data is read for, e.g. "Pre-deal check of act 2026-000123". */
  purpose: string;
  /** The law or consent that allows this read; the registry's legal basis when omitted. */
  legalBasis?: string;
}

/** A registry named by its name, and its version (the latest live one when omitted). */
export type RegistryRef = string | { name: string; version?: string };

/** True for PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | undefined)?.code === '23505';

/** Kysely cannot nest transactions: join the caller's, or open one. */
export const inTransaction = <T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);
