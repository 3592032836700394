import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { httpbis, type Request as SignableRequest } from 'http-message-signatures';
import { parseDictionary } from 'structured-headers';

/*
 * Signed requests between members and gateways: HTTP Message Signatures (RFC 9421) with Ed25519,
 * over the method, the full target URI, the caller's `Information-Mediator-Client` id and the
 * body's `Content-Digest` (RFC 9530, SHA-256), with `created`, `nonce` and `keyid` parameters.
 * Signing the target URI binds a signature to one address; the nonce, claimed once within the
 * time window, makes a replayed request fail even when it is byte for byte the original. A
 * standard, so a member's system signs with any RFC 9421 library; the platform uses the
 * `http-message-signatures` package for the signature base and its structured fields.
 */

export const SIGNED_COMPONENTS = [
  '@method',
  '@target-uri',
  'information-mediator-client',
  'content-digest',
] as const;

/** How far a signature's `created` may lie from the gateway's clock, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export interface OutgoingRequest {
  method: string;
  /** The absolute URL the request goes to. */
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** `sha-256=:…:` of a body (RFC 9530). */
export const contentDigest = (body: Uint8Array): string =>
  `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;

/**
 * Signs a request as member `keyId` (its certificate's id): adds `Content-Digest`,
 * `Signature-Input` and `Signature`. The `Information-Mediator-Client` header must be set.
 */
export async function signRequest(
  request: OutgoingRequest,
  key: { keyId: string; privateKey: KeyObject; nonce: string; now: Date },
): Promise<Record<string, string>> {
  const headers = { ...request.headers, 'content-digest': contentDigest(request.body) };
  const signed = await httpbis.signMessage(
    {
      key: {
        id: key.keyId,
        alg: 'ed25519',
        sign: async (data) => sign(null, data, key.privateKey),
      },
      fields: [...SIGNED_COMPONENTS],
      params: ['created', 'nonce', 'keyid', 'alg'],
      paramValues: { created: key.now, nonce: key.nonce },
    },
    { method: request.method, url: request.url, headers },
  );
  return Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
}

export interface IncomingRequest {
  method: string;
  /** The absolute URL as the caller addressed it (scheme, host, path and query). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface VerifyContext {
  /** The public key of a member's current, unrevoked certificate; undefined if there is none. */
  keyOf(keyId: string): Promise<KeyObject | undefined>;
  /**
   * Records a nonce as used by `keyId` until `until`; false when it was used already (a replay).
   * Must be atomic across gateway nodes (a unique row in PostgreSQL).
   */
  claimNonce(keyId: string, nonce: string, until: Date): Promise<boolean>;
  now: Date;
}

export type SignatureCheck =
  | { ok: true; keyId: string; created: Date }
  | {
      ok: false;
      code:
        | 'BRIDGE_SIGNATURE_MISSING'
        | 'BRIDGE_SIGNATURE_MALFORMED'
        | 'BRIDGE_SIGNATURE_UNKNOWN_KEY'
        | 'BRIDGE_SIGNATURE_INVALID'
        | 'BRIDGE_SIGNATURE_STALE'
        | 'BRIDGE_DIGEST_MISMATCH'
        | 'BRIDGE_REPLAY';
    };

/**
 * Checks a signed request. Outcomes, in the order checked: no signature (MISSING); a signature
 * that does not cover the required components and parameters or cannot be parsed (MALFORMED);
 * `created` outside the window (STALE); an unknown or revoked key (UNKNOWN_KEY); a body that is
 * not the one the digest names (DIGEST_MISMATCH); a signature that does not verify (INVALID); a
 * nonce seen before (REPLAY: checked last, so only a genuine request spends its nonce).
 */
export async function verifySignedRequest(
  request: IncomingRequest,
  context: VerifyContext,
): Promise<SignatureCheck> {
  const headers = flatHeaders(request.headers);
  if (!headers['signature'] || !headers['signature-input']) {
    return { ok: false, code: 'BRIDGE_SIGNATURE_MISSING' };
  }
  const params = signatureParams(headers['signature-input']);
  if (!params) return { ok: false, code: 'BRIDGE_SIGNATURE_MALFORMED' };
  const skew = Math.abs(context.now.getTime() / 1000 - params.created);
  if (skew > SIGNATURE_WINDOW_SECONDS) return { ok: false, code: 'BRIDGE_SIGNATURE_STALE' };
  const key = await context.keyOf(params.keyId);
  if (!key) return { ok: false, code: 'BRIDGE_SIGNATURE_UNKNOWN_KEY' };
  if (headers['content-digest'] !== contentDigest(request.body)) {
    return { ok: false, code: 'BRIDGE_DIGEST_MISMATCH' };
  }
  let valid: boolean | null;
  try {
    const message: SignableRequest = { method: request.method, url: request.url, headers };
    valid = await httpbis.verifyMessage(
      {
        keyLookup: async (found) =>
          found.keyid === params.keyId
            ? {
                id: params.keyId,
                algs: ['ed25519'],
                // With a callback, Node verifies on its thread pool: the event loop, which
                // serves every other call meanwhile, does not wait for the curve arithmetic.
                verify: (data, signature) =>
                  new Promise<boolean>((resolve, reject) =>
                    verify(null, data, key, signature, (error, valid) =>
                      error ? reject(error) : resolve(valid),
                    ),
                  ),
              }
            : null,
        requiredFields: [...SIGNED_COMPONENTS],
        requiredParams: ['created', 'nonce', 'keyid'],
        // The window is checked above against the platform's clock, both ways.
        notAfter: Number.MAX_SAFE_INTEGER,
      },
      message,
    );
  } catch {
    valid = false;
  }
  if (valid !== true) return { ok: false, code: 'BRIDGE_SIGNATURE_INVALID' };
  const until = new Date((params.created + SIGNATURE_WINDOW_SECONDS) * 1000);
  if (!(await context.claimNonce(params.keyId, params.nonce, until))) {
    return { ok: false, code: 'BRIDGE_REPLAY' };
  }
  return { ok: true, keyId: params.keyId, created: new Date(params.created * 1000) };
}

/** The one signature's parameters, if it covers every required component; else undefined. */
function signatureParams(
  input: string,
): { keyId: string; nonce: string; created: number } | undefined {
  try {
    const entries = [...parseDictionary(input).values()];
    if (entries.length !== 1) return undefined;
    const [items, parameters] = entries[0]!;
    if (!Array.isArray(items)) return undefined;
    const covered = new Set(items.map(([value]) => String(value)));
    if (!SIGNED_COMPONENTS.every((component) => covered.has(component))) return undefined;
    const keyId = parameters.get('keyid');
    const nonce = parameters.get('nonce');
    const created = parameters.get('created');
    const alg = parameters.get('alg');
    if (typeof keyId !== 'string' || typeof nonce !== 'string' || typeof created !== 'number') {
      return undefined;
    }
    if (alg !== undefined && alg !== 'ed25519') return undefined;
    if (nonce.length < 16 || nonce.length > 128) return undefined;
    return { keyId, nonce, created };
  } catch {
    return undefined;
  }
}

function flatHeaders(headers: IncomingRequest['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
