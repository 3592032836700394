import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadOrCreateDeploymentKey, type DeploymentKey } from '../crypto/deployment-key.js';
import { writeCheckpoint } from './checkpoint.js';
import type { GroupCommitAuditLog } from './group-commit-log.js';

export interface AuditPluginOptions {
  log: GroupCommitAuditLog;
  /** The key that signs checkpoints; by default the deployment key under DATA_DIR/keys. */
  key?: DeploymentKey;
}

/**
 * Runs the audit log's life cycle with the app: loads (on first start, creates) the deployment
 * key, signs a checkpoint every AUDIT_CHECKPOINT_SECONDS when new entries arrived, and when the
 * app closes writes the entries still queued and signs a last checkpoint, before the database
 * pool closes.
 */
export const auditPlugin = fp(
  async (app: FastifyInstance, options: AuditPluginOptions) => {
    const { config, db } = app.platform;
    const key = options.key ?? (await loadOrCreateDeploymentKey(config.dataDir));
    let running: Promise<unknown> | null = null;
    const checkpoint = () => {
      // One at a time: a slow database must not pile up signers.
      running ??= writeCheckpoint(db, key, app.platform.now())
        .catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint failed'))
        .finally(() => {
          running = null;
        });
      return running;
    };
    const timer = setInterval(checkpoint, config.auditCheckpointSeconds * 1000);
    timer.unref();

    app.addHook('onClose', async () => {
      clearInterval(timer);
      await options.log.flush();
      await running;
      await checkpoint();
    });
  },
  { name: 'audit' },
);
