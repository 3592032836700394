import type { ActDraft, Party } from './act-draft.js';
import { formatShare } from './share.js';

/*
 * When is a new act "the same act" as one already open? A notary who submits the new-act form
 * twice (a double click, a reload, a replayed request) must not get two drafts of one deal, each
 * alerting the owners and each signable. Choice: the same notary, the same kind, the same object
 * (or none on both) and the same parties in the same roles, with the same shares and the same
 * representatives, in any order. Anything else (another buyer, another share, another power of
 * attorney) is another deal, which may be prepared beside it.
 */

/** One party as a comparable text: role, identifier, share and representative. */
const partyKey = (party: Party): string =>
  JSON.stringify([
    party.role,
    party.kind,
    party.id,
    party.share ? formatShare(party.share) : null,
    party.representative?.iin ?? null,
    party.representative?.powerOfAttorney ?? null,
  ]);

const partiesKey = (draft: ActDraft): string => draft.parties.map(partyKey).sort().join('\n');

/** True when `a` and `b` describe the same deal: kind, object and parties (see above). */
export function sameAct(a: ActDraft, b: ActDraft): boolean {
  return (
    a.kind === b.kind &&
    a.notaryIin === b.notaryIin &&
    (a.cadastralNumber ?? null) === (b.cadastralNumber ?? null) &&
    partiesKey(a) === partiesKey(b)
  );
}
