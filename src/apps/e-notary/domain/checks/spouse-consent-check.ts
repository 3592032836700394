import type { ActDraft } from '../act-draft.js';
import type { Facts } from '../facts.js';
import { blocking, type Finding } from '../finding.js';

/**
 * Does a married seller have the spouse's consent? Property acquired during a marriage is the
 * spouses' joint property, and disposing of joint real estate needs the other spouse's notarised
 * consent (Code "On Marriage (Matrimony) and the Family"). For every seller who is a person with
 * a spouse on record:
 * - no consent needed when the spouse sells too, or when the register shows the right was
 *   acquired before the marriage (separate property);
 * - otherwise a signed consent act must be attached, given by that spouse to that seller, for
 *   this object or for no particular object: blocking ENOTARY_CHECK_SPOUSE_CONSENT_MISSING
 *   {party, spouse} if not.
 * Choice: when the register does not say when the right was acquired, the property is treated
 * as possibly joint and the consent is required (the safe side: a missing consent voids the
 * sale at the spouse's suit; an unneeded one costs a visit).
 */
export function spouseConsentCheck(draft: ActDraft, facts: Facts): Finding[] {
  const findings: Finding[] = [];
  const sellers = draft.parties.filter(
    (party) => party.role === 'seller' && party.kind === 'person',
  );
  const sellerIins = new Set(sellers.map((seller) => seller.id));
  for (const seller of sellers) {
    const spouse = facts.people.get(seller.id)?.spouse ?? null;
    if (!spouse || sellerIins.has(spouse.iin)) continue;
    const lines = (facts.property?.owners ?? []).filter(
      (line) => line.owner.kind === 'person' && line.owner.id === seller.id,
    );
    const separate =
      lines.length > 0 &&
      lines.every((line) => {
        const acquiredOn = line.acquiredOn ?? null;
        return acquiredOn !== null && acquiredOn < spouse.marriedOn;
      });
    if (separate) continue;
    const consented = (draft.attachedConsents ?? []).some((number) => {
      const consent = facts.consents?.get(number);
      return (
        consent !== undefined &&
        consent.consenterIin === spouse.iin &&
        consent.recipientIin === seller.id &&
        (consent.cadastralNumber === null || consent.cadastralNumber === draft.cadastralNumber)
      );
    });
    if (!consented) {
      findings.push(
        blocking('ENOTARY_CHECK_SPOUSE_CONSENT_MISSING', { party: seller.id, spouse: spouse.iin }),
      );
    }
  }
  return findings;
}
