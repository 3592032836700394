import type { FastifyRequest } from 'fastify';
import type { Actor, RequestFacts } from '../service/deps.js';

/** The signed-in person as the engine sees them (routes are guarded by requireSignedIn). */
export const actorOf = (request: FastifyRequest): Actor => {
  const principal = request.principal!;
  return {
    accountId: principal.accountId,
    personId: principal.personId,
    roles: principal.roles,
    agencyId: principal.agencyId,
  };
};

export const requestFacts = (request: FastifyRequest): RequestFacts => ({
  ip: request.ip,
  requestId: String(request.id),
});
