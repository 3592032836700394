import type { ActDraft, Party } from '../act-draft.js';
import type { Facts, Moment, PartyId } from '../facts.js';
import { blocking, type Finding } from '../finding.js';
import { powerOfAttorneyState } from '../power-of-attorney.js';

/**
 * For every party who acts through a representative: does the power of attorney exist, name this
 * principal and this representative, is it within its term and not revoked (a revocation at or
 * before `now` counts: it is effective immediately), are both principal and representative alive
 * (Civil Code Art. 170: death of either ends it; winding up a legal-entity principal too), and
 * does its scope cover this kind of act and this object? All blocking, each with {party}:
 * ENOTARY_CHECK_POA_NOT_FOUND, _WRONG_PRINCIPAL, _WRONG_REPRESENTATIVE, _NOT_YET_VALID,
 * _EXPIRED {validUntil}, _REVOKED {revokedAt}, _PRINCIPAL_DECEASED, _REPRESENTATIVE_DECEASED,
 * _PRINCIPAL_LIQUIDATED,
 * _SCOPE_ACT_KIND {kind}, _SCOPE_OBJECT {cadastralNumber}.
 */
export function powerOfAttorneyCheck(draft: ActDraft, facts: Facts, moment: Moment): Finding[] {
  return draft.parties.flatMap((party) =>
    party.representative ? checkRepresentation(draft, party, facts, moment) : [],
  );
}

function checkRepresentation(
  draft: ActDraft,
  party: Party,
  facts: Facts,
  moment: Moment,
): Finding[] {
  const representation = party.representative!;
  const base = { party: party.id, powerOfAttorney: representation.powerOfAttorney };
  const poa = facts.powersOfAttorney.get(representation.powerOfAttorney);
  if (!poa) return [blocking('ENOTARY_CHECK_POA_NOT_FOUND', base)];
  if (poa.principal.kind !== party.kind || poa.principal.id !== party.id) {
    return [blocking('ENOTARY_CHECK_POA_WRONG_PRINCIPAL', base)];
  }
  if (poa.representativeIin !== representation.iin) {
    return [blocking('ENOTARY_CHECK_POA_WRONG_REPRESENTATIVE', base)];
  }
  const findings: Finding[] = [];
  const state = powerOfAttorneyState(poa, moment);
  if (state.status === 'revoked') {
    findings.push(
      blocking('ENOTARY_CHECK_POA_REVOKED', { ...base, revokedAt: state.revokedAt.toISOString() }),
    );
  } else if (state.status === 'expired') {
    findings.push(blocking('ENOTARY_CHECK_POA_EXPIRED', { ...base, validUntil: poa.validUntil }));
  } else if (state.status === 'not-yet-valid') {
    findings.push(blocking('ENOTARY_CHECK_POA_NOT_YET_VALID', { ...base, issuedOn: poa.issuedOn }));
  }

  const dead = (who: PartyId) =>
    who.kind === 'person' && (facts.people.get(who.id)?.deathDate ?? null) !== null;
  if (dead(poa.principal)) findings.push(blocking('ENOTARY_CHECK_POA_PRINCIPAL_DECEASED', base));
  if (dead({ kind: 'person', id: poa.representativeIin })) {
    findings.push(blocking('ENOTARY_CHECK_POA_REPRESENTATIVE_DECEASED', base));
  }
  if (poa.principal.kind === 'organisation') {
    const status = facts.organisations.get(poa.principal.id)?.status;
    if (status === 'liquidated')
      findings.push(blocking('ENOTARY_CHECK_POA_PRINCIPAL_LIQUIDATED', base));
  }

  if (!poa.scope.actKinds.includes(draft.kind)) {
    findings.push(blocking('ENOTARY_CHECK_POA_SCOPE_ACT_KIND', { ...base, kind: draft.kind }));
  }
  if (
    poa.scope.objects !== 'any' &&
    (draft.cadastralNumber === undefined || !poa.scope.objects.includes(draft.cadastralNumber))
  ) {
    findings.push(
      blocking('ENOTARY_CHECK_POA_SCOPE_OBJECT', {
        ...base,
        cadastralNumber: draft.cadastralNumber ?? '',
      }),
    );
  }
  return findings;
}
