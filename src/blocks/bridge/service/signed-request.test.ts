import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  SIGNATURE_WINDOW_SECONDS,
  signRequest,
  verifySignedRequest,
  type IncomingRequest,
  type VerifyContext,
} from './signed-request.js';

const member = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const KEY_ID = 'cert-4f2a';
const URL_ = 'https://bridge.gov.kz/KZ/GOV/070540001234/population/read-person/people?full=1';
const CLIENT = 'KZ/COM/150440012344/crm';

/** The gateway's side: the member's key, and nonces claimed once (as the PostgreSQL row does). */
function gateway(
  now: Date,
  keys: Record<string, typeof member.publicKey> = { [KEY_ID]: member.publicKey },
) {
  const used = new Set<string>();
  const context: VerifyContext = {
    keyOf: async (keyId) => keys[keyId],
    claimNonce: async (keyId, nonce) => {
      const key = `${keyId} ${nonce}`;
      if (used.has(key)) return false;
      used.add(key);
      return true;
    },
    now,
  };
  return context;
}

async function signed(
  body: string,
  options: { now?: Date; privateKey?: typeof member.privateKey; nonce?: string } = {},
): Promise<IncomingRequest> {
  const request = {
    method: 'POST',
    url: URL_,
    headers: { 'information-mediator-client': CLIENT, 'content-type': 'application/json' },
    body: Buffer.from(body),
  };
  const headers = await signRequest(request, {
    keyId: KEY_ID,
    privateKey: options.privateKey ?? member.privateKey,
    nonce: options.nonce ?? randomBytes(16).toString('base64url'),
    now: options.now ?? new Date(),
  });
  return { ...request, headers };
}

describe('signed requests (RFC 9421, Ed25519)', () => {
  let context: VerifyContext;
  beforeEach(() => {
    context = gateway(new Date());
  });

  it('accept a request signed by a member’s key, once', async () => {
    const request = await signed('{"iin":"850725400024"}');
    expect(request.headers['content-digest']).toMatch(/^sha-256=:.+:$/);
    const first = await verifySignedRequest(request, context);
    expect(first).toMatchObject({ ok: true, keyId: KEY_ID });
    // The same request again, byte for byte: a replay.
    expect(await verifySignedRequest(request, context)).toEqual({
      ok: false,
      code: 'BRIDGE_REPLAY',
    });
  });

  it('refuse a request without a signature', async () => {
    const request = await signed('{}');
    const {
      signature: _s,
      'signature-input': _i,
      ...unsigned
    } = request.headers as Record<string, string>;
    expect(await verifySignedRequest({ ...request, headers: unsigned }, context)).toEqual({
      ok: false,
      code: 'BRIDGE_SIGNATURE_MISSING',
    });
  });

  it('refuse a changed body, a changed address, a changed client and a foreign key', async () => {
    const request = await signed('{"iin":"850725400024"}');
    expect(
      await verifySignedRequest(
        { ...request, body: Buffer.from('{"iin":"850725400025"}') },
        context,
      ),
    ).toEqual({ ok: false, code: 'BRIDGE_DIGEST_MISMATCH' });
    expect(
      await verifySignedRequest({ ...request, url: URL_.replace('full=1', 'full=0') }, context),
    ).toEqual({ ok: false, code: 'BRIDGE_SIGNATURE_INVALID' });
    expect(
      await verifySignedRequest(
        {
          ...request,
          headers: { ...request.headers, 'information-mediator-client': 'KZ/COM/1/x' },
        },
        context,
      ),
    ).toEqual({ ok: false, code: 'BRIDGE_SIGNATURE_INVALID' });
    const forged = await signed('{}', { privateKey: other.privateKey });
    expect(await verifySignedRequest(forged, context)).toEqual({
      ok: false,
      code: 'BRIDGE_SIGNATURE_INVALID',
    });
  });

  it('refuse an unknown or revoked key', async () => {
    const request = await signed('{}');
    expect(await verifySignedRequest(request, gateway(new Date(), {}))).toEqual({
      ok: false,
      code: 'BRIDGE_SIGNATURE_UNKNOWN_KEY',
    });
  });

  it('refuse a signature created outside the window, either way', async () => {
    const now = new Date();
    const late = new Date(now.getTime() - (SIGNATURE_WINDOW_SECONDS + 5) * 1000);
    const early = new Date(now.getTime() + (SIGNATURE_WINDOW_SECONDS + 5) * 1000);
    for (const created of [late, early]) {
      expect(await verifySignedRequest(await signed('{}', { now: created }), context)).toEqual({
        ok: false,
        code: 'BRIDGE_SIGNATURE_STALE',
      });
    }
    const inside = new Date(now.getTime() - (SIGNATURE_WINDOW_SECONDS - 5) * 1000);
    expect((await verifySignedRequest(await signed('{}', { now: inside }), context)).ok).toBe(true);
  });

  it('refuse a signature that leaves out a required component or uses a short nonce', async () => {
    const request = await signed('{}');
    const input = String(request.headers['signature-input']);
    const without = input.replace(' "information-mediator-client"', '');
    expect(
      await verifySignedRequest(
        { ...request, headers: { ...request.headers, 'signature-input': without } },
        context,
      ),
    ).toEqual({ ok: false, code: 'BRIDGE_SIGNATURE_MALFORMED' });
    expect(await verifySignedRequest(await signed('{}', { nonce: 'short' }), context)).toEqual({
      ok: false,
      code: 'BRIDGE_SIGNATURE_MALFORMED',
    });
  });

  it('spend no nonce on a request that fails', async () => {
    const nonce = randomBytes(16).toString('base64url');
    const forged = await signed('{}', { privateKey: other.privateKey, nonce });
    expect((await verifySignedRequest(forged, context)).ok).toBe(false);
    expect((await verifySignedRequest(await signed('{}', { nonce }), context)).ok).toBe(true);
  });
});
