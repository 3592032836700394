import type { FastifyRequest } from 'fastify';
import type { RequestFacts } from '../service/deps.js';

/** The facts about a request that audit entries carry. */
export const requestFacts = (request: FastifyRequest): RequestFacts => ({
  ip: request.ip,
  requestId: String(request.id),
});
