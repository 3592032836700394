import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Starts listening for changes (`app.platform.changes`) when the app is ready and stops when it
 * closes. Until it listens, caches built on it load every time.
 */
export const changeFeedPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onReady', () => app.platform.changes.start());
    app.addHook('onClose', () => app.platform.changes.stop());
  },
  { name: 'change-feed' },
);
