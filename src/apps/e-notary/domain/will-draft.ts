import type { Facts, Moment } from './facts.js';
import { notaryLicenceFindings } from './checks/licence-check.js';
import { blocking, hasBlocking, type Finding } from './finding.js';

/*
 * Certifying a will (Civil Code, Special Part, Section 6: a will is made personally, a
 * representative cannot make it; the testator must be a living, legally capable adult person).
 * The will then goes into register W, sealed (see will-visibility.ts).
 */

export interface WillDraft {
  testatorIin: string;
  notaryIin: string;
  /** A will is made in person: any representative is refused. */
  representativeIin?: string;
}

/**
 * The checks before certifying a will, as findings for the will's file. All blocking:
 * any notary licence finding; ENOTARY_WILL_IN_PERSON_ONLY; ENOTARY_CHECK_PERSON_NOT_FOUND,
 * ENOTARY_CHECK_PARTY_DECEASED, ENOTARY_CHECK_PARTY_INCAPACITATED for the testator.
 */
export function willChecks(
  draft: WillDraft,
  facts: Pick<Facts, 'people' | 'notaryLicence'>,
  moment: Moment,
): { findings: Finding[]; certifiable: boolean } {
  const findings = [...notaryLicenceFindings(facts.notaryLicence, draft.notaryIin, moment)];
  if (draft.representativeIin !== undefined) findings.push(blocking('ENOTARY_WILL_IN_PERSON_ONLY'));
  const testator = facts.people.get(draft.testatorIin);
  const party = draft.testatorIin;
  if (!testator) findings.push(blocking('ENOTARY_CHECK_PERSON_NOT_FOUND', { party }));
  else if (testator.deathDate !== null) {
    findings.push(
      blocking('ENOTARY_CHECK_PARTY_DECEASED', { party, deathDate: testator.deathDate }),
    );
  } else if (testator.incapacitated) {
    findings.push(blocking('ENOTARY_CHECK_PARTY_INCAPACITATED', { party }));
  }
  return { findings, certifiable: !hasBlocking(findings) };
}
