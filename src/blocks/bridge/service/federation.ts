import { webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { DomainError } from '../../../platform/errors.js';
import type { Database } from '../../../platform/db/database.js';
import { currentAuthority } from '../../trust/service/authority.js';
import { ED25519 } from '../../trust/service/x509.js';
import {
  FEDERATION_CONFIG_KIND,
  federationConfigBytes,
  refusalOfFederationConfig,
  type FederationConfig,
  type SignedFederationConfig,
} from '../domain/federation-config.js';
import '../repo/tables.js';
import { announce } from './caches.js';
import { audit, type Actor, type BridgeDeps } from './deps.js';
import { gatewayHolderId } from './gateway-identity.js';

/** How long a published configuration is valid: a partner refreshes it (daily) before then. */
const CONFIG_VALID_DAYS = 7;
const FETCH_TIMEOUT_MS = 10_000;
const INSTANCE = /^[A-Z]{2,8}$/;
const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * This deployment's federation configuration, signed with its CA's key: its instance, the CA
 * certificate, its gateway's public origin. The serial is the issuing second, so each
 * configuration a partner fetches is newer than the last (and an old one replayed is refused).
 */
export async function publishedConfiguration(
  deps: BridgeDeps,
  gatewayUrl: string,
): Promise<SignedFederationConfig> {
  const authority = await currentAuthority(deps.trust);
  const now = deps.now();
  const config: FederationConfig = {
    kind: FEDERATION_CONFIG_KIND,
    instance: deps.instance,
    serial: Math.floor(now.getTime() / 1000),
    issuedAt: now.toISOString(),
    validUntil: new Date(now.getTime() + CONFIG_VALID_DAYS * 86_400_000).toISOString(),
    authorityCertificate: authority.pem,
    gatewayUrl,
  };
  const signature = await webcrypto.subtle.sign(
    ED25519,
    authority.privateKey,
    federationConfigBytes(config),
  );
  return { config, signature: Buffer.from(signature).toString('base64') };
}

/** A partner as this deployment's operators recorded it. */
export interface Federation {
  instance: string;
  state: 'pinned' | 'revoked';
  authorityFingerprint: string | null;
  configurationUrl: string | null;
  since: Date;
  /** The configuration in force under the current pin. */
  config: FederationConfig | null;
  acceptedAt: Date | null;
}

/** Every partner ever pinned, with its current state, by instance. */
export async function listFederations(db: Database): Promise<Federation[]> {
  const rows = await db
    .selectFrom('bridge_federation_event')
    .select('instance')
    .distinct()
    .orderBy('instance')
    .execute();
  const found = await Promise.all(rows.map((row) => findFederation(db, row.instance)));
  return found.filter((federation): federation is Federation => federation !== undefined);
}

/** A partner by instance code. Outcomes: it; undefined when it was never pinned. */
export async function findFederation(
  db: Database,
  instance: string,
): Promise<Federation | undefined> {
  if (!INSTANCE.test(instance)) return undefined;
  const event = await db
    .selectFrom('bridge_federation_event')
    .selectAll()
    .where('instance', '=', instance)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!event) return undefined;
  const accepted =
    event.action === 'pin'
      ? await db
          .selectFrom('bridge_federation_config')
          .select(['config', 'accepted_at'])
          .where('instance', '=', instance)
          .where('authority_fingerprint', '=', event.authority_fingerprint!)
          .orderBy('serial', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  return {
    instance,
    state: event.action === 'pin' ? 'pinned' : 'revoked',
    authorityFingerprint: event.authority_fingerprint,
    configurationUrl: event.configuration_url,
    since: event.at,
    config: (accepted?.config as FederationConfig | undefined) ?? null,
    acceptedAt: accepted?.accepted_at ?? null,
  };
}

/**
 * Whether calls between this deployment and `instance` may pass now. Outcomes: the partner's
 * configuration in force; or the refusal: BRIDGE_FEDERATION_UNKNOWN (never federated),
 * BRIDGE_FEDERATION_REVOKED (the pin was removed), BRIDGE_FEDERATION_CONFIG_EXPIRED (no
 * configuration in force: it was not refreshed in time).
 */
export async function federationInForce(
  db: Database,
  instance: string,
  now: Date,
): Promise<FederationInForce> {
  return judgeFederation(await findFederation(db, instance), now);
}

export type FederationInForce =
  | { ok: true; config: FederationConfig }
  | {
      ok: false;
      code:
        | 'BRIDGE_FEDERATION_UNKNOWN'
        | 'BRIDGE_FEDERATION_REVOKED'
        | 'BRIDGE_FEDERATION_CONFIG_EXPIRED';
    };

/** Whether a partner as recorded (undefined: never pinned) is federated at `now`. */
export function judgeFederation(federation: Federation | undefined, now: Date): FederationInForce {
  if (!federation) return { ok: false, code: 'BRIDGE_FEDERATION_UNKNOWN' };
  if (federation.state === 'revoked') return { ok: false, code: 'BRIDGE_FEDERATION_REVOKED' };
  const { config } = federation;
  if (!config || now.getTime() >= Date.parse(config.validUntil))
    return { ok: false, code: 'BRIDGE_FEDERATION_CONFIG_EXPIRED' };
  return { ok: true, config };
}

/**
 * An operator (administrator) federates with a partner: pins its CA's SHA-256 fingerprint,
 * exchanged out of band, and its configuration URL; the configuration is fetched and accepted
 * (domain/federation-config.ts) before anything is stored. Pinning again replaces the pin (a new
 * CA, a new address). Audited as `bridge.federation-pin`.
 *
 * Outcomes: the federation; AUTH_FORBIDDEN (403) without the administrator role;
 * BRIDGE_FEDERATION_INVALID (400) naming each bad field; BRIDGE_FEDERATION_CONFIG_UNREACHABLE
 * (502) when the configuration cannot be fetched; FEDERATION_* (422) when it is refused.
 */
export async function pinFederation(
  deps: BridgeDeps,
  actor: Actor,
  input: { instance: string; authorityFingerprint: string; configurationUrl: string },
): Promise<Federation> {
  if (!actor.admin) throw new DomainError('AUTH_FORBIDDEN', 403);
  const fingerprint = input.authorityFingerprint.toLowerCase().replace(/:/g, '');
  const problems = [];
  if (!INSTANCE.test(input.instance) || input.instance === deps.instance)
    problems.push({ field: 'instance', code: 'BRIDGE_ID_PART_INVALID' });
  if (!FINGERPRINT.test(fingerprint))
    problems.push({ field: 'authorityFingerprint', code: 'VALIDATION_INVALID_VALUE' });
  if (!/^https?:\/\/[^\s]+$/.test(input.configurationUrl) || !URL.canParse(input.configurationUrl))
    problems.push({ field: 'configurationUrl', code: 'VALIDATION_INVALID_VALUE' });
  if (problems.length > 0) throw new DomainError('BRIDGE_FEDERATION_INVALID', 400, {}, problems);
  const pin = {
    instance: input.instance,
    authorityFingerprint: fingerprint,
    configurationUrl: input.configurationUrl,
  };
  const signed = await fetchConfiguration(input.configurationUrl);
  return announce(deps.caches.federations, pin.instance, deps.db, async (trx) => {
    await lockFederation(trx, pin.instance);
    const now = deps.now();
    await acceptConfiguration(trx, pin, signed, now);
    await trx
      .insertInto('bridge_federation_event')
      .values({
        instance: pin.instance,
        action: 'pin',
        authority_fingerprint: fingerprint,
        configuration_url: pin.configurationUrl,
        at: now,
        account_id: actor.accountId,
      })
      .execute();
    await audit(trx, now, {
      action: 'bridge.federation-pin',
      outcome: 'success',
      actorAccountId: actor.accountId,
      subject: pin.instance,
      details: { authorityFingerprint: fingerprint, configurationUrl: pin.configurationUrl },
    });
    return (await findFederation(trx, pin.instance))!;
  });
}

/**
 * Fetches a pinned partner's configuration again and accepts it if newer (the daily refresh, or
 * an operator after the partner changed its gateway). Outcomes: the federation;
 * BRIDGE_FEDERATION_NOT_FOUND (404) when the partner is not pinned now;
 * BRIDGE_FEDERATION_CONFIG_UNREACHABLE (502); FEDERATION_* (422).
 */
export async function refreshFederation(deps: BridgeDeps, instance: string): Promise<Federation> {
  const federation = await findFederation(deps.db, instance);
  if (!federation || federation.state !== 'pinned')
    throw new DomainError('BRIDGE_FEDERATION_NOT_FOUND', 404);
  const pin = {
    instance,
    authorityFingerprint: federation.authorityFingerprint!,
    configurationUrl: federation.configurationUrl!,
  };
  const signed = await fetchConfiguration(pin.configurationUrl);
  return announce(deps.caches.federations, instance, deps.db, async (trx) => {
    await lockFederation(trx, instance);
    await acceptConfiguration(trx, pin, signed, deps.now());
    return (await findFederation(trx, instance))!;
  });
}

/**
 * An operator revokes a federation: the pin is removed and the next exchange with the partner,
 * either way, is refused (BRIDGE_FEDERATION_REVOKED). Audited as `bridge.federation-revoke`.
 * Outcomes: the federation, revoked; AUTH_FORBIDDEN (403); BRIDGE_FEDERATION_NOT_FOUND (404)
 * when it is not pinned now.
 */
export async function revokeFederation(
  deps: BridgeDeps,
  actor: Actor,
  instance: string,
): Promise<Federation> {
  if (!actor.admin) throw new DomainError('AUTH_FORBIDDEN', 403);
  return announce(deps.caches.federations, instance, deps.db, async (trx) => {
    await lockFederation(trx, instance);
    const federation = await findFederation(trx, instance);
    if (!federation || federation.state !== 'pinned')
      throw new DomainError('BRIDGE_FEDERATION_NOT_FOUND', 404);
    const now = deps.now();
    await trx
      .insertInto('bridge_federation_event')
      .values({ instance, action: 'revoke', at: now, account_id: actor.accountId })
      .execute();
    await audit(trx, now, {
      action: 'bridge.federation-revoke',
      outcome: 'success',
      actorAccountId: actor.accountId,
      subject: instance,
      details: {},
    });
    return (await findFederation(trx, instance))!;
  });
}

const lockFederation = (trx: Database, instance: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`bridge.federation:${instance}`}))`.execute(trx);

async function fetchConfiguration(url: string): Promise<SignedFederationConfig> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return (await response.json()) as SignedFederationConfig;
  } catch {
    throw new DomainError('BRIDGE_FEDERATION_CONFIG_UNREACHABLE', 502);
  }
}

/** Accepts a configuration under the pin (a newer serial than any before), or refuses it. */
async function acceptConfiguration(
  trx: Database,
  pin: { instance: string; authorityFingerprint: string },
  signed: SignedFederationConfig,
  now: Date,
): Promise<void> {
  const last = await trx
    .selectFrom('bridge_federation_config')
    .select(sql<string>`coalesce(max(serial), 0)`.as('serial'))
    .where('instance', '=', pin.instance)
    .where('authority_fingerprint', '=', pin.authorityFingerprint)
    .executeTakeFirstOrThrow();
  const refusal = refusalOfFederationConfig(signed, pin, Number(last.serial), now);
  // The same configuration fetched twice is no rollback: nothing new to accept.
  if (refusal === 'FEDERATION_CONFIG_ROLLBACK' && signed.config.serial === Number(last.serial))
    return;
  if (refusal) throw new DomainError(refusal, 422);
  await trx
    .insertInto('bridge_federation_config')
    .values({
      instance: pin.instance,
      authority_fingerprint: pin.authorityFingerprint,
      serial: String(signed.config.serial),
      config: JSON.stringify(signed.config),
      signature: signed.signature,
      accepted_at: now,
    })
    .execute();
}

/**
 * The key of a federated gateway's certificate, sent with its call (`Bridge-Gateway-Certificate`,
 * base64 DER): issued by the partner's pinned CA, in force now, a gateway certificate of the
 * partner's instance (subject UID `gateway:<instance>`), and named by the signature's `keyid`
 * (its SHA-256 fingerprint). Outcomes: the key; undefined when any of that fails. Whether the
 * partner revoked the certificate is not checked (its CRL is not fetched yet): removing the pin
 * is the operator's way to stop a partner at once.
 */
export function federatedGatewayKey(
  config: FederationConfig,
  certificateHeader: string | undefined,
  keyId: string,
  now: Date,
): KeyObject | undefined {
  if (!certificateHeader) return undefined;
  try {
    const certificate = new X509Certificate(Buffer.from(certificateHeader, 'base64'));
    const authority = new X509Certificate(config.authorityCertificate);
    if (!certificate.checkIssued(authority) || !certificate.verify(authority.publicKey))
      return undefined;
    if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo))
      return undefined;
    if (certificate.fingerprint256.replace(/:/g, '').toLowerCase() !== keyId) return undefined;
    const uid = certificate.subject.split('\n').find((line) => line.startsWith('UID='));
    if (uid !== `UID=${gatewayHolderId(config.instance)}`) return undefined;
    return certificate.publicKey;
  } catch {
    return undefined;
  }
}
