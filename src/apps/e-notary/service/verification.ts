import { verifyByCode, type DocumentVerification } from '../../../blocks/trust/index.js';
import type { ENotaryDeps } from './deps.js';

/**
 * Public verification of an act by its register number or by the code its QR carries, with no
 * sign-in: the trust block re-checks the signature and certificate and records the verification
 * in the document's audit. Only the public summary comes back, never a personal identifier.
 *
 * Outcomes: the verification; status `unknown` when nothing matches.
 */
export function verifyAct(
  deps: ENotaryDeps,
  typed: string,
  actorAccountId: string | null,
): Promise<DocumentVerification> {
  return verifyByCode(deps.trust, typed.trim().toUpperCase(), {
    actorAccountId,
    channel: 'api',
    alsoRegisterNumber: true,
  });
}
