import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('GroupCommit', () => {
  it('writes what queued meanwhile in one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await tick();
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => group.submit(n)));
    expect(results).toEqual([10, 20, 30, 40]);
    // The first goes out alone at once; the three that arrived meanwhile share the next batch.
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never has more than `writers` batches in flight, nor more than `maxBatch` items in one', async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const group = new GroupCommit<number>(
      async (items) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        sizes.push(items.length);
        await tick();
        inFlight -= 1;
        return items.map(() => undefined);
      },
      { writers: 2, maxBatch: 3 },
    );
    await Promise.all(Array.from({ length: 20 }, (_, i) => group.submit(i)));
    expect(most).toBe(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('a failing batch is written again item by item: only the bad item fails', async () => {
    const group = new GroupCommit<number, number>(async (items) => {
      await tick();
      if (items.includes(13)) throw new Error('unlucky');
      return items;
    });
    const outcomes = await Promise.allSettled([1, 13, 2, 3].map((n) => group.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('unlucky'));
  });
});
