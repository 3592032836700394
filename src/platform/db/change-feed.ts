import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

type Listener = (payload: string) => void;

/**
 * Tells every process of a deployment that something it may hold in memory changed, through
 * PostgreSQL's LISTEN/NOTIFY: a writer calls `notifyChange` inside its transaction, PostgreSQL
 * delivers the notification to every listening process (this one included) once the transaction
 * commits, and never when it rolls back. One dedicated connection per process listens.
 *
 * Notifications sent while a process was not listening are lost, so the feed is `live` only while
 * its connection is up, and every reset listener runs whenever the connection is (re)established:
 * caches built on the feed drop everything then, and bypass themselves while it is not live.
 */
export class ChangeFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly resetListeners = new Set<() => void>();
  /** Channels whose LISTEN has completed on the current connection. */
  private readonly listening = new Set<string>();
  private client: pg.Client | undefined;
  private stopped = true;
  private retryTimer: NodeJS.Timeout | undefined;
  private connected = false;

  /** `connection` is undefined where the database is not ours to open twice: never live then. */
  constructor(
    private readonly connection: pg.ClientConfig | undefined,
    private readonly options: { retryMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  /** True while notifications are being received: only then may a cache keep what it loads. */
  get live(): boolean {
    return this.connected;
  }

  /** True while notifications of `channel` are being received (its LISTEN has completed). */
  isLive(channel: string): boolean {
    return this.connected && this.listening.has(channel);
  }

  subscribe(channel: string, listener: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      const client = this.client;
      if (this.connected && client) {
        void this.listen(client, channel).then(
          () => {
            if (this.client === client) this.listening.add(channel);
          },
          () => this.reconnect(),
        );
      }
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Runs whenever the feed (re)connects: everything remembered before may have missed changes. */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  async start(): Promise<void> {
    if (!this.connection || !this.stopped) return;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.connected = false;
    this.listening.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.connection);
    const listened = new Set<string>();
    client.on('error', (error) => {
      this.options.onError?.(error);
      this.reconnect();
    });
    client.on('end', () => this.reconnect());
    client.on('notification', (message) => {
      for (const listener of this.listeners.get(message.channel) ?? []) {
        listener(message.payload ?? '');
      }
    });
    try {
      await client.connect();
      // Until every channel's LISTEN is done, and again for any subscribed meanwhile.
      for (;;) {
        const missing = [...this.listeners.keys()].filter((channel) => !listened.has(channel));
        if (missing.length === 0) break;
        for (const channel of missing) {
          await this.listen(client, channel);
          listened.add(channel);
        }
      }
    } catch (error) {
      this.options.onError?.(error);
      await client.end().catch(() => undefined);
      this.scheduleRetry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.connected = true;
    for (const channel of listened) this.listening.add(channel);
    for (const reset of this.resetListeners) reset();
  }

  private listen(client: pg.Client, channel: string): Promise<unknown> {
    return client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  }

  private reconnect(): void {
    if (!this.connected && this.client === undefined) return;
    this.connected = false;
    this.listening.clear();
    const client = this.client;
    this.client = undefined;
    void client?.end().catch(() => undefined);
    for (const reset of this.resetListeners) reset();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.options.retryMs ?? 1000);
    this.retryTimer.unref();
  }
}

/**
 * Announces a change to every process's caches of `channel` when the surrounding transaction
 * commits (at once when `db` is not in a transaction). The payload is usually the changed key.
 */
export async function notifyChange(db: Database, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
