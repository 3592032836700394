/**
 * What an architect declares a redevelopment changes, in the structured form the rules read
 * (the plan file says the same in drawings). One entry per wall touched; the other kinds of
 * change are yes/no, as the housing inspectorates' application forms ask them.
 */
export interface PlanChanges {
  walls: WallChange[];
  /** A kitchen, bathroom or toilet moved or enlarged. */
  wetAreasMoved: boolean;
  /** Anything outside the flat's own walls: stairwells, basements, roofs, facades, shafts. */
  commonPropertyAffected: boolean;
  /** Gas pipes or appliances moved, added or removed. */
  gasChanged: boolean;
  /** Ventilation ducts inside the flat rerouted (a shared shaft is common property). */
  ventilationChanged: boolean;
  /**
   * The change adapts the flat for a resident with a disability (ramps, wider doors, an
   * accessible bathroom): the building's owners' consent is then waived.
   */
  forResidentWithDisability: boolean;
}

export interface WallChange {
  action: 'remove' | 'add' | 'new-opening';
  /** Load-bearing walls carry the building: changes to them are never self-certified. */
  loadBearing: boolean;
}

/** How many walls the plan removes or opens: the size of the intervention. */
export const wallsRemovedOrOpened = (changes: PlanChanges): number =>
  changes.walls.filter((wall) => wall.action !== 'add').length;
