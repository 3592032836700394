import type { Database } from '../db/database.js';
import type { AuditEvent, AuditLog } from './audit-event.js';
import { appendEntries, prepareEvent, type PreparedEvent } from './append-entries.js';

interface Pending {
  event: PreparedEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  now: () => Date;
  /** Most entries written in one transaction; a larger queue is written in several. */
  maxBatch?: number;
}

/**
 * The audit log as the platform uses it: appends from many concurrent callers are group-committed.
 * One writer at a time takes everything queued so far and writes it in one transaction (see
 * appendEntries); entries that arrive meanwhile wait for the next transaction. Each caller's
 * promise resolves only after the transaction holding its entry committed, and rejects if that
 * transaction failed. Entries are chained in the order `append` was called.
 */
export class GroupCommitAuditLog implements AuditLog {
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Database,
    private readonly options: GroupCommitOptions,
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
  }

  /**
   * Outcomes: resolves once the entry is committed and chained; rejects with TypeError for a
   * malformed event (nothing queued), or with the database error of its batch.
   */
  append(event: AuditEvent): Promise<void> {
    let prepared: PreparedEvent;
    try {
      prepared = prepareEvent(event, this.options.now());
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ event: prepared, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves when every entry appended so far has been written (or has failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.db.transaction().execute((trx) =>
            appendEntries(
              trx,
              batch.map((pending) => pending.event),
            ),
          );
          for (const pending of batch) pending.resolve();
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.writing = null;
    }
  }
}
