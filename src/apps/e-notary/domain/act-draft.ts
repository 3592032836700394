import type { CountryProfile } from '../../../countries/country-profile.js';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { PARTY_ROLES, type ActKind, type PartyRole } from './act-kinds.js';
import { parseCadastralNumber } from './cadastral-number.js';
import type { PartyId, PartyKind, PowerOfAttorneyScope } from './facts.js';
import { compareShares, formatShare, ZERO, type Share } from './share.js';

/** Someone acting for a party under a notarised power of attorney. */
export interface Representation {
  iin: string;
  /** Register number of the power of attorney (register A). */
  powerOfAttorney: string;
}

export interface Party extends PartyId {
  role: PartyRole;
  /** Sellers: the share being sold; buyers: the share being bought. */
  share?: Share;
  representative?: Representation;
}

/** A mortgagee's written consent to the sale of the mortgaged property, attached to the act. */
export interface MortgageeConsent {
  encumbranceId: string;
  from: PartyId;
}

/** An act as the notary prepares it, before any check. */
export interface ActDraft {
  kind: ActKind;
  notaryIin: string;
  parties: Party[];
  /** The real estate the act concerns: required for a sale, optional for a consent. */
  cadastralNumber?: string;
  mortgageeConsents?: MortgageeConsent[];
  /** Register numbers of notarised consents attached (e.g. a seller's spouse's consent). */
  attachedConsents?: string[];
  /** For a power of attorney: what it allows and until when (Civil Code Art. 168). */
  powerOfAttorney?: { scope: PowerOfAttorneyScope; validUntil: LocalDate | null };
}

const idFormat = (profile: Pick<CountryProfile, 'personId' | 'organisationId'>, kind: PartyKind) =>
  kind === 'person' ? profile.personId : profile.organisationId;

/**
 * Checks a party's identifier against the country profile (IIN for people, BIN for
 * organisations). Outcomes: nothing, or ENOTARY_INVALID_IIN / ENOTARY_INVALID_BIN whose field
 * problem carries the precise identity code (wrong length, bad check digit…).
 */
export function assertPartyId(
  profile: Pick<CountryProfile, 'personId' | 'organisationId'>,
  party: PartyId,
  field = 'id',
): void {
  const problem = partyIdProblem(profile, party, field);
  if (problem) {
    throw new DomainError(
      party.kind === 'person' ? 'ENOTARY_INVALID_IIN' : 'ENOTARY_INVALID_BIN',
      400,
      problem.params ?? {},
      [problem],
    );
  }
}

function partyIdProblem(
  profile: Pick<CountryProfile, 'personId' | 'organisationId'>,
  party: PartyId,
  field: string,
): FieldProblem | null {
  const format = idFormat(profile, party.kind);
  const check = format.check(party.id);
  return check.valid ? null : { field, code: check.code, params: { label: format.label } };
}

/**
 * Every problem of a draft at once, so the notary's form shows them together: identifiers
 * checked by the country profile, roles present and allowed for the kind, nobody twice, a share
 * for every seller and buyer, the object's cadastral number, the notary not a party, a
 * representative never an organisation, a power of attorney's scope and term given.
 */
export function actDraftProblems(
  profile: Pick<CountryProfile, 'personId' | 'organisationId'>,
  draft: ActDraft,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const roles = PARTY_ROLES[draft.kind];
  const notaryProblem = partyIdProblem(
    profile,
    { kind: 'person', id: draft.notaryIin },
    'notaryIin',
  );
  if (notaryProblem) problems.push(notaryProblem);

  const seen = new Set<string>();
  draft.parties.forEach((party, index) => {
    const field = `parties.${index}`;
    if (!(roles.allowed as readonly string[]).includes(party.role)) {
      problems.push({
        field: `${field}.role`,
        code: 'ENOTARY_PARTY_ROLE_NOT_ALLOWED',
        params: { role: party.role },
      });
    }
    const idProblem = partyIdProblem(profile, party, `${field}.id`);
    if (idProblem) problems.push(idProblem);
    const key = `${party.kind}:${party.id}`;
    if (seen.has(key)) problems.push({ field: `${field}.id`, code: 'ENOTARY_PARTY_DUPLICATE' });
    seen.add(key);
    // Law "On Notaries", Chapter 2: a notary may not perform an act in his or her own name.
    if (party.kind === 'person' && party.id === draft.notaryIin) {
      problems.push({ field: `${field}.id`, code: 'ENOTARY_NOTARY_IS_PARTY' });
    }
    const needsShare = draft.kind === 'real-estate-sale';
    if (needsShare && !party.share) {
      problems.push({ field: `${field}.share`, code: 'ENOTARY_SHARE_REQUIRED' });
    }
    if (party.share && !needsShare) {
      problems.push({ field: `${field}.share`, code: 'ENOTARY_SHARE_NOT_EXPECTED' });
    } else if (party.share && compareShares(party.share, ZERO) <= 0) {
      problems.push({
        field: `${field}.share`,
        code: 'ENOTARY_SHARE_INVALID',
        params: { share: formatShare(party.share) },
      });
    }
    if (party.representative) {
      const representative = { kind: 'person' as const, id: party.representative.iin };
      const repProblem = partyIdProblem(profile, representative, `${field}.representative.iin`);
      if (repProblem) problems.push(repProblem);
      if (party.representative.iin === party.id) {
        problems.push({
          field: `${field}.representative.iin`,
          code: 'ENOTARY_REPRESENTATIVE_IS_PARTY',
        });
      }
    }
  });
  for (const role of roles.required) {
    if (!draft.parties.some((party) => party.role === role)) {
      problems.push({ field: 'parties', code: 'ENOTARY_PARTY_ROLE_MISSING', params: { role } });
    }
  }

  if (draft.kind === 'real-estate-sale' && draft.cadastralNumber === undefined) {
    problems.push({ field: 'cadastralNumber', code: 'ENOTARY_CADASTRAL_REQUIRED' });
  }
  if (draft.cadastralNumber !== undefined) {
    const check = parseCadastralNumber(draft.cadastralNumber);
    if (!check.valid) problems.push({ field: 'cadastralNumber', code: check.code });
  }

  if (draft.kind === 'power-of-attorney') {
    if (!draft.powerOfAttorney || draft.powerOfAttorney.scope.actKinds.length === 0) {
      problems.push({ field: 'powerOfAttorney.scope', code: 'ENOTARY_POA_SCOPE_REQUIRED' });
    } else if (draft.powerOfAttorney.scope.objects !== 'any') {
      draft.powerOfAttorney.scope.objects.forEach((object, index) => {
        const check = parseCadastralNumber(object);
        if (!check.valid) {
          problems.push({ field: `powerOfAttorney.scope.objects.${index}`, code: check.code });
        }
      });
    }
    if (draft.parties.some((p) => p.role === 'representative' && p.kind !== 'person')) {
      problems.push({ field: 'parties', code: 'ENOTARY_REPRESENTATIVE_NOT_PERSON' });
    }
  }
  return problems;
}

/** Outcomes: nothing, or ENOTARY_ACT_DRAFT_INVALID listing every field problem. */
export function assertActDraft(
  profile: Pick<CountryProfile, 'personId' | 'organisationId'>,
  draft: ActDraft,
): void {
  const problems = actDraftProblems(profile, draft);
  if (problems.length > 0) throw new DomainError('ENOTARY_ACT_DRAFT_INVALID', 400, {}, problems);
}
