import type { ActDraft } from './act-draft.js';
import type { Facts, PartyId } from './facts.js';

/**
 * Who is alerted when a notary opens a sale: every registered owner of the object, sellers
 * included. The seller named in the act is exactly the person an impostor pretends to be, so the
 * real owner must hear of the sale through the inbox whatever the act says. Acts other than
 * sales, or a sale whose object is not in the register, alert nobody (the ownership check blocks
 * such a sale anyway).
 */
export function ownersToAlert(draft: ActDraft, facts: Facts): PartyId[] {
  const property = facts.property;
  if (draft.kind !== 'real-estate-sale' || !property) return [];
  if (property.cadastralNumber !== draft.cadastralNumber) return [];
  const seen = new Set<string>();
  return property.owners
    .map((line) => line.owner)
    .filter((owner) => {
      const key = `${owner.kind}:${owner.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
