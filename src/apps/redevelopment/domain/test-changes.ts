import fc from 'fast-check';
import type { PlanChanges } from './changes.js';

/** A plan that changes nothing, to spread single changes over in tests. */
export const NO_CHANGES: PlanChanges = {
  walls: [],
  wetAreasMoved: false,
  commonPropertyAffected: false,
  gasChanged: false,
  ventilationChanged: false,
  forResidentWithDisability: false,
};

/** Any declared plan, for property tests. */
export const anyChanges = (): fc.Arbitrary<PlanChanges> =>
  fc.record({
    walls: fc.array(
      fc.record({
        action: fc.constantFrom('remove' as const, 'add' as const, 'new-opening' as const),
        loadBearing: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    wetAreasMoved: fc.boolean(),
    commonPropertyAffected: fc.boolean(),
    gasChanged: fc.boolean(),
    ventilationChanged: fc.boolean(),
    forResidentWithDisability: fc.boolean(),
  });
