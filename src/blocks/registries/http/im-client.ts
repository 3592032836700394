import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import { parseImClient, type ImClient } from '../domain/im-client.js';
import type { RegistryActor } from '../service/deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The calling system named by Information-Mediator-Client, once checked. */
    imClient: ImClient | null;
  }
}

export const IM_CLIENT_HEADER = 'information-mediator-client';

/**
 * The scope of the bridge gateway's own key: the gateway has checked the calling member's
 * signature, certificate and contract, so it may name the calling client in the header (as an
 * X-Road security server does for the provider). No other key may name a client not its own.
 */
export const GATEWAY_SCOPE = 'bridge:gateway';

/**
 * The check every GovStack route runs before its body is even read: the caller names itself in
 * Information-Mediator-Client, and that name is the registered API client whose key
 * (`Authorization: Bearer …`, resolved by the kernel) came with the request. Nothing is read or
 * written before it passes.
 * Outcomes: passes; REGISTRY_IM_CLIENT_MISSING / REGISTRY_IM_CLIENT_INVALID (400);
 * AUTH_SIGN_IN_REQUIRED (401) without a key; REGISTRY_IM_CLIENT_UNKNOWN (403) when the header is
 * not the key's client, unless the key is the bridge gateway's (GATEWAY_SCOPE), which names the
 * client it has checked.
 */
export async function checkImClient(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers[IM_CLIENT_HEADER];
  if (header === undefined || header === '' || Array.isArray(header))
    throw new DomainError('REGISTRY_IM_CLIENT_MISSING', 400);
  const client = parseImClient(header);
  if (!client) throw new DomainError('REGISTRY_IM_CLIENT_INVALID', 400);
  if (!request.apiCaller) throw new DomainError('AUTH_SIGN_IN_REQUIRED', 401);
  const asserted = request.apiCaller.scopes.includes(GATEWAY_SCOPE);
  if (request.apiCaller.name !== client.id && !asserted)
    throw new DomainError('REGISTRY_IM_CLIENT_UNKNOWN', 403);
  request.imClient = client;
}

/** The calling system as the registries see it: its scopes, and its name on access records. */
export function imActor(request: FastifyRequest): RegistryActor {
  const client = request.imClient!;
  return {
    accountId: null,
    name: client.id,
    organisation: `${client.memberClass}/${client.memberCode}`,
    roles: [],
    scopes: request.apiCaller?.scopes ?? [],
  };
}

/** The caller must hold the scope (the registry's own permissions are checked by the service). */
export const needScope = (request: FastifyRequest, scope: string): void => {
  if (!request.apiCaller?.scopes.includes(scope))
    throw new DomainError('AUTH_SCOPE_MISSING', 403, { scope });
};
