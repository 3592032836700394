import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The Content Security Policy of every answer. Pages are server-rendered and work without
 * JavaScript, so no inline script or style is ever needed: an injected `<script>` or `style=`
 * does nothing. Everything, fonts and styles included, comes from the deployment itself; forms
 * post only back to it, and no other site may frame it (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Pico draws its icons (select arrows, checkmarks) as data: SVG images.
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

const HELMET_OPTIONS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  // The platform makes no cross-origin requests and is embedded nowhere.
  crossOriginEmbedderPolicy: true,
  referrerPolicy: { policy: 'same-origin' },
};

let computed: Promise<Readonly<Record<string, string>>> | undefined;

/**
 * The headers helmet sets with our options, asked of helmet itself once per process: a probe
 * Fastify instance with @fastify/helmet answers one request with the headers helmet put on it.
 * Nothing in them depends on the request (no nonce, no per-route policy), so they are the same
 * for every answer.
 */
export function securityHeaders(): Promise<Readonly<Record<string, string>>> {
  computed ??= (async () => {
    const probe = Fastify({ logger: false });
    try {
      await probe.register(helmet, HELMET_OPTIONS);
      // Before the handler runs only helmet has touched the response.
      probe.get('/', async (_request, reply) => ({ ...reply.raw.getHeaders() }));
      const headers = (await probe.inject({ url: '/' })).json<Record<string, unknown>>();
      return Object.freeze(
        Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      );
    } finally {
      await probe.close();
    }
  })();
  return computed;
}

/**
 * Security headers (helmet's, see securityHeaders) on every answer, errors and static assets
 * included. Helmet's own Fastify plugin rebuilds its middleware chain and re-serialises the CSP
 * for every request (an eighth of a JSON API call's CPU); the set is static, so it is computed
 * once and put on each answer with one call.
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    const headers = await securityHeaders();
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
