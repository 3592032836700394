import type { Transaction } from 'kysely';
import { registriesDeps, type RegistriesDeps } from '../../../blocks/registries/index.js';
import type { TrustDeps } from '../../../blocks/trust/index.js';
import type { Database } from '../../../platform/db/database.js';
import type { Tables } from '../../../platform/db/tables.js';
import type { Platform } from '../../../platform/platform.js';
import type { Moment } from '../domain/facts.js';

/** What the e-Notary services use: the kernel, the registries block and the trust block. */
export interface ENotaryDeps {
  platform: Platform;
  db: Database;
  registries: RegistriesDeps;
  trust: TrustDeps;
}

export function createENotaryDeps(platform: Platform, trust: TrustDeps): ENotaryDeps {
  return { platform, db: platform.db, registries: registriesDeps(platform), trust };
}

/** The clock reading and the country's time zone, as the domain wants them. */
export const momentOf = (deps: ENotaryDeps, now: Date = deps.platform.now()): Moment => ({
  now,
  timeZone: deps.platform.country.timeZone,
});

/** Every write path runs in one transaction: the act, its file, its alerts commit together. */
export const transaction = <T>(deps: ENotaryDeps, work: (trx: Transaction<Tables>) => Promise<T>) =>
  deps.db.transaction().execute(work);

/** The ledger every signed act and every PoA revocation is appended to. */
export const ACTS_LEDGER = 'e-notary-acts';
/** Wills go to a ledger of their own: its entries name no act and are never public. */
export const WILLS_LEDGER = 'e-notary-wills';
