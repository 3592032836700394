import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../i18n/locales.js';
import { PATHS } from '../views/paths.js';
import { CataloguePage } from './catalogue-page.js';
import { HomePage } from './home-page.js';

/** Names of agencies by code, in every UI language: the identity block knows them. */
export type AgencyNames = (codes: string[]) => Promise<Map<string, Record<Locale, string>>>;

export interface PagesPluginOptions {
  /** Without it the catalogue shows each app's owning agency by its code. */
  agencyNames?: AgencyNames;
}

/** The kernel's public pages: home and the catalogue of enabled apps. */
export const pagesPlugin = fp(
  async (app: FastifyInstance, options: PagesPluginOptions) => {
    const { apps } = app.platform;
    app.get(PATHS.home, { schema: { hide: true } }, async (_request, reply) =>
      reply.page(<HomePage appCount={apps.length} />),
    );
    app.get(PATHS.apps, { schema: { hide: true } }, async (_request, reply) => {
      const agencies =
        (await options.agencyNames?.([...new Set(apps.map((a) => a.owningAgency))])) ?? new Map();
      return reply.page(<CataloguePage apps={apps} agencies={agencies} />);
    });
  },
  { name: 'pages', dependencies: ['views'] },
);
