import { createHash, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { contractAllows } from '../domain/access-contract.js';
import { matchesEndpoint } from '../domain/endpoint-pattern.js';
import {
  formatServiceId,
  formatSubsystemId,
  isIdentifierProblem,
  parseServiceAddress,
  parseSubsystemId,
  type ServiceAddress,
} from '../domain/member-id.js';
import type { AccessRecordInput } from '../../../platform/audit/access/access-records.js';
import type { BridgeDeps } from './deps.js';
import { federatedGatewayKey } from './federation.js';
import { gatewayIdentity } from './gateway-identity.js';
import {
  consentOf,
  contractOf,
  federationOf,
  memberKey,
  passportAt,
  personIdOf,
  subsystemNamed,
} from './gateway-reads.js';
import { GatewayWrites } from './gateway-writes.js';
import { HttpExchange, HttpTimeout, type HttpAnswer } from './http-exchange.js';
import type { NewExchange } from './message-log.js';
import { providerAuthorization } from './provider-credentials.js';
import { endpointsOf, type Passport } from './passports.js';
import { RateLimiter } from './rate-limiter.js';
import { signRequest, verifySignedRequest } from './signed-request.js';

/** A call as the gateway receives it. */
export interface GatewayRequest {
  method: string;
  /** Path and query as addressed: `/KZ/GOV/…/read-person/people/850725400024?full=1`. */
  url: string;
  /** The absolute URL the caller signed (the deployment's public origin and `url`). */
  absoluteUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Why the gateway refused a call, with its HTTP status; stable codes the HTTP layer translates. */
export interface GatewayRefusal {
  refused: true;
  code: string;
  status: number;
  retryAfterSeconds?: number;
  exchangeId: string;
}

/** The provider's answer, as the gateway returns it once the exchange is logged. */
export interface GatewayAnswer {
  refused: false;
  status: number;
  contentType: string | undefined;
  body: Buffer;
  exchangeId: string;
}

const SIGNATURE_STATUS: Record<string, number> = {
  BRIDGE_SIGNATURE_MISSING: 401,
  BRIDGE_SIGNATURE_MALFORMED: 401,
  BRIDGE_SIGNATURE_STALE: 401,
  BRIDGE_SIGNATURE_UNKNOWN_KEY: 401,
  BRIDGE_SIGNATURE_INVALID: 401,
  BRIDGE_DIGEST_MISMATCH: 401,
  BRIDGE_REPLAY: 409,
};

/** The header in which a federated gateway sends its certificate (base64 DER). */
export const GATEWAY_CERTIFICATE_HEADER = 'bridge-gateway-certificate';
/** How long this gateway waits for a federated gateway (which waits for its provider). */
const FEDERATED_TIMEOUT_MS = 30_000;

/** Headers the provider gets from the caller; everything else (cookies, signatures) stays. */
const FORWARDED_HEADERS = ['content-type', 'accept', 'accept-language'];
/** A relayed call's body limit before the partner applies its passport's own. */
const MAX_RELAYED_BODY = 10 * 1024 * 1024;
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/**
 * The gateway: checks a call, forwards it to the provider, logs the exchange, and writes the
 * access record of the person it concerns. One per app (its rate buckets live in it).
 */
export class Gateway {
  private readonly limiter = new RateLimiter();
  private readonly writes: GatewayWrites;
  private readonly http = new HttpExchange();

  constructor(private readonly deps: BridgeDeps) {
    this.writes = new GatewayWrites(deps.db);
  }

  /**
   * Handles one call. The checks, in order, each refusing with its code: a published passport
   * (BRIDGE_SERVICE_UNKNOWN 404); the signature (BRIDGE_SIGNATURE_*, BRIDGE_DIGEST_MISMATCH 401,
   * BRIDGE_REPLAY 409), the member certificate in force (BRIDGE_CERTIFICATE_REVOKED,
   * BRIDGE_CERTIFICATE_EXPIRED 401) and the client subsystem its member's (BRIDGE_CLIENT_UNKNOWN
   * 403); the body within the passport's limit (BRIDGE_BODY_TOO_LARGE 413); an approved contract
   * granting this method and path (BRIDGE_NO_CONTRACT 403); the person's consent where the
   * passport requires it (BRIDGE_PERSON_ID_MISSING 400, BRIDGE_NO_CONSENT 403); the contract's
   * rate (BRIDGE_RATE_LIMITED 429). Then the provider: no answer in time
   * (BRIDGE_PROVIDER_TIMEOUT 504), unreachable or 5xx (BRIDGE_PROVIDER_ERROR 502), not JSON where
   * the passport declares JSON (BRIDGE_PROVIDER_ANSWER_INVALID 502). Every outcome is recorded in
   * the message log; when that write fails the answer is withheld (BRIDGE_LOG_UNAVAILABLE 503).
   */
  async handle(request: GatewayRequest): Promise<GatewayRefusal | GatewayAnswer> {
    const exchangeId = randomUUID();
    const started = performance.now();
    const receivedAt = this.deps.now();
    const requestHash = sha256(request.body);
    const [path = '/', query] = splitQuery(request.url);
    const record = {
      id: exchangeId,
      receivedAt,
      client: clientHeader(request.headers) ?? '-',
      service: path.slice(1, 200) || '-',
      method: request.method,
      requestHash,
      // Read when the exchange is logged: the time until its answer.
      get durationMs() {
        return Math.round(performance.now() - started);
      },
    };
    try {
      const address = parseServiceAddress(path);
      if (isIdentifierProblem(address)) throw new Refusal('BRIDGE_SERVICE_UNKNOWN', 404);
      record.service = formatServiceId(address);
      if (address.instance !== this.deps.instance) {
        const relayed = await this.relay(request, address.instance, receivedAt);
        record.client = relayed.client;
        await this.log({ ...record, responseHash: sha256(relayed.body), status: relayed.status });
        return { refused: false, ...relayed, exchangeId };
      }
      const passport = await passportAt(this.deps, address);
      if (!passport) throw new Refusal('BRIDGE_SERVICE_UNKNOWN', 404);
      const client = await this.authenticate(request, receivedAt);
      record.client = formatSubsystemId(client);
      if (request.body.length > passport.maxBodyBytes)
        throw new Refusal('BRIDGE_BODY_TOO_LARGE', 413);
      const contract = await contractOf(this.deps, passport.id, client.id);
      if (!contract || !contractAllows(contract.status, request.method, address.rest))
        throw new Refusal('BRIDGE_NO_CONTRACT', 403);
      const personId = await this.person(passport, request, address);
      if (passport.consentRequired) {
        if (!personId) throw new Refusal('BRIDGE_PERSON_ID_MISSING', 400);
        const decision = await consentOf(this.deps, personId, passport, receivedAt);
        if (!decision.granted) throw new Refusal('BRIDGE_NO_CONSENT', 403);
      }
      const wait = this.limiter.take(contract.id, passport.ratePerSecond, receivedAt.getTime());
      if (wait > 0) throw new Refusal('BRIDGE_RATE_LIMITED', 429, wait);

      const authorization = await providerAuthorization(this.deps, passport.id);
      const answer = await this.forward(passport, request, address.rest, query, {
        exchangeId,
        client: record.client,
        authorization,
      });
      const concernsPerson = personId && answer.status >= 200 && answer.status < 300;
      await this.log(
        { ...record, responseHash: sha256(answer.body), status: answer.status },
        concernsPerson
          ? {
              at: receivedAt,
              input: {
                personId,
                accessorAccountId: null,
                accessorName: `${client.memberName} (${record.client})`,
                accessorOrganisation: client.memberName,
                purpose: contract.purpose,
                legalBasis: contract.legalBasis,
                fields: passport.dataClasses,
                source: passport.service.slice(0, 200),
              },
            }
          : undefined,
      );
      return { refused: false, ...answer, exchangeId };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      let refusal = error;
      if (refusal.code !== 'BRIDGE_LOG_UNAVAILABLE') {
        // A refusal is logged like any exchange; unloggable, it becomes the log's refusal.
        await this.log({ ...record, responseHash: null, status: refusal.status }).catch(
          (logError: unknown) => {
            if (!(logError instanceof Refusal)) throw logError;
            refusal = logError;
          },
        );
      }
      return {
        refused: true,
        code: refusal.code,
        status: refusal.status,
        exchangeId,
        ...(refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}),
      };
    }
  }

  /**
   * The signature, the member's certificate and the client subsystem named in the header; a
   * client of another instance is authenticated by its federated gateway (authenticateGateway).
   */
  private async authenticate(request: GatewayRequest, now: Date) {
    const named = clientHeader(request.headers);
    const claimed = named ? parseSubsystemId(named) : undefined;
    if (claimed && !isIdentifierProblem(claimed) && claimed.instance !== this.deps.instance)
      return this.authenticateGateway(request, claimed.instance, now);
    let keyProblem: 'revoked' | 'expired' | undefined;
    let keyMember: string | undefined;
    const check = await verifySignedRequest(
      {
        method: request.method,
        url: request.absoluteUrl,
        headers: request.headers,
        body: request.body,
      },
      {
        now,
        keyOf: async (keyId) => {
          const key = await memberKey(this.deps, keyId, now);
          if (!key.found) {
            if (key.reason !== 'unknown') keyProblem = key.reason;
            return undefined;
          }
          keyMember = key.memberId;
          return key.publicKey;
        },
        claimNonce: async (keyId, nonce, until) => {
          // The claim checks again that the certificate is not revoked (gateway-writes.ts).
          const outcome = await this.writes.claim(
            { keyId, nonce, until, certificateId: keyId },
            now,
          );
          if (outcome === 'revoked') {
            keyProblem = 'revoked';
            this.deps.caches.certificates.invalidate(keyId);
          }
          return outcome === 'claimed';
        },
      },
    );
    if (!check.ok) {
      if (keyProblem === 'revoked') throw new Refusal('BRIDGE_CERTIFICATE_REVOKED', 401);
      if (check.code === 'BRIDGE_SIGNATURE_UNKNOWN_KEY' && keyProblem === 'expired')
        throw new Refusal('BRIDGE_CERTIFICATE_EXPIRED', 401);
      throw new Refusal(check.code, SIGNATURE_STATUS[check.code] ?? 401);
    }
    const header = clientHeader(request.headers);
    const id = header ? parseSubsystemId(header) : undefined;
    const client = id && !isIdentifierProblem(id) ? await subsystemNamed(this.deps, id) : undefined;
    // The key is the member's: it speaks for that member's subsystems only.
    if (!client || client.memberId !== keyMember) throw new Refusal('BRIDGE_CLIENT_UNKNOWN', 403);
    return client;
  }

  /**
   * A call relayed by a federated gateway for one of its members: the partner is federated now
   * (BRIDGE_FEDERATION_UNKNOWN, BRIDGE_FEDERATION_REVOKED, BRIDGE_FEDERATION_CONFIG_EXPIRED 403),
   * the signature is its gateway certificate's, issued by its pinned CA
   * (BRIDGE_SIGNATURE_UNKNOWN_KEY and the other signature codes, 401), and the client subsystem
   * is one this deployment registered for that instance (BRIDGE_CLIENT_UNKNOWN 403). The partner
   * gateway vouches for its own member's signature, as it checked it.
   */
  private async authenticateGateway(request: GatewayRequest, instance: string, now: Date) {
    const federation = await federationOf(this.deps, instance, now);
    if (!federation.ok) throw new Refusal(federation.code, 403);
    const certificate = request.headers[GATEWAY_CERTIFICATE_HEADER];
    const check = await verifySignedRequest(
      {
        method: request.method,
        url: request.absoluteUrl,
        headers: request.headers,
        body: request.body,
      },
      {
        now,
        keyOf: async (keyId) =>
          federatedGatewayKey(
            federation.config,
            typeof certificate === 'string' ? certificate : undefined,
            keyId,
            now,
          ),
        claimNonce: async (keyId, nonce, until) =>
          (await this.writes.claim({ keyId, nonce, until }, now)) === 'claimed',
      },
    );
    if (!check.ok) throw new Refusal(check.code, SIGNATURE_STATUS[check.code] ?? 401);
    const id = parseSubsystemId(clientHeader(request.headers)!);
    const client = isIdentifierProblem(id) ? undefined : await subsystemNamed(this.deps, id);
    if (!client) throw new Refusal('BRIDGE_CLIENT_UNKNOWN', 403);
    return client;
  }

  /**
   * A local member's call to a service of a federated instance: the partner is federated now
   * (BRIDGE_FEDERATION_* 403), the member's signature and client hold as for a local call; then
   * the call goes to the partner's gateway signed by this gateway's certificate, and the partner's
   * answer (its refusals included) comes back as it is. The partner checks the contract, consent
   * and rate and logs the exchange too. Outcomes: the answer; Refusal BRIDGE_PROVIDER_TIMEOUT
   * (504) or BRIDGE_FEDERATION_UNREACHABLE (502).
   */
  private async relay(request: GatewayRequest, instance: string, now: Date) {
    const federation = await federationOf(this.deps, instance, now);
    if (!federation.ok) throw new Refusal(federation.code, 403);
    const client = await this.authenticate(request, now);
    if (client.instance !== this.deps.instance) throw new Refusal('BRIDGE_CLIENT_UNKNOWN', 403);
    if (request.body.length > MAX_RELAYED_BODY) throw new Refusal('BRIDGE_BODY_TOO_LARGE', 413);
    const identity = await gatewayIdentity(this.deps);
    const url = `${new URL(federation.config.gatewayUrl).origin}${request.url}`;
    const headers = forwardedHeaders(request, {
      'information-mediator-client': formatSubsystemId(client),
      [GATEWAY_CERTIFICATE_HEADER]: new X509Certificate(identity.certificatePem).raw.toString(
        'base64',
      ),
    });
    const signed = await signRequest(
      { method: request.method, url, headers, body: request.body },
      {
        keyId: identity.fingerprint,
        privateKey: identity.privateKey,
        nonce: randomBytes(16).toString('base64url'),
        now: this.deps.now(),
      },
    );
    const answer = await this.send(url, request.method, signed, request.body, {
      timeoutMs: FEDERATED_TIMEOUT_MS,
      unreachable: 'BRIDGE_FEDERATION_UNREACHABLE',
    });
    return { client: formatSubsystemId(client), ...answer };
  }

  /**
   * Calls the provider at the passport's base URL with what follows the service code. Outcomes:
   * its answer; Refusal BRIDGE_PROVIDER_TIMEOUT, BRIDGE_PROVIDER_ERROR,
   * BRIDGE_PROVIDER_ANSWER_INVALID.
   */
  private async forward(
    passport: Passport,
    request: GatewayRequest,
    rest: string,
    query: string | undefined,
    call: { exchangeId: string; client: string; authorization: string | undefined },
  ): Promise<HttpAnswer> {
    // The gateway asserts the calling client; the provider trusts it by the gateway's credential.
    const headers = forwardedHeaders(request, {
      'information-mediator-client': call.client,
      'bridge-exchange-id': call.exchangeId,
      ...(call.authorization ? { authorization: call.authorization } : {}),
    });
    const target = `${passport.baseUrl}${rest === '/' ? '' : rest}${query ? `?${query}` : ''}`;
    const answer = await this.send(target, request.method, headers, request.body, {
      timeoutMs: passport.timeoutMs,
      unreachable: 'BRIDGE_PROVIDER_ERROR',
    });
    if (answer.status >= 500) throw new Refusal('BRIDGE_PROVIDER_ERROR', 502);
    if (passport.answerFormat === 'json' && request.method !== 'HEAD' && answer.status !== 204) {
      if (!JSON_TYPE.test(answer.contentType ?? '') || !isJson(answer.body))
        throw new Refusal('BRIDGE_PROVIDER_ANSWER_INVALID', 502);
    }
    return answer;
  }

  /**
   * One HTTP exchange with a provider or a partner gateway. Outcomes: its answer; Refusal
   * BRIDGE_PROVIDER_TIMEOUT (504) when it is not complete in time; Refusal `unreachable` (502)
   * when the connection fails.
   */
  private async send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: Buffer,
    options: { timeoutMs: number; unreachable: string },
  ): Promise<HttpAnswer> {
    try {
      return await this.http.send(url, {
        method,
        headers,
        body: ['GET', 'HEAD'].includes(method) ? undefined : body,
        timeoutMs: options.timeoutMs,
      });
    } catch (error) {
      if (error instanceof HttpTimeout) throw new Refusal('BRIDGE_PROVIDER_TIMEOUT', 504);
      throw new Refusal(options.unreachable, 502);
    }
  }

  /** Closes the connections kept to providers and partner gateways. */
  close(): void {
    this.http.close();
  }

  /**
   * The person the call concerns, by the passport's `personIdField`: a segment of the request
   * path where the passport's OpenAPI path has `{field}`, else a top-level field of a JSON body;
   * a valid identifier of the country's format, of a person known to the platform.
   */
  private async person(
    passport: Passport,
    request: GatewayRequest,
    address: ServiceAddress,
  ): Promise<string | undefined> {
    const field = passport.personIdField;
    if (!field) return undefined;
    let value: unknown;
    for (const endpoint of endpointsOf(passport.openapi)) {
      if (!matchesEndpoint(endpoint, request.method, address.rest)) continue;
      const index = endpoint.path.split('/').indexOf(`{${field}}`);
      if (index > 0) value = decodeURIComponent(address.rest.split('/')[index] ?? '');
      break;
    }
    if (value === undefined && request.body.length > 0) {
      try {
        value = fieldAt(JSON.parse(request.body.toString('utf8')), field);
      } catch {
        value = undefined;
      }
    }
    if (typeof value !== 'string' || !this.deps.country.personId.check(value).valid)
      return undefined;
    return personIdOf(this.deps, value);
  }

  /**
   * Records the exchange and the access record of the person it concerns, committed together
   * (group-committed with concurrent calls: see gateway-writes.ts), or refuses: fails closed.
   */
  private async log(
    exchange: NewExchange,
    access?: { at: Date; input: AccessRecordInput },
  ): Promise<void> {
    try {
      await this.writes.log(exchange, access);
    } catch {
      throw new Refusal('BRIDGE_LOG_UNAVAILABLE', 503);
    }
  }
}

const clientHeader = (headers: GatewayRequest['headers']): string | undefined => {
  const value = headers['information-mediator-client'];
  return typeof value === 'string' ? value : undefined;
};

function splitQuery(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** The caller's headers a provider may see, with the gateway's own. */
function forwardedHeaders(
  request: GatewayRequest,
  own: Record<string, string>,
): Record<string, string> {
  const headers = { ...own };
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** The value at a dotted path (`query.content.iin`) of a parsed JSON body; objects only. */
function fieldAt(body: unknown, path: string): unknown {
  let value = body;
  for (const name of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
  }
  return value;
}
