import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import type { ConsentDecision } from '../../consent/domain/consent-decision.js';
import { findCertificate } from '../../trust/index.js';
import {
  formatServiceId,
  formatSubsystemId,
  type ServiceAddress,
  type SubsystemId,
} from '../domain/member-id.js';
import {
  consentKey,
  contractKey,
  getFound,
  personKey,
  type CertificateFacts,
  type Subsystem,
} from './caches.js';
import { consentEvents, judgeConsent } from './consents.js';
import { currentContract, type CurrentContract } from './contracts.js';
import type { BridgeDeps } from './deps.js';
import {
  findFederation,
  judgeFederation,
  type Federation,
  type FederationInForce,
} from './federation.js';
import { findSubsystemById } from './members.js';
import { findPassportByAddress, type Passport } from './passports.js';

/*
 * What the gateway reads on every call, from the process's caches (caches.ts): after the first
 * call a checked exchange reads nothing from the database but its nonce claim and its log write.
 * Whatever depends on the time (a certificate's or a consent's end, a federation's
 * configuration) is judged at each call from what is cached.
 */

/** The passport at a gateway address, at its current version. Outcomes: it; undefined. */
export const passportAt = (
  deps: BridgeDeps,
  address: Omit<ServiceAddress, 'rest'>,
): Promise<Passport | undefined> =>
  getFound(deps.caches.passports, formatServiceId(address), () =>
    findPassportByAddress(deps.db, address),
  );

export type MemberKey =
  | { found: true; memberId: string; publicKey: KeyObject }
  | { found: false; reason: 'unknown' | 'revoked' | 'expired' };

/**
 * The public key a member signs with, by certificate id (the signature's `keyid`): only a
 * `bridge-member` certificate of the deployment CA, in force at `now`. A revocation this process
 * has not heard of yet is caught by the nonce claim (gateway-writes.ts), which checks it in the
 * database.
 */
export async function memberKey(deps: BridgeDeps, keyId: string, now: Date): Promise<MemberKey> {
  const facts = await getFound(deps.caches.certificates, keyId, () =>
    certificateFacts(deps, keyId),
  );
  if (!facts || facts.holderKind !== 'bridge-member') return { found: false, reason: 'unknown' };
  if (facts.revoked) return { found: false, reason: 'revoked' };
  if (facts.notAfter <= now || facts.notBefore > now) return { found: false, reason: 'expired' };
  return { found: true, memberId: facts.holderId, publicKey: facts.publicKey };
}

async function certificateFacts(
  deps: BridgeDeps,
  keyId: string,
): Promise<CertificateFacts | undefined> {
  const certificate = await findCertificate(deps.db, keyId);
  if (!certificate) return undefined;
  return {
    holderKind: certificate.holderKind,
    holderId: certificate.holderId,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    revoked: certificate.revocation !== null,
    publicKey: createPublicKey(
      new X509Certificate(certificate.pem).publicKey.export({ type: 'spki', format: 'pem' }),
    ),
  };
}

/** A subsystem by its identifier `KZ/COM/…/crm`. Outcomes: it; undefined when unknown. */
export const subsystemNamed = (deps: BridgeDeps, id: SubsystemId): Promise<Subsystem | undefined> =>
  getFound(deps.caches.subsystems, formatSubsystemId(id), () => findSubsystemById(deps.db, id));

/** The current contract of a passport and a consumer subsystem. Outcomes: it; undefined. */
export async function contractOf(
  deps: BridgeDeps,
  passportId: string,
  consumerSubsystemId: string,
): Promise<CurrentContract | undefined> {
  const contract = await deps.caches.contracts.get(
    contractKey(passportId, consumerSubsystemId),
    async () => (await currentContract(deps.db, passportId, consumerSubsystemId)) ?? null,
  );
  return contract ?? undefined;
}

/** Does the person consent to the passport's current revision at `at`? */
export async function consentOf(
  deps: BridgeDeps,
  personId: string,
  passport: Passport,
  at: Date,
): Promise<ConsentDecision> {
  const events = await deps.caches.consents.get(consentKey(personId, passport.id), () =>
    consentEvents(deps.db, personId, passport.id),
  );
  return judgeConsent(events, personId, passport, at);
}

/** The id of the person with this national identifier. Outcomes: it; undefined when unknown. */
export const personIdOf = (deps: BridgeDeps, nationalId: string): Promise<string | undefined> =>
  getFound(
    deps.caches.persons,
    personKey(deps.country.id, nationalId),
    async () => (await findPersonByNationalId(deps.db, deps.country.id, nationalId))?.id,
  );

/** A partner as this deployment's operators recorded it. Outcomes: it; undefined: never pinned. */
export const partnerOf = (deps: BridgeDeps, instance: string): Promise<Federation | undefined> =>
  getFound(deps.caches.federations, instance, () => findFederation(deps.db, instance));

/** Whether calls with the partner `instance` may pass at `now` (see federationInForce). */
export const federationOf = async (
  deps: BridgeDeps,
  instance: string,
  now: Date,
): Promise<FederationInForce> => judgeFederation(await partnerOf(deps, instance), now);
