/*
 * Consent as GovStack's Consent building block models it: a data agreement states a purpose, who
 * uses the data and which classes of it; it has revisions, each with a hash; a person's consent
 * record is bound to one revision (consent to a text that has since changed is no consent to the
 * new text) and is time-bound; the person can withdraw it at any time. The record is append-only:
 * giving, renewing and withdrawing are events, and the decision is derived from them.
 */

export interface ConsentEvent {
  /** The person (platform person id). */
  individual: string;
  agreementId: string;
  /** Hash of the agreement revision the person saw when they answered. */
  revisionHash: string;
  /** True: gave consent; false: refused or withdrew. */
  optIn: boolean;
  at: Date;
  /** The consent's last instant (exclusive); absent on a withdrawal. */
  validUntil?: Date;
}

export type ConsentDecision =
  | { granted: true; since: Date; until: Date }
  | {
      granted: false;
      reason: 'CONSENT_NONE' | 'CONSENT_WITHDRAWN' | 'CONSENT_EXPIRED' | 'CONSENT_OTHER_REVISION';
    };

/**
 * Does `individual` consent to the agreement's current revision at `at`? The latest answer given
 * at or before `at` decides: a withdrawal ends consent at once; a consent counts only for the
 * revision it was given to and until its end. Later events do not change the answer for an
 * earlier instant, so a decision recorded with an exchange can be re-checked afterwards.
 */
export function consentDecision(
  events: readonly ConsentEvent[],
  query: { individual: string; agreementId: string; currentRevisionHash: string; at: Date },
): ConsentDecision {
  const latest = events
    .filter(
      (e) =>
        e.individual === query.individual &&
        e.agreementId === query.agreementId &&
        e.at.getTime() <= query.at.getTime(),
    )
    .reduce<ConsentEvent | undefined>(
      (last, e) => (!last || e.at.getTime() >= last.at.getTime() ? e : last),
      undefined,
    );
  if (!latest) return { granted: false, reason: 'CONSENT_NONE' };
  if (!latest.optIn) return { granted: false, reason: 'CONSENT_WITHDRAWN' };
  if (latest.revisionHash !== query.currentRevisionHash) {
    return { granted: false, reason: 'CONSENT_OTHER_REVISION' };
  }
  if (!latest.validUntil || query.at.getTime() >= latest.validUntil.getTime()) {
    return { granted: false, reason: 'CONSENT_EXPIRED' };
  }
  return { granted: true, since: latest.at, until: latest.validUntil };
}
