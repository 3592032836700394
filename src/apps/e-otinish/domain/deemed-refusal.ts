import type { LegalTerm } from './legal-calendar.js';

export type DecisionState =
  /** No decision yet and the term runs until `expiresAt`. */
  | { state: 'pending'; expiresAt: Date }
  /** Decided; `onTime` is false for a decision after the term (the refusal was deemed first). */
  | { state: 'decided'; decidedAt: Date; onTime: boolean }
  /** Art. 91(2): the term passed with no decision; refused since `since`. */
  | { state: 'deemed-refused'; since: Date };

/**
 * The state of an appeal's decision at `instant` (Art. 91(2) APPC: when the term passes without
 * a decision, the appeal counts as refused, and the applicant may complain as against a
 * refusal). `term` is the term in force at that instant (after any extension); a decision
 * recorded after `instant` does not count yet, so the function answers for any moment of the
 * past as well as for now. A decision at the very instant of expiry is late: the term ends at
 * local midnight, and the decision would be dated the next day.
 */
export function decisionStateAt(instant: Date, term: LegalTerm, decidedAt?: Date): DecisionState {
  if (decidedAt && decidedAt.getTime() <= instant.getTime()) {
    return { state: 'decided', decidedAt, onTime: decidedAt.getTime() < term.expiresAt.getTime() };
  }
  if (instant.getTime() >= term.expiresAt.getTime()) {
    return { state: 'deemed-refused', since: term.expiresAt };
  }
  return { state: 'pending', expiresAt: term.expiresAt };
}
