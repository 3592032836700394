import type { ActDraft } from '../act-draft.js';
import type { Facts, PartyId } from '../facts.js';
import { blocking, type Finding } from '../finding.js';

/**
 * Is every party, and everyone acting for one, a living, capable person or an active legal
 * entity in the state registers? A dead person cannot sign, sell or give a power of attorney;
 * an act in a dead person's name is the classic fraud this check exists for. All blocking:
 * - ENOTARY_CHECK_PERSON_NOT_FOUND {party}: the IIN is not in the population register;
 * - ENOTARY_CHECK_PARTY_DECEASED {party, deathDate}: a death is recorded;
 * - ENOTARY_CHECK_PARTY_INCAPACITATED {party}: declared legally incapable by a court;
 * - ENOTARY_CHECK_ORGANISATION_NOT_FOUND {party}: the BIN is not in the register of legal entities;
 * - ENOTARY_CHECK_ORGANISATION_LIQUIDATED {party, status}: wound up or being wound up.
 */
export function partiesCheck(draft: ActDraft, facts: Facts): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const visit = (party: PartyId) => {
    const key = `${party.kind}:${party.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (party.kind === 'organisation') {
      const organisation = facts.organisations.get(party.id);
      if (!organisation) {
        findings.push(blocking('ENOTARY_CHECK_ORGANISATION_NOT_FOUND', { party: party.id }));
      } else if (organisation.status !== 'active') {
        findings.push(
          blocking('ENOTARY_CHECK_ORGANISATION_LIQUIDATED', {
            party: party.id,
            status: organisation.status,
          }),
        );
      }
      return;
    }
    const person = facts.people.get(party.id);
    if (!person) {
      findings.push(blocking('ENOTARY_CHECK_PERSON_NOT_FOUND', { party: party.id }));
    } else if (person.deathDate !== null) {
      findings.push(
        blocking('ENOTARY_CHECK_PARTY_DECEASED', { party: party.id, deathDate: person.deathDate }),
      );
    } else if (person.incapacitated) {
      findings.push(blocking('ENOTARY_CHECK_PARTY_INCAPACITATED', { party: party.id }));
    }
  };
  for (const party of draft.parties) {
    visit(party);
    if (party.representative) visit({ kind: 'person', id: party.representative.iin });
  }
  return findings;
}
