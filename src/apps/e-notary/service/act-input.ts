import type { LocalDate } from '../../../platform/calendar/local-date.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import type { ActDraft, MortgageeConsent, Party } from '../domain/act-draft.js';
import type { ActKind, PartyRole } from '../domain/act-kinds.js';
import { parseCadastralNumber, registerSpelling } from '../domain/cadastral-number.js';
import type { PartyKind } from '../domain/facts.js';
import { parseShare } from '../domain/share.js';

/** A party as a form or the API sends it: identifiers and shares as text. */
export interface PartyInput {
  role: PartyRole;
  kind: PartyKind;
  id: string;
  share?: string;
  representative?: { iin: string; powerOfAttorney: string };
}

/** An act as a form or the API sends it; the notary is whoever is signed in. */
export interface ActInput {
  kind: ActKind;
  parties: PartyInput[];
  cadastralNumber?: string;
  mortgageeConsents?: MortgageeConsent[];
  attachedConsents?: string[];
  powerOfAttorney?: {
    scope: { actKinds: ActKind[]; objects: 'any' | string[] };
    validUntil: string | null;
  };
}

/** The register's spelling of a cadastral number when it parses; as typed otherwise. */
const spelled = (text: string) => {
  const parsed = parseCadastralNumber(text);
  return parsed.valid ? registerSpelling(parsed) : text.trim();
};

/**
 * The domain draft from what was sent: trimmed identifiers, exact shares, cadastral numbers in
 * the register's spelling. Outcomes: the draft and the problems found on the way (bad shares).
 */
export function parseActInput(
  input: ActInput,
  notaryIin: string,
): { draft: ActDraft; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const parties = input.parties.map((party, index): Party => {
    let share;
    if (party.share !== undefined && party.share.trim() !== '') {
      try {
        share = parseShare(party.share);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({ field: `parties.${index}.share`, code: error.code, params: error.params });
      }
    }
    return {
      role: party.role,
      kind: party.kind,
      id: party.id.trim(),
      ...(share ? { share } : {}),
      ...(party.representative
        ? {
            representative: {
              iin: party.representative.iin.trim(),
              powerOfAttorney: party.representative.powerOfAttorney.trim().toUpperCase(),
            },
          }
        : {}),
    };
  });
  const draft: ActDraft = {
    kind: input.kind,
    notaryIin,
    parties,
    ...(input.cadastralNumber !== undefined && input.cadastralNumber.trim() !== ''
      ? { cadastralNumber: spelled(input.cadastralNumber) }
      : {}),
    ...(input.mortgageeConsents ? { mortgageeConsents: input.mortgageeConsents } : {}),
    ...(input.attachedConsents
      ? { attachedConsents: input.attachedConsents.map((n) => n.trim().toUpperCase()) }
      : {}),
    ...(input.powerOfAttorney
      ? {
          powerOfAttorney: {
            scope: {
              actKinds: input.powerOfAttorney.scope.actKinds,
              objects:
                input.powerOfAttorney.scope.objects === 'any'
                  ? 'any'
                  : input.powerOfAttorney.scope.objects.map(spelled),
            },
            validUntil: (input.powerOfAttorney.validUntil as LocalDate | null) ?? null,
          },
        }
      : {}),
  };
  return { draft, problems };
}
