import { createHmac } from 'node:crypto';
import type { PlanChanges } from './changes.js';
import { wallsRemovedOrOpened } from './changes.js';

/** The audit rules of issue 6. */
export const AUDIT_RULES = {
  /** One registration in each run of this many is picked at random: exactly 20%. */
  randomBlock: 5,
  /** Buildings at least this old (years since commissioning) are a risk on their own. */
  oldBuildingYears: 50,
  /** Removing or opening this many walls or more is a large intervention. */
  manyWalls: 3,
} as const;

export type AuditReason =
  'random' | 'probation' | 'architect-history' | 'old-building' | 'wet-areas' | 'many-walls';

/**
 * Is the registration with this sequence number (1, 2, 3, … in registration order across the
 * deployment) the random pick of its block? Registrations are taken in blocks of five and one of
 * each block is picked, at a position derived from a secret of the deployment: the rate is
 * exactly one in five over every whole block (a coin toss per filing could fall under 20% by
 * chance), and without the secret an architect cannot tell which filing of a block will be
 * inspected.
 */
export function isRandomPick(sequence: number, secret: Uint8Array): boolean {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`a registration sequence starts at 1, got ${sequence}`);
  }
  const index = sequence - 1;
  const block = Math.floor(index / AUDIT_RULES.randomBlock);
  const digest = createHmac('sha256', secret).update(`redevelopment-audit:${block}`).digest();
  return index % AUDIT_RULES.randomBlock === digest.readUInt32BE(0) % AUDIT_RULES.randomBlock;
}

export interface AuditInput {
  sequence: number;
  secret: Uint8Array;
  changes: PlanChanges;
  /** The architect is on probation after a restriction: every filing is audited. */
  onProbation: boolean;
  /** Registrations of the architect revoked in the last 12 months. */
  recentRevocations: number;
  /** Year the building was commissioned, from the real-estate registry; unknown counts as old. */
  buildingYear: number | undefined;
  /** The year of the registration. */
  year: number;
}

/**
 * Whether a registration is picked for a post-registration inspection, and why: the random pick
 * of its block, and the risk-based picks (the architect's probation or recent revocations, an
 * old building, moved wet areas that can flood the flats below, a large intervention). Every
 * reason that applies is recorded, so the inspector sees why.
 */
export function auditSelection(input: AuditInput): { picked: boolean; reasons: AuditReason[] } {
  const reasons: AuditReason[] = [];
  if (isRandomPick(input.sequence, input.secret)) reasons.push('random');
  if (input.onProbation) reasons.push('probation');
  if (input.recentRevocations > 0) reasons.push('architect-history');
  if (
    input.buildingYear === undefined ||
    input.year - input.buildingYear >= AUDIT_RULES.oldBuildingYears
  ) {
    reasons.push('old-building');
  }
  if (input.changes.wetAreasMoved) reasons.push('wet-areas');
  if (wallsRemovedOrOpened(input.changes) >= AUDIT_RULES.manyWalls) reasons.push('many-walls');
  return { picked: reasons.length > 0, reasons };
}
