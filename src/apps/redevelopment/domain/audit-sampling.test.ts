import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_RULES, auditSelection, isRandomPick } from './audit-sampling.js';
import { NO_CHANGES } from './test-changes.js';

const SECRET = Buffer.from('a deployment secret for tests, 32 bytes long!!');
const base = {
  sequence: 1,
  secret: SECRET,
  changes: NO_CHANGES,
  onProbation: false,
  recentRevocations: 0,
  buildingYear: 2010,
  year: 2026,
};

describe('post-registration audit', () => {
  it('picks exactly one registration in every five at random', () => {
    for (let block = 0; block < 200; block++) {
      const picks = [1, 2, 3, 4, 5].filter((i) => isRandomPick(block * 5 + i, SECRET));
      expect(picks).toHaveLength(1);
    }
  });

  it('property: over any run of filings, at least 20% of whole blocks are picked at random', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (secret, start, count) => {
          let picked = 0;
          for (let s = start; s < start + count; s++) if (isRandomPick(s, secret)) picked += 1;
          // Every whole block inside the run contributes exactly one pick; the partial blocks at
          // either end at most one each.
          const size = AUDIT_RULES.randomBlock;
          const firstWhole = Math.ceil((start - 1) / size) * size + 1;
          const last = start + count - 1;
          const wholeBlocks = Math.max(0, Math.floor((last - firstWhole + 1) / size));
          expect(picked).toBeGreaterThanOrEqual(wholeBlocks);
          expect(picked).toBeLessThanOrEqual(wholeBlocks + 2);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('spreads the random picks over the positions of a block (not always the first)', () => {
    const positions = new Set<number>();
    const secret = randomBytes(32);
    for (let s = 1; s <= 500; s++) if (isRandomPick(s, secret)) positions.add((s - 1) % 5);
    expect(positions.size).toBe(5);
  });

  it('differs between deployments: the pick cannot be told without the secret', () => {
    const picks = (secret: Uint8Array) =>
      Array.from({ length: 100 }, (_, i) => isRandomPick(i + 1, secret));
    expect(picks(randomBytes(32))).not.toEqual(picks(randomBytes(32)));
  });

  it('adds risk-based picks, each with its reason', () => {
    const notRandom = Array.from({ length: 5 }, (_, i) => i + 1).find(
      (s) => !isRandomPick(s, SECRET),
    )!;
    const quiet = { ...base, sequence: notRandom };
    expect(auditSelection(quiet)).toEqual({ picked: false, reasons: [] });
    expect(auditSelection({ ...quiet, onProbation: true }).reasons).toEqual(['probation']);
    expect(auditSelection({ ...quiet, recentRevocations: 1 }).reasons).toEqual([
      'architect-history',
    ]);
    expect(auditSelection({ ...quiet, buildingYear: 1976 }).reasons).toEqual(['old-building']);
    expect(auditSelection({ ...quiet, buildingYear: 1977 }).reasons).toEqual([]);
    expect(auditSelection({ ...quiet, buildingYear: undefined }).reasons).toEqual(['old-building']);
    expect(
      auditSelection({ ...quiet, changes: { ...NO_CHANGES, wetAreasMoved: true } }).reasons,
    ).toEqual(['wet-areas']);
    const walls = Array.from({ length: 3 }, () => ({
      action: 'remove' as const,
      loadBearing: false,
    }));
    expect(auditSelection({ ...quiet, changes: { ...NO_CHANGES, walls } }).reasons).toEqual([
      'many-walls',
    ]);
  });

  it('property: every filing on probation is audited', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (sequence) => {
        expect(auditSelection({ ...base, sequence, onProbation: true }).picked).toBe(true);
      }),
    );
  });

  it('refuses a sequence that is not 1, 2, 3, …', () => {
    expect(() => isRandomPick(0, SECRET)).toThrow(RangeError);
    expect(() => isRandomPick(1.5, SECRET)).toThrow(RangeError);
  });
});
