import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  loadOrCreateDeploymentKey,
  type DeploymentKey,
} from '../../platform/crypto/deployment-key.js';
import { trustApiRoutes } from './http/api-routes.js';
import { documentRoutes } from './http/document-routes.js';
import { publicTrustRoutes } from './http/public-routes.js';
import { createTrustDeps, type TrustDeps } from './service/deps.js';
import { checkpointLedgers } from './service/ledger.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The trust block's services' dependencies: pass to issueDocument, verifyByCode, … */
    trust: TrustDeps;
  }
}

export interface TrustPluginOptions {
  /** The deployment key; by default the one under DATA_DIR/keys (as the audit plugin loads it). */
  deploymentKey?: DeploymentKey;
}

/**
 * The trust block: decorates `app.trust` (visible to every app mounted after it), registers the
 * public verification, CRL and CA routes, the PDF download and the CA administration API, and
 * signs a checkpoint of every ledger that grew, every AUDIT_CHECKPOINT_SECONDS and when the app
 * closes (before the database pool closes).
 */
export const trustPlugin = fp(
  async (app: FastifyInstance, options: TrustPluginOptions) => {
    const key =
      options.deploymentKey ?? (await loadOrCreateDeploymentKey(app.platform.config.dataDir));
    const deps = createTrustDeps(app.platform, key, app.log);
    app.decorate('trust', deps);

    await publicTrustRoutes(app, deps);
    await documentRoutes(app, deps);
    await trustApiRoutes(app, deps);

    let running: Promise<unknown> | null = null;
    const checkpoint = () => {
      // One at a time: a slow database must not pile up signers.
      running ??= checkpointLedgers(deps.db, key, app.platform.now())
        .catch((error: unknown) => app.log.error({ err: error }, 'ledger checkpoint failed'))
        .finally(() => {
          running = null;
        });
      return running;
    };
    const timer = setInterval(checkpoint, app.platform.config.auditCheckpointSeconds * 1000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
      await checkpoint();
    });
  },
  { name: 'trust', dependencies: ['audit'] },
);
