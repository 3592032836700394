import type { PlanChanges } from './changes.js';

/** Why a plan must go to the agency's expert review instead of being self-certified. */
export type ExpertReason = 'load-bearing-structure' | 'gas' | 'common-property';

export type Route =
  { route: 'self-certification' } | { route: 'expert-review'; reasons: ExpertReason[] };

/**
 * The route a plan takes (issue 6): changes to load-bearing structures, to gas, or to the
 * building's common property are never self-certified; they go to expert review by the agency.
 * Everything else (partitions, openings in non-load-bearing walls, wet areas, ventilation inside
 * the flat) the architect may self-certify on their licence.
 */
export function routeOf(changes: PlanChanges): Route {
  const reasons: ExpertReason[] = [];
  if (changes.walls.some((wall) => wall.loadBearing)) reasons.push('load-bearing-structure');
  if (changes.gasChanged) reasons.push('gas');
  if (changes.commonPropertyAffected) reasons.push('common-property');
  return reasons.length === 0
    ? { route: 'self-certification' }
    : { route: 'expert-review', reasons };
}
