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

/**
 * Intake, group-committed (platform GroupCommit): the engine's application, its action and
 * clock, the coupon, the APPC history, the applicant's message and the audit entry of every
 * appeal queued so far are written in one transaction with a few multi-row statements, so
 * concurrent appeals share one commit instead of paying one (and some thirty statements) each.
 * One writer at a time: each body numbers its coupons from one counter row, which a batch holds
 * until it commits, and batches in turn keep coupons in the order appeals joined the queue. A
 * caller's promise resolves only after the transaction holding its appeal committed. If a batch
 * fails, its appeals are written again one by one, so one failing appeal fails only its own
 * intake, with nothing of it stored.
 */
export class IntakeQueue {
  private readonly group: GroupCommit<IntakeRequest, IntakeResult>;

  constructor(writeBatch: IntakeBatch) {
    this.group = new GroupCommit(writeBatch, { writers: 1, maxBatch: MAX_BATCH });
  }

  /** Outcomes: the application and its coupon once committed; the error of its own write. */
  file(request: IntakeRequest): Promise<IntakeResult> {
    return this.group.submit(request);
  }
}
