import { createHash, createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { issueCertificate, listHolderCertificates } from '../../trust/index.js';
import { holderKeyLabel } from '../../trust/service/certificates.js';
import '../../trust/repo/tables.js';
import type { BridgeDeps } from './deps.js';
import type { GatewaySigner } from './message-log.js';

/**
 * The gateway's own signing identity: a certificate of the deployment CA (holder kind
 * `bridge-member`, holder id `gateway:<instance>`), issued on first need, its key kept sealed by
 * the trust block. It signs the message log's checkpoints and the calls this gateway forwards to
 * a federated gateway. A holder id that is not a member's id means no member route lists it and
 * the gateway's checks never take it for a member's key (the client subsystem is never its).
 */
export interface GatewayIdentity {
  certificateId: string;
  certificatePem: string;
  /** SHA-256 of the certificate's DER, hex: the `keyid` of the gateway's signed requests. */
  fingerprint: string;
  notAfter: Date;
  privateKey: KeyObject;
}

/** The subject UID (holder id) of a deployment's gateway certificate. */
export const gatewayHolderId = (instance: string) => `gateway:${instance}`;

/** A certificate this close to its end is replaced before it is used again. */
const RENEW_BEFORE_MS = 30 * 86_400_000;
const GATEWAY_LOCK = 'bridge.gateway-certificate';

const cache = new WeakMap<BridgeDeps['trust'], Promise<GatewayIdentity>>();

export const certificateFingerprint = (pem: string): string =>
  createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');

/**
 * The gateway's identity: its newest certificate in force for at least 30 more days, else a new
 * one (issued under an advisory lock, so nodes starting together issue one). Cached per process
 * until the renewal time. Outcomes: the identity; throws when the CA cannot be used.
 */
export async function gatewayIdentity(deps: BridgeDeps): Promise<GatewayIdentity> {
  const cached = cache.get(deps.trust);
  if (cached) {
    const identity = await cached.catch(() => undefined);
    if (identity && identity.notAfter.getTime() - deps.now().getTime() > RENEW_BEFORE_MS)
      return identity;
  }
  const pending = loadOrIssue(deps);
  cache.set(deps.trust, pending);
  pending.catch(() => cache.delete(deps.trust));
  return pending;
}

/** Forgets the cached identity (after a revocation, or in tests). */
export const forgetGatewayIdentity = (deps: BridgeDeps) => cache.delete(deps.trust);

async function loadOrIssue(deps: BridgeDeps): Promise<GatewayIdentity> {
  const holder = { kind: 'bridge-member' as const, id: gatewayHolderId(deps.instance) };
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${GATEWAY_LOCK}))`.execute(trx);
    const now = deps.now();
    const usable = (await listHolderCertificates(trx, holder, now)).find(
      (c) => c.status === 'valid' && c.notAfter.getTime() - now.getTime() > RENEW_BEFORE_MS,
    );
    const certificate =
      usable ??
      (await issueCertificate(
        { deps: deps.trust, actorAccountId: null, trx },
        {
          holderKind: 'bridge-member',
          holderId: holder.id,
          holderName: `Ortaq ${deps.instance} bridge gateway`,
          validDays: 365,
        },
      ));
    const row = await trx
      .selectFrom('trust_certificate')
      .select('sealed_private_key')
      .where('id', '=', certificate.id)
      .executeTakeFirstOrThrow();
    const pkcs8 = deps.trust.sealer.open(
      row.sealed_private_key,
      holderKeyLabel(certificate.serial),
    );
    return {
      certificateId: certificate.id,
      certificatePem: certificate.pem,
      fingerprint: certificateFingerprint(certificate.pem),
      notAfter: certificate.notAfter,
      privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    };
  });
}

/** The message log's signer: the gateway's identity, named by this deployment's instance. */
export async function gatewaySigner(deps: BridgeDeps): Promise<GatewaySigner> {
  const identity = await gatewayIdentity(deps);
  return {
    gateway: deps.instance,
    certificatePem: identity.certificatePem,
    sign: (bytes) => sign(null, bytes, identity.privateKey),
  };
}
