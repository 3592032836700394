import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import { sendError } from '../../../platform/http/error-handler.js';
import type { BridgeDeps } from '../service/deps.js';
import type { Gateway } from '../service/gateway.js';
import { partnerOf } from '../service/gateway-reads.js';
import { MAX_GATEWAY_BODY } from '../service/passports.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ADDRESS = '/:instance/:memberClass/:memberCode/:subsystem/:service';

/**
 * The gateway's routes: `/{instance}/{memberClass}/{memberCode}/{subsystem}/{service}/…` for
 * every method. Registered in a context of their own, where every body is read as raw bytes
 * (the signature's digest covers them exactly) up to the gateway's cap; the passport's own,
 * smaller limit is one of the gateway's checks. A path whose first part is neither this
 * deployment's instance nor a federated one's is not the gateway's: the platform's plain 404.
 */
export async function gatewayRoutes(
  app: FastifyInstance,
  options: { deps: BridgeDeps; gateway: Gateway; publicOrigin: string },
) {
  const { deps, gateway, publicOrigin } = options;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const { instance } = request.params as { instance: string };
    // Another instance is the gateway's only when its operators ever federated with it.
    if (instance !== deps.instance && !(await partnerOf(deps, instance)))
      throw new DomainError('HTTP_NOT_FOUND', 404);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const result = await gateway.handle({
      method: request.method,
      url: request.url,
      absoluteUrl: `${publicOrigin}${request.url}`,
      headers: request.headers,
      body,
    });
    reply.header('bridge-exchange-id', result.exchangeId);
    if (result.refused) {
      // Logged without the path: it may carry a person's identifier.
      request.log.info(
        { code: result.code, exchangeId: result.exchangeId },
        'bridge exchange refused',
      );
      if (result.retryAfterSeconds) reply.header('retry-after', String(result.retryAfterSeconds));
      return sendError(request, reply, new DomainError(result.code, result.status));
    }
    reply.status(result.status);
    if (result.contentType) reply.type(result.contentType);
    return reply.send(result.body);
  };

  for (const url of [ADDRESS, `${ADDRESS}/*`]) {
    app.route({
      method: [...METHODS],
      url,
      exposeHeadRoute: false,
      bodyLimit: MAX_GATEWAY_BODY,
      schema: { hide: true },
      handler,
    });
  }
}
