import type { PlanChanges } from './changes.js';

/** An owner's answer to a consent request; no answer yet is simply absent. */
export type ConsentAnswer = 'given' | 'refused';

export interface ConsentInput {
  changes: PlanChanges;
  /** Owners of the flat (people or organisations, by id), each once whatever their share. */
  flatOwners: readonly string[];
  /** Owners of every premises of the building, the flat's own owners included, each once. */
  buildingOwners: readonly string[];
  answers: ReadonlyMap<string, ConsentAnswer>;
}

export interface ConsentStatus {
  /** Every consent the law asks for is in: the plan may be registered. */
  complete: boolean;
  /** The registry lists no owner of the flat: nobody can consent, so nothing may be registered. */
  noFlatOwners: boolean;
  /** Flat owners who refused: the plan cannot go on (it must be withdrawn or changed). */
  refusedByFlatOwners: string[];
  /** Flat owners who have not answered yet. */
  waitingForFlatOwners: string[];
  /** The building owners' vote, when common property is affected and no waiver applies. */
  building?: { owners: number; given: number; needed: number };
  /** The building owners' consent was waived (an adaptation for a resident with a disability). */
  buildingWaived: boolean;
}

/**
 * Two thirds of the building's owners, rounded up: the share the housing relations law asks for
 * a decision on common property, counted by owners (one vote each, however many premises or what
 * share they hold), as the law counts them.
 */
export const twoThirdsOf = (owners: number): number => Math.ceil((owners * 2) / 3);

/**
 * Where the consents of a plan stand (issue 6): every owner of the flat always consents; when
 * common property is affected, at least two thirds of the building's owners consent too, unless
 * the change adapts the flat for a resident with a disability. A flat owner's refusal stops the
 * plan; a building owner's refusal only counts against the two thirds.
 * A flat the registry lists with no owner is never complete (`noFlatOwners`).
 */
export function consentStatus(input: ConsentInput): ConsentStatus {
  const flatOwners = unique(input.flatOwners);
  const noFlatOwners = flatOwners.length === 0;
  const refusedByFlatOwners = flatOwners.filter((id) => input.answers.get(id) === 'refused');
  const waitingForFlatOwners = flatOwners.filter((id) => !input.answers.has(id));
  const flatDone =
    !noFlatOwners && refusedByFlatOwners.length === 0 && waitingForFlatOwners.length === 0;

  const needsBuilding = input.changes.commonPropertyAffected;
  const buildingWaived = needsBuilding && input.changes.forResidentWithDisability;
  if (!needsBuilding || buildingWaived) {
    return {
      complete: flatDone,
      noFlatOwners,
      refusedByFlatOwners,
      waitingForFlatOwners,
      buildingWaived,
    };
  }
  // The flat's owners own premises of the building too: they are counted among its owners.
  const owners = unique([...input.buildingOwners, ...flatOwners]);
  const given = owners.filter((id) => input.answers.get(id) === 'given').length;
  const needed = twoThirdsOf(owners.length);
  return {
    complete: flatDone && given >= needed,
    noFlatOwners,
    refusedByFlatOwners,
    waitingForFlatOwners,
    building: { owners: owners.length, given, needed },
    buildingWaived,
  };
}

/**
 * Can the threshold still be reached? False once so many building owners refused that even if
 * every owner yet to answer consents, two thirds cannot be reached: the app then tells the
 * architect at once instead of waiting.
 */
export function buildingVoteStillPossible(
  status: ConsentStatus,
  refusedByBuildingOwners: number,
): boolean {
  if (!status.building) return true;
  return status.building.owners - refusedByBuildingOwners >= status.building.needed;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
