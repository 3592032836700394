import type { FastifyInstance } from 'fastify';
import { bridgeApiRoutes } from './http/api-routes.js';
import { federationRoutes } from './http/federation-routes.js';
import { gatewayRoutes } from './http/gateway-routes.js';
import { metadataRoutes } from './http/metadata-routes.js';
import { bridgeDeps } from './service/deps.js';
import { Gateway } from './service/gateway.js';
import { SEAL_JOB, SEAL_SCHEDULE, sealMessageLog } from './service/log-sealer.js';

export interface BridgePluginOptions {
  /** This deployment's X-Road instance code; by default its country in capitals (`KZ`). */
  instance?: string;
}

/**
 * The bridge block: the catalogue API (/api/v1/bridge), GovStack Information Mediator's service
 * metadata, the gateway (`/{instance}/…`), and the job that seals the message log every minute.
 * Registered by app.ts after the trust block, whose CA issues the member and gateway certificates,
 * and after the jobs plugin.
 */
export async function bridgePlugin(app: FastifyInstance, options: BridgePluginOptions = {}) {
  const { platform } = app;
  const deps = bridgeDeps(platform, app.trust, options.instance);
  await bridgeApiRoutes(app, deps);
  await metadataRoutes(app, deps);
  const publicOrigin = new URL(platform.config.publicBaseUrl).origin;
  await federationRoutes(app, { deps, publicOrigin });
  const gateway = new Gateway(deps);
  app.addHook('onClose', () => gateway.close());
  await app.register(gatewayRoutes, { deps, gateway, publicOrigin });
  await platform.jobs.work(SEAL_JOB, async () => {
    const sealed = await sealMessageLog(deps);
    if (sealed.exchanges > 0) app.log.info(sealed, 'bridge message log sealed');
  });
  // After the jobs plugin's own onReady hook, which starts the queue.
  app.addHook('onReady', () => platform.jobs.schedule(SEAL_JOB, SEAL_SCHEDULE));
}
