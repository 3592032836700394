import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import { poolOf, type Database } from '../db/database.js';
import type { Tables } from '../db/tables.js';

/** One job as its handler sees it. */
export interface Job<Data> {
  id: string;
  name: string;
  data: Data;
  /** How many times it failed before this attempt (0 on the first). */
  retryCount: number;
}

export type JobHandler<Data> = (job: Job<Data>) => Promise<void>;

export interface SendOptions {
  /** How many times a failed job is tried again (default 2). */
  retryLimit?: number;
  /** Seconds between attempts (default 30). */
  retryDelaySeconds?: number;
  /** Double the delay after each failure. */
  retryBackoff?: boolean;
  /** Run no earlier than this moment (legal-deadline timers). */
  startAfter?: Date;
  /** At most one queued job per key and queue. */
  singletonKey?: string;
  /** An attempt that runs longer than this counts as failed (default 15 minutes). */
  expireInSeconds?: number;
}

export interface JobsOptions {
  log: { error(obj: object, message: string): void; info(obj: object, message: string): void };
  /** How often an idle worker looks for new jobs (pg-boss' minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How long stop() lets active jobs finish before they are failed (and so retried later). */
  stopTimeoutMs?: number;
}

interface Registration {
  name: string;
  handler: JobHandler<unknown>;
}

/**
 * The platform's durable job queue (pg-boss, in the `pgboss` schema of the same PostgreSQL):
 * deliveries, legal-deadline timers and checkpoints survive restarts and run on whichever node
 * is free. Workers are registered before or after start; a job sent while no worker listens waits
 * in the database until one does.
 */
export class Jobs {
  readonly #boss: PgBoss;
  readonly #options: JobsOptions;
  readonly #registrations: Registration[] = [];
  readonly #queues = new Map<string, Promise<void>>();
  #state: 'idle' | 'starting' | 'started' | 'stopping' | 'stopped' = 'idle';

  constructor(db: Database, options: JobsOptions) {
    const pool = poolOf(db);
    if (!pool) throw new Error('Jobs needs a Database made by createDatabase');
    this.#options = options;
    this.#boss = new PgBoss({
      // Share the platform's pool: one set of connections per process, and tests get their own
      // database for free.
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      migrate: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    });
    this.#boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  }

  /** True between a successful start() and stop(): readiness checks read it. */
  get started(): boolean {
    return this.#state === 'started';
  }

  /** Creates or upgrades the queue's schema, then starts every registered worker. */
  async start(): Promise<void> {
    if (this.#state !== 'idle') return;
    this.#state = 'starting';
    await this.#boss.start();
    for (const registration of this.#registrations) await this.#listen(registration);
    this.#state = 'started';
  }

  /**
   * Queues a job; it is committed when this resolves and runs at least once, on any node.
   *
   * Outcomes: the job id; null when singletonKey already has a queued job; throws if the queue
   * is not started.
   */
  async send<Data extends object>(
    name: string,
    data: Data,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (this.#state !== 'started' && this.#state !== 'starting') {
      throw new Error(`the job queue is not running; cannot send ${name}`);
    }
    await this.#queue(name);
    return this.#boss.send(name, data, bossSendOptions(options));
  }

  /**
   * Queues a job inside the caller's transaction (the outbox pattern): the job exists if and
   * only if the transaction commits, so a rolled-back write never sends an email or fires a
   * deadline, and a committed one never loses its job.
   *
   * Outcomes: the job id; null when singletonKey already has a queued job; throws if the queue
   * is not started.
   */
  async sendInTransaction<Data extends object>(
    trx: Transaction<Tables>,
    name: string,
    data: Data,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (this.#state !== 'started' && this.#state !== 'starting') {
      throw new Error(`the job queue is not running; cannot send ${name}`);
    }
    // The queue itself is created outside the transaction: creating it is idempotent and must
    // survive a rollback of the caller's work.
    await this.#queue(name);
    const executeSql = async (text: string, values: unknown[] = []) =>
      trx.executeQuery(CompiledQuery.raw(text, values));
    return this.#boss.send(name, data, { ...bossSendOptions(options), db: { executeSql } });
  }

  /**
   * Runs `handler` for every job of this name, one at a time. A handler that throws fails the
   * attempt; the job is retried per its options and then kept as failed.
   */
  async work<Data>(name: string, handler: JobHandler<Data>): Promise<void> {
    const registration: Registration = { name, handler: handler as JobHandler<unknown> };
    this.#registrations.push(registration);
    if (this.#state === 'started') await this.#listen(registration);
  }

  /** Sends `name` on a cron schedule (evaluated in the database, once across all nodes). */
  async schedule(name: string, cron: string, data: object = {}, tz = 'UTC'): Promise<void> {
    await this.#queue(name);
    await this.#boss.schedule(name, cron, data, { tz });
  }

  /**
   * Stops taking jobs, lets active ones finish for up to stopTimeoutMs, then fails the rest so
   * they are retried after the restart. Never throws: a shutdown must go on.
   */
  async stop(): Promise<void> {
    if (this.#state === 'idle' || this.#state === 'stopped' || this.#state === 'stopping') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopping';
    try {
      await this.#boss.stop({
        graceful: true,
        wait: true,
        close: false,
        timeout: this.#options.stopTimeoutMs ?? 20_000,
      });
    } catch (error) {
      this.#options.log.error({ err: error }, 'job queue did not stop cleanly');
    }
    this.#state = 'stopped';
  }

  #queue(name: string): Promise<void> {
    let created = this.#queues.get(name);
    if (!created) {
      created = retryOnDeadlock(() => this.#boss.createQueue(name));
      created.catch(() => this.#queues.delete(name));
      this.#queues.set(name, created);
    }
    return created;
  }

  async #listen({ name, handler }: Registration): Promise<void> {
    await this.#queue(name);
    await this.#boss.work<unknown>(name, { batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      try {
        await handler({ id: job.id, name: job.name, data: job.data, retryCount: job.retryCount });
      } catch (error) {
        this.#options.log.error({ err: error, job: job.id, queue: name }, 'job failed');
        throw error;
      }
    });
  }
}

/**
 * pg-boss creates a queue as a partition of its job table; two nodes starting at the same moment
 * attach their partitions in different orders and PostgreSQL may break the tie by aborting one
 * (deadlock_detected). Creating a queue is idempotent, so the loser simply tries again.
 */
async function retryOnDeadlock(create: () => Promise<void>, attempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create();
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100 * attempt));
    }
  }
}

function bossSendOptions(options: SendOptions): PgBoss.SendOptions {
  return {
    retryLimit: options.retryLimit ?? 2,
    retryDelay: options.retryDelaySeconds ?? 30,
    ...(options.retryBackoff !== undefined ? { retryBackoff: options.retryBackoff } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
  };
}
