import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { poolOf } from '../db/database.js';
import { DomainError } from '../errors.js';
import { sendError } from './error-handler.js';

export interface OverloadOptions {
  /** Requests being answered at once beyond which a new one is refused; 0: no bound. */
  maxInFlight: number;
  /** Queries waiting for a pooled connection beyond which a new request is refused; 0: no bound. */
  maxDbWaiting: number;
  /** Mean event-loop delay (ms) over the last sample beyond which requests are refused; 0: off. */
  maxEventLoopDelayMs: number;
  /** The Retry-After of a refusal, in seconds. */
  retryAfterSeconds: number;
}

/** How often the event-loop delay is sampled (and its histogram reset). */
const SAMPLE_MS = 500;

/** Probes must answer whatever the load: a supervisor that sees 503 on liveness restarts us. */
const isExempt = (request: FastifyRequest) => {
  const path = request.url;
  return path.startsWith('/health/') || path === '/metrics' || path.startsWith('/metrics?');
};

/**
 * Load shedding: when the process has as many requests in flight as it is allowed, or its
 * connection pool has too many queries queued, or its event loop lags, a new request is refused
 * at once with 503 OVERLOADED (problem+json, or the error page for a browser) and Retry-After,
 * before any session lookup or body parsing spends work on it. Refusing early keeps the
 * requests already taken fast, and a client told to come back later is better served than one
 * that times out (or worse, gets a 500 from a pool timeout). Health and metrics stay exempt.
 *
 * Written by hand rather than with @fastify/under-pressure: that plugin watches process gauges
 * (event-loop delay, heap, RSS) sampled once a second, while what saturates first here is the
 * database, which only a bound on requests in flight and on the pool's queue sees in time.
 */
export const overloadPlugin = fp(
  async (app: FastifyInstance, options: OverloadOptions) => {
    let inFlight = 0;
    let lagging = false;
    let histogram: IntervalHistogram | undefined;
    let sampler: NodeJS.Timeout | undefined;
    // Off by default: a single long synchronous task (a large PDF, a start-up on a busy machine)
    // would shed every request of its sample, which the bounds above never do. Sampling starts
    // once the app is ready, so building the app is not counted as lag.
    if (options.maxEventLoopDelayMs > 0) {
      app.addHook('onReady', async () => {
        histogram = monitorEventLoopDelay({ resolution: 10 });
        histogram.enable();
        sampler = setInterval(() => {
          // The histogram counts the timer resolution itself as delay.
          lagging = histogram!.mean / 1e6 - 10 > options.maxEventLoopDelayMs;
          histogram!.reset();
        }, SAMPLE_MS).unref();
      });
    }
    app.addHook('onClose', async () => {
      clearInterval(sampler);
      histogram?.disable();
    });

    const pool = poolOf(app.platform.db);
    const overloaded = (): string | undefined => {
      if (options.maxInFlight > 0 && inFlight >= options.maxInFlight) return 'in-flight';
      if (options.maxDbWaiting > 0 && pool && pool.waitingCount >= options.maxDbWaiting)
        return 'database-queue';
      if (lagging) return 'event-loop-delay';
      return undefined;
    };

    app.addHook('onRequest', async (request, reply) => {
      if (isExempt(request)) return;
      const reason = overloaded();
      if (reason) {
        request.log.warn({ reason, inFlight }, 'request refused: overloaded');
        reply.header('retry-after', String(options.retryAfterSeconds));
        await sendError(request, reply, new DomainError('HTTP_OVERLOADED', 503));
        return reply;
      }
      inFlight += 1;
      // 'close' comes once whether the answer was sent in full or the client went away.
      reply.raw.once('close', () => {
        inFlight -= 1;
      });
    });
  },
  // Registered right after i18n (so the refusal is translated) and before the session lookup.
  { name: 'overload', dependencies: ['i18n'] },
);
