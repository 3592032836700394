import type { ActKind } from '../act-kinds.js';
import type { ActDraft } from '../act-draft.js';
import type { Facts, Moment } from '../facts.js';
import { hasBlocking, type Finding } from '../finding.js';
import { cadastralCheck } from './cadastral-check.js';
import { encumbranceCheck } from './encumbrance-check.js';
import { licenceCheck } from './licence-check.js';
import { ownershipCheck } from './ownership-check.js';
import { partiesCheck } from './parties-check.js';
import { powerOfAttorneyCheck } from './power-of-attorney-check.js';
import { spouseConsentCheck } from './spouse-consent-check.js';

export const CHECK_NAMES = [
  'licence',
  'parties',
  'power-of-attorney',
  'cadastral-number',
  'ownership',
  'encumbrances',
  'spouse-consent',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

type Check = (draft: ActDraft, facts: Facts, moment: Moment) => Finding[];

const CHECKS: Record<CheckName, Check> = {
  licence: licenceCheck,
  parties: partiesCheck,
  'power-of-attorney': powerOfAttorneyCheck,
  'cadastral-number': cadastralCheck,
  ownership: ownershipCheck,
  encumbrances: encumbranceCheck,
  'spouse-consent': spouseConsentCheck,
};

/**
 * Which checks run before each kind of act. Every act: the notary's licence, the parties alive
 * and known, any power of attorney a representative relies on. A sale adds the object, its
 * owners, its encumbrances and the sellers' spouses' consents. A consent names an object only sometimes: its number is checked
 * when given.
 */
export const CHECKS_BY_KIND: Record<ActKind, readonly CheckName[]> = {
  'real-estate-sale': [
    'licence',
    'parties',
    'power-of-attorney',
    'cadastral-number',
    'ownership',
    'encumbrances',
    'spouse-consent',
  ],
  'power-of-attorney': ['licence', 'parties', 'power-of-attorney'],
  consent: ['licence', 'parties', 'power-of-attorney', 'cadastral-number'],
  'copy-certification': ['licence', 'parties', 'power-of-attorney'],
};

export interface CheckResult {
  check: CheckName;
  /** No blocking finding (warnings may remain). */
  passed: boolean;
  findings: Finding[];
}

export interface ChecksRun {
  kind: ActKind;
  /** When the checks ran (the `now` handed in). */
  ranAt: Date;
  /** The newest change among the facts the checks read. */
  factsAsOf: Date;
  results: CheckResult[];
  /** True when no check has a blocking finding. */
  signingAllowed: boolean;
}

/**
 * Runs every check the act's kind needs over the facts handed in, and says whether signing is
 * allowed: it is when no finding is blocking. Each check's result, passed or not, goes into the
 * act's file, so the file shows what was verified as well as what failed.
 */
export function runPreDealChecks(draft: ActDraft, facts: Facts, moment: Moment): ChecksRun {
  const results = CHECKS_BY_KIND[draft.kind].map((check): CheckResult => {
    const findings = CHECKS[check](draft, facts, moment);
    return { check, passed: !hasBlocking(findings), findings };
  });
  return {
    kind: draft.kind,
    ranAt: moment.now,
    factsAsOf: facts.asOf,
    results,
    signingAllowed: results.every((result) => result.passed),
  };
}
