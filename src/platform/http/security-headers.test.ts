import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeadersPlugin } from './security-headers.js';

/** Two apps with the same routes: one with helmet's own plugin per request, one with ours. */
async function withRoutes(app: FastifyInstance): Promise<FastifyInstance> {
  app.get('/json', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  app.get('/own-policy', async (_request, reply) =>
    reply.header('content-security-policy', "default-src 'none'").send('x'),
  );
  await app.ready();
  return app;
}

describe('security headers', () => {
  let ours: FastifyInstance;
  let helmets: FastifyInstance;
  beforeAll(async () => {
    ours = Fastify({ logger: false });
    await ours.register(securityHeadersPlugin);
    helmets = Fastify({ logger: false });
    await helmets.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      crossOriginEmbedderPolicy: true,
      referrerPolicy: { policy: 'same-origin' },
    });
    await withRoutes(ours);
    await withRoutes(helmets);
  });
  afterAll(async () => {
    await ours?.close();
    await helmets?.close();
  });

  it('are exactly helmet’s, on answers, errors and unknown routes', async () => {
    for (const url of ['/json', '/fails', '/no-such-route', '/json?x=1']) {
      const mine = await ours.inject({ url });
      const theirs = await helmets.inject({ url });
      expect(mine.statusCode, url).toBe(theirs.statusCode);
      const { date: _mine, ...mineHeaders } = mine.headers;
      const { date: _theirs, ...theirHeaders } = theirs.headers;
      expect(mineHeaders, url).toEqual(theirHeaders);
    }
    const json = await ours.inject({ url: '/json' });
    expect(json.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(json.headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  it('let a route set its own policy over the default', async () => {
    const response = await ours.inject({ url: '/own-policy' });
    expect(response.headers['content-security-policy']).toBe("default-src 'none'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
