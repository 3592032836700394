import type { PersonFact } from './facts.js';

/*
 * A will is sealed (Civil Code: the secrecy of a will; the notary may disclose nothing about it
 * before the opening of the inheritance). Its very existence is visible only to a notary handling
 * an inheritance case of the testator, and only after the death is recorded in the population
 * register. Nobody else — not the testator's relatives, not officers, not other notaries, not the
 * notary who certified it — finds it through the system; the testator changes a will by making a
 * new one, which revokes the earlier ones to the extent they conflict.
 */

export interface WillRecord {
  registerNumber: string;
  testatorIin: string;
  certifiedByIin: string;
  certifiedAt: Date;
}

export type WillViewer =
  | { kind: 'notary'; iin: string }
  | { kind: 'citizen'; iin: string }
  | { kind: 'officer'; iin: string };

/** An inheritance case as far as visibility needs it. */
export interface InheritanceCaseSummary {
  registerNumber: string;
  testatorIin: string;
  notaryIin: string;
  status: 'open' | 'closed';
}

export interface WillVisibilityFacts {
  /** The testator in the population register (undefined when not found). */
  testator: PersonFact | undefined;
  /** Inheritance cases of this testator. */
  inheritanceCases: readonly InheritanceCaseSummary[];
}

export type WillVisibility =
  | { visible: true; inheritanceCase: string }
  | {
      visible: false;
      reason: 'not-a-notary' | 'death-not-recorded' | 'no-case-of-this-notary';
    };

/**
 * May this viewer learn that this will exists? Yes only for a notary with an open inheritance
 * case of the testator once the death is recorded; the answer names the case, which is the legal
 * basis the access record cites. A "no" says why, for the audit log (never for the viewer: a
 * sealed will's absence and presence must look the same).
 */
export function canSeeWill(
  viewer: WillViewer,
  will: WillRecord,
  facts: WillVisibilityFacts,
): WillVisibility {
  if (viewer.kind !== 'notary') return { visible: false, reason: 'not-a-notary' };
  if (
    !facts.testator ||
    facts.testator.iin !== will.testatorIin ||
    facts.testator.deathDate === null
  ) {
    return { visible: false, reason: 'death-not-recorded' };
  }
  const handled = facts.inheritanceCases.find(
    (inheritanceCase) =>
      inheritanceCase.testatorIin === will.testatorIin &&
      inheritanceCase.notaryIin === viewer.iin &&
      inheritanceCase.status === 'open',
  );
  if (!handled) return { visible: false, reason: 'no-case-of-this-notary' };
  return { visible: true, inheritanceCase: handled.registerNumber };
}
