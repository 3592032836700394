import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../../test/support/database.js';
import { ChangeCache, EVERY_KEY } from './change-cache.js';
import { ChangeFeed } from './change-feed.js';
import { createDatabase, type Database } from './database.js';

/** Waits until `check` holds (notifications arrive asynchronously), failing after 5 s. */
async function eventually(check: () => boolean): Promise<void> {
  const until = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ChangeCache over a ChangeFeed (two processes sharing one database)', () => {
  let db: Database;
  let url: string;
  let drop: () => Promise<void>;
  const feeds: ChangeFeed[] = [];

  beforeAll(async () => {
    const empty = await createEmptyDatabase();
    url = empty.url;
    db = createDatabase(url, { max: 3 });
    await sql`create table setting (key text primary key, value text not null)`.execute(db);
    await sql`insert into setting values ('a', 'one'), ('b', 'two')`.execute(db);
    drop = async () => {
      await Promise.all(feeds.map((feed) => feed.stop()));
      await db.destroy();
      await empty.drop();
    };
  });
  afterAll(() => drop());

  async function startFeed(): Promise<ChangeFeed> {
    const feed = new ChangeFeed({ connectionString: url }, { retryMs: 50 });
    feeds.push(feed);
    await feed.start();
    return feed;
  }

  /** A started feed's cache of `setting`, once its channel is listened to. */
  async function liveSettingCache() {
    const feed = await startFeed();
    const cache = settingCache(feed);
    await eventually(() => feed.isLive(cache.cache.channel));
    return cache;
  }

  /** The backend of the feed started last: the newest connection whose last query was LISTEN. */
  async function feedBackend(): Promise<{ pid: number }> {
    const { rows } = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where datname = current_database() and query like 'LISTEN%'
      order by backend_start desc limit 1`.execute(db);
    if (!rows[0]) throw new Error('no listening backend');
    return rows[0];
  }

  /** A cache of `setting` that counts its loads, as one process would hold it. */
  function settingCache(feed: ChangeFeed) {
    const cache = new ChangeCache<string>(feed, 'setting_changed');
    const counter = { loads: 0 };
    const read = (key: string) =>
      cache.get(key, async () => {
        counter.loads += 1;
        const { rows } = await sql<{
          value: string;
        }>`select value from setting where key = ${key}`.execute(db);
        return rows[0]!.value;
      });
    return { cache, read, counter };
  }

  async function setValue(cache: ChangeCache<string>, key: string, value: string, commit = true) {
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`update setting set value = ${value} where key = ${key}`.execute(trx);
        await cache.changed(trx, key);
        if (!commit) throw new Error('rolled back');
      })
      .catch((error: Error) => {
        if (commit) throw error;
      });
  }

  it('serves a key from memory until another process commits a change to it', async () => {
    const here = await liveSettingCache();
    const there = await liveSettingCache();
    expect(await here.read('a')).toBe('one');
    expect(await here.read('a')).toBe('one');
    expect(here.counter.loads).toBe(1);

    await setValue(there.cache, 'a', 'uno');
    await eventually(() => here.counter.loads === 1 && here.cache['entries'].size === 0);
    expect(await here.read('a')).toBe('uno');
    expect(here.counter.loads).toBe(2);
  });

  it('keeps its entries when the changing transaction rolls back', async () => {
    const here = await liveSettingCache();
    const there = await liveSettingCache();
    await here.read('b');
    await setValue(there.cache, 'b', 'never', false);
    // A committed change on another key arrives after the rolled-back one would have.
    await setValue(there.cache, 'a', 'eins');
    await eventually(() => here.cache['generation'] > 0);
    await here.read('b');
    expect(here.counter.loads).toBe(1);
  });

  it('does not keep a value whose load was in flight when the key changed', async () => {
    const feed = await startFeed();
    const cache = new ChangeCache<string>(feed, 'race');
    let release!: () => void;
    const slowLoad = cache.get(
      'k',
      () => new Promise((resolve) => (release = () => resolve('old'))),
    );
    cache.invalidate('k');
    release();
    expect(await slowLoad).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('shares one load among concurrent misses of the same key', async () => {
    const { read, counter } = await liveSettingCache();
    await Promise.all([read('b'), read('b'), read('b')]);
    expect(counter.loads).toBe(1);
  });

  it('keeps nothing while the feed is not live, and forgets everything when it reconnects', async () => {
    const idle = new ChangeFeed(undefined);
    const { read, counter } = settingCache(idle);
    await read('a');
    await read('a');
    expect(counter.loads).toBe(2);

    // The cache subscribes before the feed starts, so its LISTEN is done when start() resolves.
    const feed = new ChangeFeed({ connectionString: url }, { retryMs: 50 });
    feeds.push(feed);
    const live = settingCache(feed);
    let resets = 0;
    feed.onReset(() => (resets += 1));
    await feed.start();
    await live.read('a');
    const { pid } = await feedBackend();
    // The connection drops (a reset, entries forgotten) and comes back (another reset); counted,
    // not polled, as the feed may be down for less than a poll.
    const before = resets;
    let sizeAtDrop = -1;
    feed.onReset(() => {
      if (sizeAtDrop === -1) sizeAtDrop = live.cache['entries'].size;
    });
    await sql`select pg_terminate_backend(${pid})`.execute(db);
    await eventually(() => resets >= before + 2 && feed.live);
    expect(sizeAtDrop).toBe(0);
    await live.read('a');
    await live.read('a');
    expect(live.counter.loads).toBe(2);
  });

  it('changing: forgets the key in this process as soon as its own transaction commits, not on a rollback', async () => {
    const here = await liveSettingCache();
    await here.read('a');
    const generation = here.cache['generation'];
    await here.cache.changing(db, 'a', (trx) =>
      sql`update setting set value = 'bir' where key = 'a'`.execute(trx),
    );
    // No waiting for the notification: this process forgot at the commit.
    expect(await here.read('a')).toBe('bir');
    // The notification of that commit comes back too (a second forgetting); then the rollback.
    await eventually(() => here.cache['generation'] === generation + 2);
    await here.read('a');
    await expect(
      here.cache.changing(db, 'a', async (trx) => {
        await sql`update setting set value = 'never' where key = 'a'`.execute(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const loads = here.counter.loads;
    expect(await here.read('a')).toBe('bir');
    expect(here.counter.loads).toBe(loads);
  });

  it('drops every entry on the EVERY_KEY payload and bounds its size', async () => {
    const feed = await startFeed();
    const cache = new ChangeCache<number>(feed, 'bounded', { maxEntries: 2 });
    // Subscribed after the start: kept only once its LISTEN is done.
    await eventually(() => feed.isLive('bounded'));
    await cache.get('x', async () => 1);
    await cache.get('y', async () => 2);
    await cache.get('z', async () => 3);
    expect([...cache['entries'].keys()]).toEqual(['y', 'z']);
    await cache.changed(db, EVERY_KEY);
    await eventually(() => cache['entries'].size === 0);
  });
});
