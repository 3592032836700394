import type { FormValues } from '../../../blocks/services/index.js';
import type { PlanChanges, WallChange } from '../domain/changes.js';

const n = (value: unknown) => (typeof value === 'number' && value > 0 ? Math.floor(value) : 0);
const walls = (count: number, wall: WallChange): WallChange[] =>
  Array.from({ length: count }, () => ({ ...wall }));

/**
 * The form's answers as the rules read them: one wall entry per partition removed, added or
 * opened, and one per load-bearing wall changed (counted as an opening, the usual change).
 */
export function changesOf(values: FormValues): PlanChanges {
  return {
    walls: [
      ...walls(n(values.wallsRemoved), { action: 'remove', loadBearing: false }),
      ...walls(n(values.wallsAdded), { action: 'add', loadBearing: false }),
      ...walls(n(values.openingsMade), { action: 'new-opening', loadBearing: false }),
      ...walls(n(values.loadBearingWalls), { action: 'new-opening', loadBearing: true }),
    ],
    wetAreasMoved: values.wetAreasMoved === true,
    commonPropertyAffected: values.commonPropertyAffected === true,
    gasChanged: values.gasChanged === true,
    ventilationChanged: values.ventilationChanged === true,
    forResidentWithDisability: values.forResidentWithDisability === true,
  };
}
