import type { ChangeFeed } from './change-feed.js';
import { notifyChange } from './change-feed.js';
import type { Database } from './database.js';

/** The payload that drops every entry of a cache at once. */
export const EVERY_KEY = '*';

export interface ChangeCacheOptions {
  /** At most this many entries; the oldest is dropped first. */
  maxEntries?: number;
  /** A safety net only: an entry is reloaded after this long even when no change was announced. */
  maxAgeMs?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  loadedAt: number;
}

/**
 * An in-process cache of rows that change rarely and are read on hot paths (a gateway's
 * contracts, a document's verification), kept correct across processes by a ChangeFeed channel:
 * whoever changes a row calls `changed(trx, key)` inside the transaction that changes it, and
 * every process drops that key when the transaction commits.
 *
 * Correctness rules: a load that was in flight while its key changed is returned to its caller
 * but not kept (a generation counter tells); nothing is kept while the feed is not live (its
 * notifications would be missed); concurrent misses of one key share one load.
 */
export class ChangeCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();
  private generation = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly feed: ChangeFeed,
    readonly channel: string,
    options: ChangeCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    feed.subscribe(channel, (payload) => this.invalidate(payload));
    feed.onReset(() => this.invalidate(EVERY_KEY));
  }

  /** The cached value of `key`, or what `load` gives (kept when it is safe to keep). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.feed.isLive(this.channel)) return load();
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.loadedAt < this.maxAgeMs) return Promise.resolve(entry.value);
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const forget = () => {
      if (this.loading.get(key) === promise) this.loading.delete(key);
    };
    const promise: Promise<V> = load().then(
      (value) => {
        forget();
        if (generation === this.generation && this.feed.isLive(this.channel)) this.keep(key, value);
        return value;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  /**
   * Announces that `key` (or, with EVERY_KEY, everything) changed: to every process once the
   * transaction `db` belongs to commits. Call `invalidate` too after the commit, so this process
   * forgets at once rather than when the notification comes back to it.
   */
  changed(db: Database, key: string): Promise<void> {
    return notifyChange(db, this.channel, key);
  }

  /**
   * Runs `write` in a transaction (the caller's when `db` is one) and announces inside it that
   * `key` changed. When the transaction is this call's own, this process also forgets `key` as
   * soon as it commits; in a caller's transaction, the notification that follows its commit does
   * it (forgetting earlier would let a read before the commit keep the old row).
   */
  async changing<T>(db: Database, key: string, write: (trx: Database) => Promise<T>): Promise<T> {
    const run = async (trx: Database) => {
      const result = await write(trx);
      await this.changed(trx, key);
      return result;
    };
    if (db.isTransaction) return run(db);
    const result = await db.transaction().execute(run);
    this.invalidate(key);
    return result;
  }

  /** Forgets `key` (EVERY_KEY: everything) in this process now. */
  invalidate(key: string): void {
    // Any load in flight may have read the old row: none of them may keep what it read.
    this.generation += 1;
    this.loading.clear();
    if (key === EVERY_KEY) this.entries.clear();
    else this.entries.delete(key);
  }

  private keep(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, loadedAt: this.now() });
  }
}
