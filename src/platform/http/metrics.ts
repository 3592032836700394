import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { poolOf } from '../db/database.js';

/** Route label of requests that matched no route: the raw URL never becomes a label. */
const UNMATCHED = '(unmatched)';
/** Stands for the config of a request that has none (it failed before routing). */
const NO_CONFIG = {};

/**
 * Prometheus metrics at /metrics: the process (CPU, memory, event loop, GC), HTTP request
 * durations and the database pool. Labels carry route patterns (`/people/:id`), never the URL
 * itself, so no personal data reaches the monitoring system and the label set stays bounded.
 * Each app has its own registry (tests build many apps in one process).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request received to response sent, by route pattern.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    // One frozen label set per route, method and status, made at its first answer: an answer
    // then costs two map look-ups instead of building the labels and the status string. The
    // route's config object is the same for every request of the route (and for every unmatched
    // one), and the sets stay bounded by the routes, their methods and the statuses they send.
    type Labels = Readonly<{ method: string; route: string; status_code: string }>;
    const labelSets = new WeakMap<object, Map<string, Map<number, Labels>>>();
    const labelsOf = (request: FastifyRequest, statusCode: number): Labels => {
      const { config = NO_CONFIG, url } = request.routeOptions;
      let byMethod = labelSets.get(config);
      if (!byMethod) labelSets.set(config, (byMethod = new Map()));
      let byStatus = byMethod.get(request.method);
      if (!byStatus) byMethod.set(request.method, (byStatus = new Map()));
      let labels = byStatus.get(statusCode);
      if (!labels) {
        labels = Object.freeze({
          method: request.method,
          route: url ?? UNMATCHED,
          status_code: String(statusCode),
        });
        byStatus.set(statusCode, labels);
      }
      return labels;
    };
    // Callback style: an async hook costs a promise per request for nothing here.
    app.addHook('onResponse', (request, reply, done) => {
      duration.observe(labelsOf(request, reply.statusCode), reply.elapsedTime / 1000);
      done();
    });

    const pool = poolOf(app.platform.db);
    new Gauge({
      name: 'ortaq_db_pool_connections',
      help: 'Connections of the database pool, by state (total open, idle).',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool?.totalCount ?? 0);
        this.set({ state: 'idle' }, pool?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: 'ortaq_db_pool_waiting_requests',
      help: 'Queries waiting for a free connection of the database pool.',
      registers: [registry],
      collect() {
        this.set(pool?.waitingCount ?? 0);
      },
    });

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Metrics in the Prometheus text exposition format',
          produces: ['text/plain'],
          response: { 200: Type.String({ description: 'Prometheus text format 0.0.4' }) },
        },
      },
      async (_request, reply) => {
        reply.type(registry.contentType);
        return registry.metrics();
      },
    );
  },
  { name: 'metrics' },
);
