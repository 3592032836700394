import { createHash, verify, X509Certificate } from 'node:crypto';
import { canonicalJson } from '../../../platform/crypto/canonical-json.js';

/*
 * Federation between national deployments (as X-Road federates instances): each deployment
 * publishes a configuration, signed with its certificate authority's key, that says who it is,
 * where its gateway answers and which CA vouches for its members. A partner accepts it only if
 * the CA is the one whose fingerprint its operators exchanged out of band (pinned), the signature
 * holds, the configuration is newer than the last one accepted (no rollback to an old gateway
 * or key) and still valid. Neither side hands the other any data: only this trust.
 */

export const FEDERATION_CONFIG_KIND = 'ortaq.federation.config.v1';

export interface FederationConfig {
  kind: typeof FEDERATION_CONFIG_KIND;
  /** The instance code of the deployment, e.g. `KG`. */
  instance: string;
  /** Increases with every configuration the deployment publishes. */
  serial: number;
  issuedAt: string;
  validUntil: string;
  /** The deployment CA's certificate (PEM): it signs this configuration and issues members'. */
  authorityCertificate: string;
  /** Where the deployment's gateway takes calls from federated gateways. */
  gatewayUrl: string;
}

export interface SignedFederationConfig {
  config: FederationConfig;
  /** Ed25519 signature of the config's canonical JSON by the CA key, base64. */
  signature: string;
}

export type FederationRefusal =
  | 'FEDERATION_CONFIG_MALFORMED'
  | 'FEDERATION_AUTHORITY_NOT_PINNED'
  | 'FEDERATION_SIGNATURE_INVALID'
  | 'FEDERATION_CONFIG_ROLLBACK'
  | 'FEDERATION_CONFIG_EXPIRED'
  | 'FEDERATION_INSTANCE_MISMATCH';

/** SHA-256 of the certificate's DER, hex, lower case: what operators compare and pin. */
export const authorityFingerprint = (pem: string): string =>
  createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');

export const federationConfigBytes = (config: FederationConfig): Buffer =>
  Buffer.from(canonicalJson(config), 'utf8');

/**
 * Whether to accept a partner's configuration. `pin` is what this deployment's operators
 * recorded for the partner (its instance code and CA fingerprint); `lastSerial` the serial of
 * the configuration accepted before (0 if none). Outcomes: undefined (accept), or the refusal.
 */
export function refusalOfFederationConfig(
  signed: SignedFederationConfig,
  pin: { instance: string; authorityFingerprint: string },
  lastSerial: number,
  now: Date,
): FederationRefusal | undefined {
  const { config } = signed;
  if (!isWellFormed(config)) return 'FEDERATION_CONFIG_MALFORMED';
  if (config.instance !== pin.instance) return 'FEDERATION_INSTANCE_MISMATCH';
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(config.authorityCertificate);
  } catch {
    return 'FEDERATION_CONFIG_MALFORMED';
  }
  if (
    authorityFingerprint(config.authorityCertificate) !== pin.authorityFingerprint.toLowerCase()
  ) {
    return 'FEDERATION_AUTHORITY_NOT_PINNED';
  }
  const valid = verify(
    null,
    federationConfigBytes(config),
    certificate.publicKey,
    Buffer.from(signed.signature, 'base64'),
  );
  if (!valid) return 'FEDERATION_SIGNATURE_INVALID';
  if (config.serial <= lastSerial) return 'FEDERATION_CONFIG_ROLLBACK';
  if (now.getTime() >= Date.parse(config.validUntil)) return 'FEDERATION_CONFIG_EXPIRED';
  return undefined;
}

function isWellFormed(config: FederationConfig): boolean {
  return (
    config?.kind === FEDERATION_CONFIG_KIND &&
    /^[A-Z]{2,8}$/.test(config.instance) &&
    Number.isSafeInteger(config.serial) &&
    config.serial > 0 &&
    !Number.isNaN(Date.parse(config.issuedAt)) &&
    !Number.isNaN(Date.parse(config.validUntil)) &&
    /^https?:\/\/[^\s]+$/.test(config.gatewayUrl) &&
    typeof config.authorityCertificate === 'string'
  );
}
