import type { ActDraft } from '../act-draft.js';
import type { Facts, PartyId } from '../facts.js';
import { blocking, warning, type Finding } from '../finding.js';
import {
  addShares,
  compareShares,
  formatShare,
  sharesEqual,
  sumShares,
  WHOLE,
  ZERO,
  type Share,
} from '../share.js';

const key = (party: PartyId) => `${party.kind}:${party.id}`;

/**
 * Is each seller the registered owner of at least the share being sold? The register itself must
 * add up: co-owners' shares sum to exactly 1, or the record is broken and nothing can be sold
 * from it. Findings (all blocking except the last):
 * - ENOTARY_CHECK_PROPERTY_NOT_FOUND: no record for the cadastral number;
 * - ENOTARY_CHECK_OWNER_SHARES_INCONSISTENT {sum}: the owners' shares do not add up to 1;
 * - ENOTARY_CHECK_SELLER_NOT_OWNER {party}: a seller holds no share;
 * - ENOTARY_CHECK_SHARE_EXCEEDS_OWNED {party, sold, owned}: a seller sells more than held;
 * - ENOTARY_CHECK_SHARES_SOLD_BOUGHT_DIFFER {sold, bought}: buyers take other than what is sold;
 * - ENOTARY_CHECK_CO_OWNER_PRE_EMPTION (warning): a share goes to an outsider while a co-owner
 *   who is not selling keeps a share; co-owners have a pre-emptive right and must be offered it in
 *   writing first (Civil Code, common property), which the notary verifies from the documents.
 */
export function ownershipCheck(draft: ActDraft, facts: Facts): Finding[] {
  const property = facts.property;
  if (!property || property.cadastralNumber !== draft.cadastralNumber) {
    return [
      blocking('ENOTARY_CHECK_PROPERTY_NOT_FOUND', {
        cadastralNumber: draft.cadastralNumber ?? '',
      }),
    ];
  }
  const findings: Finding[] = [];
  // The register may list one owner on two lines (two acquisitions): their shares add.
  const owned = new Map<string, Share>();
  for (const line of property.owners) {
    owned.set(key(line.owner), addShares(owned.get(key(line.owner)) ?? ZERO, line.share));
  }
  const total = sumShares(property.owners.map((line) => line.share));
  if (!sharesEqual(total, WHOLE)) {
    findings.push(blocking('ENOTARY_CHECK_OWNER_SHARES_INCONSISTENT', { sum: formatShare(total) }));
  }

  const sellers = draft.parties.filter((party) => party.role === 'seller');
  const buyers = draft.parties.filter((party) => party.role === 'buyer');
  for (const seller of sellers) {
    const holding = owned.get(key(seller));
    const sold = seller.share ?? ZERO;
    if (!holding || compareShares(holding, ZERO) === 0) {
      findings.push(blocking('ENOTARY_CHECK_SELLER_NOT_OWNER', { party: seller.id }));
    } else if (compareShares(sold, holding) > 0) {
      findings.push(
        blocking('ENOTARY_CHECK_SHARE_EXCEEDS_OWNED', {
          party: seller.id,
          sold: formatShare(sold),
          owned: formatShare(holding),
        }),
      );
    }
  }

  const soldTotal = sumShares(sellers.map((party) => party.share ?? ZERO));
  const boughtTotal = sumShares(buyers.map((party) => party.share ?? ZERO));
  if (!sharesEqual(soldTotal, boughtTotal)) {
    findings.push(
      blocking('ENOTARY_CHECK_SHARES_SOLD_BOUGHT_DIFFER', {
        sold: formatShare(soldTotal),
        bought: formatShare(boughtTotal),
      }),
    );
  }

  // Co-owners who are not selling keep their pre-emptive right; sellers waive it by selling.
  const sellerKeys = new Set(sellers.map(key));
  const otherCoOwner = [...owned.keys()].some((owner) => !sellerKeys.has(owner));
  const outsiderBuys = buyers.some((buyer) => !owned.has(key(buyer)));
  if (otherCoOwner && outsiderBuys && findings.length === 0) {
    findings.push(warning('ENOTARY_CHECK_CO_OWNER_PRE_EMPTION'));
  }
  return findings;
}
