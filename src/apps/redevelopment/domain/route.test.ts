import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanChanges } from './changes.js';
import { routeOf } from './route.js';
import { anyChanges, NO_CHANGES } from './test-changes.js';

describe('the route of a plan', () => {
  it('lets partitions, wet areas and ventilation inside the flat be self-certified', () => {
    const plan: PlanChanges = {
      ...NO_CHANGES,
      walls: [
        { action: 'remove', loadBearing: false },
        { action: 'new-opening', loadBearing: false },
      ],
      wetAreasMoved: true,
      ventilationChanged: true,
    };
    expect(routeOf(plan)).toEqual({ route: 'self-certification' });
  });

  it.each([
    [{ walls: [{ action: 'new-opening', loadBearing: true }] }, ['load-bearing-structure']],
    [{ gasChanged: true }, ['gas']],
    [{ commonPropertyAffected: true }, ['common-property']],
    [
      {
        gasChanged: true,
        commonPropertyAffected: true,
        walls: [{ action: 'remove', loadBearing: true }],
      },
      ['load-bearing-structure', 'gas', 'common-property'],
    ],
  ] as const)('sends %o to expert review for %o', (change, reasons) => {
    const plan = { ...NO_CHANGES, ...change } as PlanChanges;
    expect(routeOf(plan)).toEqual({ route: 'expert-review', reasons });
  });

  it('property: a plan is self-certified exactly when it touches no load-bearing wall, gas or common property', () => {
    fc.assert(
      fc.property(anyChanges(), (plan) => {
        const risky =
          plan.walls.some((w) => w.loadBearing) || plan.gasChanged || plan.commonPropertyAffected;
        expect(routeOf(plan).route).toBe(risky ? 'expert-review' : 'self-certification');
        // The waiver for a resident with a disability concerns consent, never the route.
        expect(
          routeOf({ ...plan, forResidentWithDisability: !plan.forResidentWithDisability }),
        ).toEqual(routeOf(plan));
      }),
    );
  });
});
