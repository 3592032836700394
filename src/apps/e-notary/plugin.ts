import type { FastifyInstance } from 'fastify';
import { eNotaryApiRoutes } from './http/api-routes.js';
import { eNotaryPageRoutes } from './http/page-routes.js';
import { createENotaryDeps } from './service/deps.js';
import { registerENotaryTemplates } from './service/templates.js';

/**
 * The e-Notary app's routes, mounted under /e-notary by the platform: the pages for notaries and
 * citizens and the JSON API. Uses the trust block's `app.trust` (decorated before apps mount)
 * and registers the app's message templates with the messaging block.
 */
export async function eNotaryPlugin(app: FastifyInstance) {
  registerENotaryTemplates();
  const deps = createENotaryDeps(app.platform, app.trust);
  await eNotaryApiRoutes(app, deps);
  await eNotaryPageRoutes(app, deps);
}
