/** Writes a batch (usually in one transaction); resolves with one result per item, in order. */
export type WriteBatch<In, Out> = (items: In[]) => Promise<Out[]>;

interface Pending<In, Out> {
  item: In;
  resolve: (result: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: callers hand in items one by one and each waits for its own result, while the
 * items queued meanwhile are written together, so concurrent requests share one commit (and
 * its WAL flush) and one round trip instead of paying one each. Up to `writers` batches are
 * written at once (1 when batches must not overlap, e.g. they take the same counter row); a
 * batch holds at most `maxBatch` items. A caller's promise resolves only after its batch
 * committed. When a batch fails, its items are written again one by one, so one bad item fails
 * its own caller only.
 */
export class GroupCommit<In, Out = void> {
  private queue: Pending<In, Out>[] = [];
  private busy = 0;
  private readonly writers: number;
  private readonly maxBatch: number;

  constructor(
    private readonly writeBatch: WriteBatch<In, Out>,
    options: { writers?: number; maxBatch?: number } = {},
  ) {
    this.writers = options.writers ?? 1;
    this.maxBatch = options.maxBatch ?? 500;
  }

  /** Outcomes: the item's result once its batch committed; the error of its own write. */
  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.busy < this.writers && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.busy += 1;
      void this.writeOut(batch).finally(() => {
        this.busy -= 1;
        this.next();
      });
    }
  }

  private async writeOut(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) {
        try {
          const [result] = await this.writeBatch([pending.item]);
          pending.resolve(result!);
        } catch (alone) {
          pending.reject(alone);
        }
      }
    }
  }
}
