import type { ActDraft } from '../act-draft.js';
import { parseCadastralNumber } from '../cadastral-number.js';
import { blocking, type Finding } from '../finding.js';

/**
 * Is the object's cadastral number well formed (see cadastral-number.ts)? Blocking:
 * ENOTARY_CADASTRAL_REQUIRED when a sale names no object, ENOTARY_CADASTRAL_INVALID_FORMAT or
 * ENOTARY_CADASTRAL_ZERO_SEGMENT otherwise. A draft is validated on entry too; the check repeats
 * it so the act's file shows it was verified before signing.
 */
export function cadastralCheck(draft: ActDraft): Finding[] {
  if (draft.cadastralNumber === undefined) {
    return draft.kind === 'real-estate-sale' ? [blocking('ENOTARY_CADASTRAL_REQUIRED')] : [];
  }
  const check = parseCadastralNumber(draft.cadastralNumber);
  return check.valid ? [] : [blocking(check.code, { cadastralNumber: draft.cadastralNumber })];
}
