import { appendToLedger } from '../../../blocks/trust/index.js';
import { findRecord } from '../../../blocks/registries/index.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { DomainError } from '../../../platform/errors.js';
import type { PartyId } from '../domain/facts.js';
import {
  REVOCATION_REASONS,
  revokePowerOfAttorney,
  type Revocation,
  type RevocationReason,
} from '../domain/power-of-attorney.js';
import { findRegisterNumber } from '../domain/register-number.js';
import {
  findPowersOfAttorney,
  insertRevocation,
  listPowersOfAttorneyOf,
  type StoredPowerOfAttorney,
} from '../repo/powers-of-attorney-repo.js';
import { ACTS_LEDGER, momentOf, transaction, type ENotaryDeps } from './deps.js';
import { callerOf, NOTARY_LEGAL_BASIS, readerActor } from './notary.js';

/** The powers of attorney the signed-in person gave or holds, newest first. */
export async function listMyPowersOfAttorney(
  deps: ENotaryDeps,
  principal: Principal,
): Promise<{ given: StoredPowerOfAttorney[]; held: StoredPowerOfAttorney[] }> {
  const caller = await callerOf(deps.db, principal);
  const all = await listPowersOfAttorneyOf(deps.db, [caller.iin]);
  return {
    given: all.filter((poa) => poa.principal.kind === 'person' && poa.principal.id === caller.iin),
    held: all.filter((poa) => poa.representativeIin === caller.iin),
  };
}

export interface RevokeInput {
  registerNumber: string;
  reason: string;
  reasonText?: string;
}

/**
 * The principal revokes a power of attorney, effective at once for every later check (Civil Code
 * Art. 170): the revocation is recorded and appended to the `e-notary-acts` ledger in one
 * transaction. For an organisation principal, its head (per the legal-entities register) revokes.
 *
 * Outcomes: the revocation; ENOTARY_POA_NOT_FOUND (404) for an unknown or malformed number;
 * ENOTARY_POA_REASON_INVALID (400); ENOTARY_POA_REVOKE_NOT_PRINCIPAL (403);
 * ENOTARY_POA_ALREADY_REVOKED, ENOTARY_POA_ALREADY_EXPIRED (409);
 * ENOTARY_POA_REASON_TEXT_REQUIRED (400).
 */
export async function revokeMyPowerOfAttorney(
  deps: ENotaryDeps,
  principal: Principal,
  input: RevokeInput,
): Promise<Revocation> {
  if (!(REVOCATION_REASONS as readonly string[]).includes(input.reason)) {
    throw new DomainError('ENOTARY_POA_REASON_INVALID', 400, {}, [
      { field: 'reason', code: 'ENOTARY_POA_REASON_INVALID' },
    ]);
  }
  const number = findRegisterNumber(input.registerNumber);
  if (!number || number.register !== 'acts') throw new DomainError('ENOTARY_POA_NOT_FOUND', 404);
  const canonical = input.registerNumber.trim().toUpperCase();
  return transaction(deps, async (trx) => {
    const [poa] = await findPowersOfAttorney(trx, [canonical], { lock: true });
    if (!poa) throw new DomainError('ENOTARY_POA_NOT_FOUND', 404);
    const caller = await callerOf(trx, principal);
    let actingFor: PartyId = { kind: 'person', id: caller.iin };
    if (poa.principal.kind === 'organisation') {
      const entity = await findRecord(
        trx,
        deps.registries,
        {
          actor: readerActor(caller, 'e-Notary'),
          purpose: `e-Notary: revocation of power of attorney ${canonical} by the principal's head`,
          legalBasis: NOTARY_LEGAL_BASIS,
        },
        'legal-entities',
        { bin: poa.principal.id },
      );
      if (entity?.data.headIin === caller.iin) actingFor = poa.principal;
    }
    const moment = momentOf(deps);
    const revocation = revokePowerOfAttorney(
      poa,
      {
        requester: { kind: 'principal', actingFor },
        reason: input.reason as RevocationReason,
        ...(input.reasonText !== undefined ? { reasonText: input.reasonText } : {}),
      },
      moment,
    );
    await insertRevocation(trx, revocation, caller.accountId);
    await appendToLedger(
      trx,
      ACTS_LEDGER,
      {
        kind: 'power-of-attorney.revoked',
        actorAccountId: caller.accountId,
        subject: canonical,
        details: { reason: revocation.reason },
      },
      moment.now,
    );
    return revocation;
  });
}
