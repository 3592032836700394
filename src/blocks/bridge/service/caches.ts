import type { KeyObject } from 'node:crypto';
import { ChangeCache } from '../../../platform/db/change-cache.js';
import type { ChangeFeed } from '../../../platform/db/change-feed.js';
import type { Database } from '../../../platform/db/database.js';
import type { ConsentEvent } from '../../consent/domain/consent-decision.js';
import type { SubsystemId } from '../domain/member-id.js';
import type { CurrentContract } from './contracts.js';
import type { Federation } from './federation.js';
import type { Passport } from './passports.js';

/** What the gateway needs of a member certificate; its status is judged at each call. */
export interface CertificateFacts {
  holderKind: string;
  holderId: string;
  notBefore: Date;
  notAfter: Date;
  revoked: boolean;
  publicKey: KeyObject;
}

/** A subsystem with its member, as the gateway names a client. */
export type Subsystem = SubsystemId & { id: string; memberId: string; memberName: string };

/**
 * The rows the gateway reads on every call, held in this process and dropped when they change
 * (see the README, "Caches on the gateway's path"). Each cache is a ChangeCache on a channel of
 * its own. Whoever changes a cached row announces it inside the changing transaction
 * (`changed(trx, key)`, every process drops the key when it commits) and forgets it here right
 * after the commit (`invalidate(key)`); `announce` does both around a write.
 *
 * Caches marked "found only" never keep a miss: their keys come from callers (a path, a key id),
 * and a row created later needs no announcement. The others keep "none" too, and every write
 * that creates their rows announces.
 */
export interface BridgeCaches {
  /** Passports at their current version, by service id `KZ/GOV/…/read-person` (found only). */
  passports: ChangeCache<Passport>;
  /**
   * Member certificates by id (found only). Certificates never change; a revocation (the trust
   * block's) is checked again in the database with every nonce claim, so it is never missed.
   */
  certificates: ChangeCache<CertificateFacts>;
  /** Subsystems by identifier `KZ/COM/…/crm` (found only; they never change). */
  subsystems: ChangeCache<Subsystem>;
  /** The current contract of a passport and a consumer subsystem, or none (contractKey). */
  contracts: ChangeCache<CurrentContract | null>;
  /** A person's consent events for a passport (consentKey), judged at each call. */
  consents: ChangeCache<ConsentEvent[]>;
  /** Person ids by national identifier (personKey, found only; a trigger announces changes). */
  persons: ChangeCache<string>;
  /** The opened Authorization for a passport's provider, or none, by passport id. */
  credentials: ChangeCache<string | null>;
  /** Partners by instance code (found only), their validity judged at each call. */
  federations: ChangeCache<Federation>;
}

/** The channel on which migration 5's trigger announces a changed person (`personKey`). */
const PERSON_CHANNEL = 'bridge_person';

export const contractKey = (passportId: string, consumerSubsystemId: string) =>
  `${passportId}/${consumerSubsystemId}`;
export const consentKey = (personId: string, passportId: string) => `${personId}/${passportId}`;
export const personKey = (country: string, nationalId: string) => `${country}:${nationalId}`;

const byFeed = new WeakMap<ChangeFeed, BridgeCaches>();

/**
 * The bridge's caches of the process that listens on `feed`: one set per app, however many
 * places build the bridge's dependencies, so a write through any of them is forgotten by the
 * gateway at once.
 */
export function bridgeCaches(feed: ChangeFeed): BridgeCaches {
  let caches = byFeed.get(feed);
  if (!caches) {
    caches = {
      passports: new ChangeCache(feed, 'bridge_passport'),
      certificates: new ChangeCache(feed, 'bridge_certificate'),
      subsystems: new ChangeCache(feed, 'bridge_subsystem'),
      contracts: new ChangeCache(feed, 'bridge_contract'),
      consents: new ChangeCache(feed, 'bridge_consent'),
      persons: new ChangeCache(feed, PERSON_CHANNEL),
      credentials: new ChangeCache(feed, 'bridge_provider_credential'),
      federations: new ChangeCache(feed, 'bridge_federation'),
    };
    byFeed.set(feed, caches);
  }
  return caches;
}

/** Runs `write` and announces that `key` of `cache` changed (ChangeCache.changing). */
export const announce = <T, V>(
  cache: ChangeCache<V>,
  key: string,
  db: Database,
  write: (trx: Database) => Promise<T>,
): Promise<T> => cache.changing(db, key, write);

const NOT_FOUND = Symbol('not found');

/** `cache.get` for a "found only" cache: a miss is loaded each time and never kept. */
export async function getFound<V>(
  cache: ChangeCache<V>,
  key: string,
  load: () => Promise<V | undefined>,
): Promise<V | undefined> {
  try {
    return await cache.get(key, async () => {
      const value = await load();
      if (value === undefined) throw NOT_FOUND;
      return value;
    });
  } catch (error) {
    if (error === NOT_FOUND) return undefined;
    throw error;
  }
}
