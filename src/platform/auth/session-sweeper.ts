import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { deleteExpiredSessions } from './session-store.js';

export const SESSION_SWEEP_JOB = 'platform.sessions.sweep';

/**
 * Every quarter of an hour, one node (pg-boss schedules once across all of them) deletes the
 * sessions that expired without their token coming back.
 */
export const sessionSweeperPlugin = fp(
  async (app: FastifyInstance) => {
    const { platform } = app;
    await platform.jobs.work(SESSION_SWEEP_JOB, async () => {
      const deleted = await deleteExpiredSessions(platform.db, platform.now(), {
        idleMinutes: platform.config.sessionIdleMinutes,
        maxHours: platform.config.sessionMaxHours,
      });
      if (deleted > 0) app.log.info({ deleted }, 'expired sessions deleted');
    });
    // After jobsPlugin's onReady has started the queue.
    app.addHook('onReady', () => platform.jobs.schedule(SESSION_SWEEP_JOB, '*/15 * * * *'));
  },
  { name: 'session-sweeper', dependencies: ['jobs'] },
);
