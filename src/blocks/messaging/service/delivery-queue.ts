import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import { poolOf, type Database } from '../../../platform/db/database.js';
import type { Tables } from '../../../platform/db/tables.js';

/** The pg-boss queue whose jobs send one email each. */
export const EMAIL_DELIVERY_QUEUE = 'messaging.email-delivery';

export interface EmailDeliveryJob {
  deliveryId: string;
}

export interface RetryPolicy {
  /** Further attempts after the first fails temporarily. */
  retryLimit: number;
  /** Seconds before the first retry; pg-boss roughly doubles it each time (with jitter). */
  retryDelaySeconds: number;
}

const notConnected = {
  executeSql: () => Promise.reject(new Error('the email queue writes only inside a transaction')),
};

/**
 * A pg-boss client that is never started: it only builds pg-boss' own INSERT of a job, which we
 * run on the caller's transaction (pg-boss' documented `db` send option). The kernel's Jobs
 * queue shares the pool and sends after the fact; the outbox needs the job to commit or roll back
 * with the message, so it cannot use Jobs.send.
 */
const writer = new PgBoss({
  db: notConnected,
  schema: 'pgboss',
  supervise: false,
  schedule: false,
});

/**
 * Queues the deliveries' jobs inside `trx`, in one statement: committed with the messages, gone
 * with a rollback, so no email is ever sent for something that did not happen, and none is lost
 * after a commit. Retries follow the queue's policy (configureEmailQueue). Outcome: resolves;
 * throws when the queue does not exist yet (the job queue never started on this database; the
 * caller's transaction is then aborted, so nothing of the statuses stays).
 */
export async function enqueueEmailDeliveries(
  trx: Transaction<Tables>,
  jobs: { jobId: string; job: EmailDeliveryJob }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const missing = () =>
    new Error(
      `the ${EMAIL_DELIVERY_QUEUE} queue does not exist yet: start the app (app.ready()) before publishing`,
    );
  let inserted = 0;
  try {
    await writer.insert(
      jobs.map(({ jobId, job }) => ({ id: jobId, name: EMAIL_DELIVERY_QUEUE, data: job })),
      {
        db: {
          executeSql: async (text: string, values: unknown[]) => {
            const result = await trx.executeQuery(CompiledQuery.raw(text, values));
            inserted = Number(result.numAffectedRows ?? 0);
            return { rows: result.rows };
          },
        },
      },
    );
  } catch (error) {
    // 42P01: no pgboss schema; 23514: no partition for the queue. Both mean the platform's job
    // queue never started on this database: say so instead of quoting pg-boss' SQL.
    const code = (error as { code?: string }).code;
    if (code === '42P01' || code === '23514') throw Object.assign(missing(), { cause: error });
    throw error;
  }
  // pg-boss inserts only the jobs of queues it knows (and none twice): count what it wrote.
  if (inserted === 0) throw missing();
  if (inserted !== jobs.length) throw new Error('could not queue every email delivery');
}

/**
 * Creates the queue if needed and sets its retry policy, so jobs queued by any process (which
 * carry no retry options of their own) retry with backoff as configured. Runs after the job
 * queue has started (its schema exists then).
 */
export async function configureEmailQueue(db: Database, policy: RetryPolicy): Promise<void> {
  const pool = poolOf(db);
  if (!pool) throw new Error('the email queue needs a Database made by createDatabase');
  const admin = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  const settings: PgBoss.Queue = {
    name: EMAIL_DELIVERY_QUEUE,
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    // An SMTP exchange that hangs this long is given up and retried.
    expireInSeconds: 5 * 60,
  };
  await admin.createQueue(EMAIL_DELIVERY_QUEUE, settings);
  await admin.updateQueue(EMAIL_DELIVERY_QUEUE, settings);
}
