import { sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAuthority, type TestHolder } from '../test/pki.js';
import {
  authorityFingerprint,
  FEDERATION_CONFIG_KIND,
  federationConfigBytes,
  refusalOfFederationConfig,
  type FederationConfig,
  type SignedFederationConfig,
} from './federation-config.js';

type Authority = TestHolder;
const authority = testAuthority;

const NOW = new Date('2026-11-22T12:00:00Z');

function published(ca: Authority, change: Partial<FederationConfig> = {}): SignedFederationConfig {
  const config: FederationConfig = {
    kind: FEDERATION_CONFIG_KIND,
    instance: 'KG',
    serial: 3,
    issuedAt: '2026-11-20T00:00:00Z',
    validUntil: '2027-11-20T00:00:00Z',
    authorityCertificate: ca.pem,
    gatewayUrl: 'https://bridge.gov.kg',
    ...change,
  };
  return {
    config,
    signature: sign(null, federationConfigBytes(config), ca.privateKey).toString('base64'),
  };
}

describe('federation configurations', () => {
  let kg: Authority;
  let impostor: Authority;
  let pin: { instance: string; authorityFingerprint: string };
  beforeAll(async () => {
    kg = await authority('Ortaq KG CA');
    impostor = await authority('Ortaq KG CA');
    pin = { instance: 'KG', authorityFingerprint: authorityFingerprint(kg.pem) };
  });

  it('accept a partner’s configuration signed by its pinned CA', () => {
    expect(refusalOfFederationConfig(published(kg), pin, 2, NOW)).toBeUndefined();
    expect(authorityFingerprint(kg.pem)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuse a CA that is not the pinned one, even with the same name', () => {
    expect(refusalOfFederationConfig(published(impostor), pin, 0, NOW)).toBe(
      'FEDERATION_AUTHORITY_NOT_PINNED',
    );
  });

  it('refuse a configuration changed after signing', () => {
    const signed = published(kg);
    const moved = { ...signed, config: { ...signed.config, gatewayUrl: 'https://evil.example' } };
    expect(refusalOfFederationConfig(moved, pin, 0, NOW)).toBe('FEDERATION_SIGNATURE_INVALID');
  });

  it('refuse an older configuration than the last accepted, and an expired one', () => {
    expect(refusalOfFederationConfig(published(kg, { serial: 2 }), pin, 2, NOW)).toBe(
      'FEDERATION_CONFIG_ROLLBACK',
    );
    expect(
      refusalOfFederationConfig(published(kg, { validUntil: '2026-11-22T12:00:00Z' }), pin, 0, NOW),
    ).toBe('FEDERATION_CONFIG_EXPIRED');
  });

  it('refuse another instance’s configuration and a malformed one', () => {
    expect(refusalOfFederationConfig(published(kg, { instance: 'UZ' }), pin, 0, NOW)).toBe(
      'FEDERATION_INSTANCE_MISMATCH',
    );
    expect(refusalOfFederationConfig(published(kg, { gatewayUrl: 'ftp:x' }), pin, 0, NOW)).toBe(
      'FEDERATION_CONFIG_MALFORMED',
    );
    expect(
      refusalOfFederationConfig(published(kg, { authorityCertificate: 'not a pem' }), pin, 0, NOW),
    ).toBe('FEDERATION_CONFIG_MALFORMED');
  });
});
