import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import { hasRole } from './principal.js';

/**
 * Route guards, used as `preHandler: requireRole('admin')`. They answer with stable codes:
 * 401 AUTH_SIGN_IN_REQUIRED / AUTH_SESSION_EXPIRED when nobody is signed in, 403 AUTH_FORBIDDEN
 * or AUTH_SCOPE_MISSING when the caller may not do this. A browser asking for a page is sent to
 * the sign-in page instead of a 401, with a note when its session had expired.
 */
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const isApi = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || !(request.headers.accept ?? '').includes('text/html');

/** Where a page that needs a signed-in person sends a browser that has none. */
export function signInLocation(request: FastifyRequest): string {
  const query = new URLSearchParams({ return: request.url });
  if (request.sessionExpired) query.set('expired', '1');
  return `/sign-in?${query.toString()}`;
}

async function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isApi(request) && request.method === 'GET') {
    await reply.redirect(signInLocation(request), 303);
    return;
  }
  throw new DomainError(
    request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_SIGN_IN_REQUIRED',
    401,
  );
}

/** A signed-in person (any role). API keys do not pass: they stand for no person. */
export const requireSignedIn = (): Guard => async (request, reply) => {
  if (!request.principal) return refuseAnonymous(request, reply);
};

/** A signed-in person holding the role. */
export const requireRole =
  (role: string): Guard =>
  async (request, reply) => {
    if (!request.principal && !request.apiCaller) return refuseAnonymous(request, reply);
    if (!hasRole(request.principal, role)) throw new DomainError('AUTH_FORBIDDEN', 403);
  };

/**
 * An API client whose key carries the scope, or a signed-in person: scopes narrow what a key may
 * do, while a person is limited by roles, which the route checks on its own where it matters.
 */
export const requireScope =
  (scope: string): Guard =>
  async (request, reply) => {
    if (request.principal) return;
    if (!request.apiCaller) return refuseAnonymous(request, reply);
    if (!request.apiCaller.scopes.includes(scope)) {
      throw new DomainError('AUTH_SCOPE_MISSING', 403, { scope });
    }
  };
