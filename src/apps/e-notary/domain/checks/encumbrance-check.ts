import type { ActDraft } from '../act-draft.js';
import type { Facts, Moment } from '../facts.js';
import { blocking, warning, type Finding } from '../finding.js';

/**
 * Encumbrances on the property being sold, as the real-estate register records them:
 * - an arrest (a court's or an enforcement officer's ban on disposal): always blocking,
 *   ENOTARY_CHECK_ARREST {encumbrance, authority};
 * - a mortgage: the mortgaged property may be sold only with the mortgagee's consent (Law "On
 *   Mortgage of Real Estate"; the mortgage follows the property to the buyer): blocking
 *   ENOTARY_CHECK_MORTGAGE_WITHOUT_CONSENT unless a consent from that very mortgagee is attached,
 *   then a warning ENOTARY_CHECK_MORTGAGE_WITH_CONSENT so the buyer is told the flat stays pledged;
 * - anything else (lease, easement, trust management): warning ENOTARY_CHECK_OTHER_ENCUMBRANCE,
 *   the notary tells the buyer.
 * An encumbrance released at or before `now` no longer counts. No property record: no findings
 * here (the ownership check reports it).
 */
export function encumbranceCheck(draft: ActDraft, facts: Facts, moment: Moment): Finding[] {
  const property = facts.property;
  if (!property || property.cadastralNumber !== draft.cadastralNumber) return [];
  const findings: Finding[] = [];
  for (const encumbrance of property.encumbrances) {
    const released = encumbrance.releasedAt ?? null;
    if (released !== null && released.getTime() <= moment.now.getTime()) continue;
    switch (encumbrance.kind) {
      case 'arrest':
        findings.push(
          blocking('ENOTARY_CHECK_ARREST', {
            encumbrance: encumbrance.id,
            authority: encumbrance.authority,
          }),
        );
        break;
      case 'mortgage': {
        const consented = (draft.mortgageeConsents ?? []).some(
          (consent) =>
            consent.encumbranceId === encumbrance.id &&
            consent.from.kind === encumbrance.mortgagee.kind &&
            consent.from.id === encumbrance.mortgagee.id,
        );
        const params = { encumbrance: encumbrance.id, mortgagee: encumbrance.mortgagee.id };
        findings.push(
          consented
            ? warning('ENOTARY_CHECK_MORTGAGE_WITH_CONSENT', params)
            : blocking('ENOTARY_CHECK_MORTGAGE_WITHOUT_CONSENT', params),
        );
        break;
      }
      case 'other':
        findings.push(
          warning('ENOTARY_CHECK_OTHER_ENCUMBRANCE', {
            encumbrance: encumbrance.id,
            description: encumbrance.description,
          }),
        );
        break;
    }
  }
  return findings;
}
