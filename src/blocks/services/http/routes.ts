import type { FastifyInstance } from 'fastify';
import { servicesApiRoutes } from './api-routes.js';
import { govstackRegistrationRoutes } from './govstack-routes.js';
import { acceptMultipart } from './multipart.js';
import { servicesPageRoutes } from './page-routes.js';

/**
 * Pages and JSON API of the services block, in their own scope: the multipart parser (forms
 * with files) and the raw-file parser (API uploads) apply to these routes only.
 */
export async function servicesRoutes(app: FastifyInstance) {
  const limit = app.platform.config.uploadLimitBytes;
  acceptMultipart(app, limit);
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: limit },
    (_request, body, done) => done(null, body),
  );
  await servicesPageRoutes(app);
  await servicesApiRoutes(app);
  await govstackRegistrationRoutes(app);
}
