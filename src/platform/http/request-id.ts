import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Every answer names its request id, the same one pino writes in each log line of that request
 * (`reqId`), so a person reporting a problem can quote it and an operator can find the logs.
 * The id is set in onRequest, before anything can fail, so error answers carry it too.
 */
export const requestIdPlugin = fp(
  async (app: FastifyInstance) => {
    // Callback style: an async hook costs a promise per request for nothing here.
    app.addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  },
  { name: 'request-id' },
);
