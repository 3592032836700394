import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

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

/** Security headers (helmet) on every answer, errors and static assets included. */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // The platform makes no cross-origin requests and is embedded nowhere.
      crossOriginEmbedderPolicy: true,
      referrerPolicy: { policy: 'same-origin' },
    });
  },
  { name: 'security-headers' },
);
