import { GroupCommit } from '../../../platform/db/group-commit.js';

/** What is registered: an application the engine holds, and what it complains of if anything. */
export interface RegistrationRequest {
  applicationId: string;
  /** For a complaint: the appeal complained about. */
  complaintOf?: string | undefined;
}

/** Registers a batch in one transaction; resolves with the coupons in the order of the batch. */
export type RegisterBatch = (requests: RegistrationRequest[]) => Promise<string[]>;

/** Most appeals registered in one transaction; a longer queue is registered in several. */
const MAX_BATCH = 200;

/**
 * Intake's registration step, group-committed (platform GroupCommit). Each body numbers its
 * coupons from one counter row, which a registering transaction holds until it commits, so
 * registering appeals one transaction each would queue every intake of a body behind one commit
 * at a time. Instead one writer at a time (batches must not overlap on the counter rows)
 * registers everything queued so far in one transaction; appeals that arrive meanwhile wait for
 * the next. A caller's promise resolves with its coupon only after the transaction holding it
 * committed. If a batch fails, its appeals are registered one by one, so one failing appeal
 * fails only its own intake (the sweep registers it later if it can).
 */
export class RegistrationQueue {
  private readonly group: GroupCommit<RegistrationRequest, string>;

  constructor(registerBatch: RegisterBatch) {
    this.group = new GroupCommit(registerBatch, { writers: 1, maxBatch: MAX_BATCH });
  }

  /** Outcomes: the coupon number once committed; the database error of its registration. */
  register(request: RegistrationRequest): Promise<string> {
    return this.group.submit(request);
  }
}
