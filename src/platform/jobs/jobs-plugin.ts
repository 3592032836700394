import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Starts `app.platform.jobs` when the app is ready (after every app has registered its workers)
 * and stops it when the app closes, letting active jobs finish for a bounded time.
 */
export const jobsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onReady', () => app.platform.jobs.start());
    app.addHook('onClose', () => app.platform.jobs.stop());
  },
  { name: 'jobs' },
);
