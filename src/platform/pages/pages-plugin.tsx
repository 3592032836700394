import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PATHS } from '../views/paths.js';
import { CataloguePage } from './catalogue-page.js';
import { HomePage } from './home-page.js';

/** The kernel's public pages: home and the catalogue of enabled apps. */
export const pagesPlugin = fp(
  async (app: FastifyInstance) => {
    const { apps } = app.platform;
    app.get(PATHS.home, { schema: { hide: true } }, async (_request, reply) =>
      reply.page(<HomePage appCount={apps.length} />),
    );
    app.get(PATHS.apps, { schema: { hide: true } }, async (_request, reply) =>
      reply.page(<CataloguePage apps={apps} />),
    );
  },
  { name: 'pages', dependencies: ['views'] },
);
