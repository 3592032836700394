import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fireDeadline, sweepDueDeadlines } from './service/clocks.js';
import { DEADLINE_JOB, DEADLINE_SWEEP_JOB, servicesDeps } from './service/deps.js';
import { ServicesEngine } from './service/engine.js';
import type { ServicesPorts } from './service/ports.js';
import { servicesRoutes } from './http/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The declarative services engine: definitions, ports, applications. */
    servicesEngine: ServicesEngine;
  }
}

export interface ServicesPluginOptions {
  ports?: ServicesPorts;
  /** Definitions to register at start (apps may register more later with registerService). */
  definitions?: unknown[];
}

/**
 * The services block: the engine on `app.servicesEngine`, the deadline sweep (every minute, it
 * fires every deadline that is due; the worker of the older job per deadline stays for jobs
 * queued before), and the pages and API. Registered by app.ts after the kernel's plugins.
 */
export const servicesPlugin = fp(
  async (app: FastifyInstance, options: ServicesPluginOptions) => {
    const engine = new ServicesEngine(servicesDeps(app.platform), options.ports ?? {});
    for (const definition of options.definitions ?? []) engine.register(definition);
    app.decorate('servicesEngine', engine);
    await app.platform.jobs.work<{ deadlineId: string }>(DEADLINE_JOB, async (job) => {
      await fireDeadline(engine, job.data.deadlineId);
    });
    await app.platform.jobs.work(DEADLINE_SWEEP_JOB, async () => {
      await sweepDueDeadlines(engine);
    });
    // After the jobs plugin's own onReady hook, which starts the queue.
    app.addHook('onReady', () => app.platform.jobs.schedule(DEADLINE_SWEEP_JOB, '* * * * *'));
    await app.register(servicesRoutes);
  },
  { name: 'services', dependencies: ['jobs'] },
);
