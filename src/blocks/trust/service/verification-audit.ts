import type { AuditEvent, AuditLog } from '../../../platform/audit/audit-event.js';

/**
 * The audit entries of public verifications (`trust.document-verify`), appended to the
 * group-committed audit log without making the answer wait for their commit. A verification is an
 * anonymous read of public facts, not an access to personal data: its entry is kept for the
 * document's trail and for statistics, and the cost of waiting for it (a hash-chained commit per
 * batch, and its flush) would be most of a verification's time. What this costs: entries not yet
 * committed when the process crashes are lost (at most the batch being written and those queued
 * behind it, a fraction of a second's worth); on a clean shutdown the audit plugin writes every
 * queued entry before the pool closes. While more than `maxPending` entries wait, a verification
 * waits for its own, so a stalled database slows verification down instead of letting the queue
 * grow without bound.
 */
export class VerificationAudit {
  private pending = 0;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly audit: AuditLog,
    private readonly onError: (error: unknown) => void,
    private readonly maxPending = 10_000,
  ) {}

  /**
   * Outcomes: resolves at once while the queue is short, otherwise once this entry is committed;
   * an entry that cannot be written is reported to `onError` (and, when waited for, rejects).
   */
  record(event: AuditEvent): Promise<void> {
    const written = this.audit.append(event);
    this.pending += 1;
    // Handles the outcome, so an entry nobody waits for is never an unhandled rejection.
    this.last = written.then(
      () => {
        this.pending -= 1;
      },
      (error: unknown) => {
        this.pending -= 1;
        this.onError(error);
      },
    );
    return this.pending > this.maxPending ? written : Promise.resolve();
  }

  /**
   * Resolves once every entry recorded so far is written or has failed (the audit log writes in
   * call order, so the last one settling means all have).
   */
  async flush(): Promise<void> {
    await this.last;
  }
}
