/** What is registered: an application the engine holds, and what it complains of if anything. */
export interface RegistrationRequest {
  applicationId: string;
  /** For a complaint: the appeal complained about. */
  complaintOf?: string | undefined;
}

/** Registers a batch in one transaction; resolves with the coupons in the order of the batch. */
export type RegisterBatch = (requests: RegistrationRequest[]) => Promise<string[]>;

interface Pending {
  request: RegistrationRequest;
  resolve: (couponNumber: string) => void;
  reject: (error: unknown) => void;
}

/** Most appeals registered in one transaction; a longer queue is registered in several. */
const MAX_BATCH = 200;

/**
 * Intake's registration step, group-committed. Each body numbers its coupons from one counter
 * row, which a registering transaction holds until it commits, so registering appeals one
 * transaction each would queue every intake of a body behind one commit at a time. Instead one
 * writer at a time registers everything queued so far in one transaction; appeals that arrive
 * meanwhile wait for the next. A caller's promise resolves with its coupon only after the
 * transaction holding it committed. If a batch fails, its appeals are registered one by one, so
 * one failing appeal fails only its own intake (the sweep registers it later if it can).
 */
export class RegistrationQueue {
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly registerBatch: RegisterBatch) {}

  /** Outcomes: the coupon number once committed; the database error of its registration. */
  register(request: RegistrationRequest): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const numbers = await this.registerBatch(batch.map((pending) => pending.request));
          batch.forEach((pending, i) => pending.resolve(numbers[i]!));
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const pending of batch) await this.registerAlone(pending);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  private async registerAlone(pending: Pending): Promise<void> {
    try {
      const [number] = await this.registerBatch([pending.request]);
      pending.resolve(number!);
    } catch (error) {
      pending.reject(error);
    }
  }
}
