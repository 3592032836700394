import type { FastifyInstance } from 'fastify';
import { bridgeApiRoutes } from './http/api-routes.js';
import { gatewayRoutes } from './http/gateway-routes.js';
import { metadataRoutes } from './http/metadata-routes.js';
import type { BridgeDeps } from './service/deps.js';
import { Gateway } from './service/gateway.js';

export interface BridgePluginOptions {
  /** This deployment's X-Road instance code; by default its country in capitals (`KZ`). */
  instance?: string;
}

/**
 * The bridge block: the catalogue API (/api/v1/bridge), GovStack Information Mediator's service
 * metadata, and the gateway (`/{instance}/…`). Registered by app.ts after the trust block, whose
 * CA issues the member certificates.
 */
export async function bridgePlugin(app: FastifyInstance, options: BridgePluginOptions = {}) {
  const { platform } = app;
  const deps: BridgeDeps = {
    db: platform.db,
    now: platform.now,
    instance: options.instance ?? platform.country.id.toUpperCase(),
    country: platform.country,
    trust: app.trust,
  };
  await bridgeApiRoutes(app, deps);
  await metadataRoutes(app, deps);
  await app.register(gatewayRoutes, {
    deps,
    gateway: new Gateway(deps),
    publicOrigin: new URL(platform.config.publicBaseUrl).origin,
  });
}
