import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const require = createRequire(import.meta.url);

/** Pico CSS, the style sheet library every page builds on, as installed from npm. */
const picoDirectory = path.dirname(require.resolve('@picocss/pico/css/pico.min.css'));
const ownDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/**
 * Style sheets served by the deployment itself, never from a CDN: pages must load on a closed
 * government network, and no visitor's address may reach a third party. Hidden from OpenAPI.
 */
export const assetsPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyStatic, {
      root: [picoDirectory, ownDirectory],
      prefix: '/assets/',
      maxAge: '1d',
      // Only files we ship; a directory listing or dotfile is never served.
      dotfiles: 'deny',
      index: false,
    });
  },
  { name: 'assets' },
);
