import type { FastifyInstance } from 'fastify';
import type { SessionPluginOptions } from '../../platform/auth/session-plugin.js';
import type { Database } from '../../platform/db/database.js';
import type { AgencyNames } from '../../platform/pages/pages-plugin.js';
import { identityApiRoutes } from './http/api-routes.js';
import { agencyNamesByCode } from './repo/agencies-repo.js';
import { signInRoutes } from './http/sign-in-routes.js';
import { apiKeyCacheFor } from './service/api-clients.js';
import { loadPrincipal } from './service/principal.js';

export { identityMessages } from './messages.js';
export { identityMigrations } from './migrations/index.js';

/**
 * The identity block's routes: sign-in pages and the JSON API. Registered by app.ts after the
 * kernel's plugins (it needs sessions, CSRF, views and the error handler).
 */
export async function identityPlugin(app: FastifyInstance) {
  await signInRoutes(app);
  await identityApiRoutes(app);
}

/** What the kernel's session plugin needs to know who is calling; app.ts passes it in. */
export const identityCallers = (db: Database): SessionPluginOptions => ({
  loadPrincipal: (accountId) => loadPrincipal(db, accountId),
  resolveApiKey: (keyHash) => apiKeyCacheFor(db).get(keyHash),
});

/** Agency names for the kernel's catalogue page; app.ts passes it in. */
export const identityAgencyNames =
  (db: Database): AgencyNames =>
  (codes) =>
    agencyNamesByCode(db, codes);
