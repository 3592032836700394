import type { PreparedSubmission } from '../../../blocks/services/index.js';
import { GroupCommit } from '../../../platform/db/group-commit.js';

/** An appeal ready to be written: the engine's prepared submission and what it complains of. */
export interface IntakeRequest {
  prepared: PreparedSubmission;
  /** For a complaint: the appeal complained about. */
  complaintOf?: string | undefined;
}

/** What intake answers once the appeal is committed. */
export interface IntakeResult {
  applicationId: string;
  couponNumber: string;
}

/** Writes a batch in one transaction; resolves with one result per request, in order. */
export type IntakeBatch = (requests: IntakeRequest[]) => Promise<IntakeResult[]>;

/** Most appeals written in one transaction; a longer queue is written in several. */
const MAX_BATCH = 200;
/** Batches written at once: the next one's statements overlap the commit of the one before. */
const WRITERS = 2;

/**
 * The order in which batches take the bodies' coupon counters: the order they started, which is
 * the order their appeals joined the queue. A batch enters when it starts and waits for its turn
 * only to take the counters; the counter rows, locked until the batch before commits, then make
 * it wait for that commit, so its coupons follow that batch's without a gap.
 */
export class CounterTurns {
  private last: Promise<void> = Promise.resolve();

  /** Outcomes: `ready` once every batch entered before has taken its counters; call `done` once this one has (or gave up). */
  enter(): { ready: Promise<void>; done: () => void } {
    const ready = this.last;
    let done!: () => void;
    this.last = new Promise<void>((resolve) => (done = resolve));
    return { ready, done };
  }
}

/**
 * Intake, group-committed (platform GroupCommit): the engine's application, its action and
 * clock, the coupon, the APPC history, the applicant's message and the audit entry of every
 * appeal queued so far are written in one transaction with a few multi-row statements, so
 * concurrent appeals share one commit instead of paying one (and some thirty statements) each.
 * Two batches are written at once, so one's statements overlap the other's commit; each body
 * numbers its coupons from one counter row, which a batch holds from taking its numbers until it
 * commits, and batches take it in the order they started (CounterTurns), so coupons keep the
 * order appeals joined the queue, without a gap. A caller's promise resolves only after the
 * transaction holding its appeal committed. If a batch
 * fails, its appeals are written again one by one, so one failing appeal fails only its own
 * intake, with nothing of it stored.
 */
export class IntakeQueue {
  private readonly group: GroupCommit<IntakeRequest, IntakeResult>;

  constructor(writeBatch: IntakeBatch) {
    this.group = new GroupCommit(writeBatch, { writers: WRITERS, maxBatch: MAX_BATCH });
  }

  /** Outcomes: the application and its coupon once committed; the error of its own write. */
  file(request: IntakeRequest): Promise<IntakeResult> {
    return this.group.submit(request);
  }
}
