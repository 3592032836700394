import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { installedApps } from './apps/installed.js';
import {
  identityAgencyNames,
  identityCallers,
  identityMessages,
  identityPlugin,
} from './blocks/identity/index.js';
import { registriesMessages, registriesPlugin } from './blocks/registries/index.js';
import {
  connectServicePorts,
  servicesMessages,
  servicesPlugin,
  trustDecisionSigner,
} from './blocks/services/index.js';
import { trustMessages, trustPlugin } from './blocks/trust/index.js';
import { messagingMessages, messagingPlugin } from './blocks/messaging/index.js';
import { bridgeMessages, bridgePlugin } from './blocks/bridge/index.js';
import { getCountryProfile } from './countries/index.js';
import { enabledApps } from './platform/apps/enabled-apps.js';
import type { AppManifest } from './platform/apps/manifest.js';
import { mountApps } from './platform/apps/mount-apps.js';
import { validateManifests } from './platform/apps/validate-manifests.js';
import { myDataUsageRoutes } from './platform/audit/access/my-data-usage-routes.js';
import { auditPlugin } from './platform/audit/audit-plugin.js';
import { auditMessages } from './platform/audit/messages.js';
import { GroupCommitAuditLog } from './platform/audit/group-commit-log.js';
import type { Config } from './platform/config/config.js';
import type { DeploymentKey } from './platform/crypto/deployment-key.js';
import { ChangeFeed } from './platform/db/change-feed.js';
import { poolOf, type Database } from './platform/db/database.js';
import { changeFeedPlugin } from './platform/db/change-feed-plugin.js';
import { authMessages } from './platform/auth/messages.js';
import { sessionPlugin } from './platform/auth/session-plugin.js';
import { sessionSweeperPlugin } from './platform/auth/session-sweeper.js';
import { csrfPlugin } from './platform/http/csrf.js';
import { errorHandler } from './platform/http/error-handler.js';
import { healthMessages } from './platform/http/health-messages.js';
import { healthPlugin } from './platform/http/health.js';
import { metricsPlugin } from './platform/http/metrics.js';
import { openApiPlugin } from './platform/http/openapi.js';
import { overloadPlugin } from './platform/http/overload.js';
import { requestIdPlugin } from './platform/http/request-id.js';
import { securityHeadersPlugin } from './platform/http/security-headers.js';
import { Catalogue } from './platform/i18n/catalogue.js';
import { createDeploymentCalendar } from './platform/calendar/deployment-calendar.js';
import { LocalFileStore } from './platform/files/local-file-store.js';
import { filesMessages } from './platform/files/messages.js';
import { i18nPlugin } from './platform/i18n/i18n-plugin.js';
import { Jobs } from './platform/jobs/jobs.js';
import { jobsPlugin } from './platform/jobs/jobs-plugin.js';
import { platformMessages } from './platform/messages.js';
import { pagesPlugin } from './platform/pages/pages-plugin.js';
import type { Platform } from './platform/platform.js';
import { assetsPlugin } from './platform/views/assets-plugin.js';
import { viewsPlugin } from './platform/views/views-plugin.js';

export interface BuildOptions {
  config: Config;
  db: Database;
  /** Apps to consider; defaults to the installed ones (tests pass fixture apps). */
  apps?: AppManifest[];
  now?: () => Date;
  /** The key that signs audit checkpoints; by default the deployment key under DATA_DIR/keys. */
  deploymentKey?: DeploymentKey;
  /** A pino logger option; defaults to the configured level. */
  logger?: boolean | object;
}

/** Builds the whole platform as one Fastify instance; server.ts listens, tests inject. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const apps = enabledApps(validateManifests(options.apps ?? installedApps), config.enabledApps);
  const catalogue = new Catalogue()
    .add('platform', platformMessages)
    .add('operations', healthMessages)
    .add('platform-auth', authMessages)
    .add('platform-audit', auditMessages)
    .add('platform-files', filesMessages)
    .add('identity', identityMessages)
    .add('registries', registriesMessages)
    .add('services', servicesMessages)
    .add('trust', trustMessages)
    .add('messaging', messagingMessages)
    .add('bridge', bridgeMessages);
  for (const manifest of apps) catalogue.add(manifest.id, manifest.messages);

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const auditLog = new GroupCommitAuditLog(options.db, { now: () => platform.now() });
  const platform: Platform = {
    config,
    db: options.db,
    catalogue,
    country: getCountryProfile(config.country),
    apps,
    now: options.now ?? (() => new Date()),
    audit: auditLog,
    jobs: new Jobs(options.db, { log: app.log }),
    calendar: createDeploymentCalendar(
      getCountryProfile(config.country),
      config.calendarTransfersFile,
    ),
    files: new LocalFileStore(path.join(config.dataDir, 'files')),
    changes: new ChangeFeed(poolOf(options.db)?.options, {
      onError: (error) => app.log.warn({ err: error }, 'change feed connection lost'),
    }),
  };
  app.decorate('platform', platform);

  // First, so that every later route is described and every answer carries its headers.
  await app.register(requestIdPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(openApiPlugin, { apps });
  await app.register(metricsPlugin);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(i18nPlugin, { catalogue, cookieSecure: config.cookieSecure });
  // Before the session lookup, so a refused request costs no database work.
  await app.register(overloadPlugin, {
    maxInFlight: config.overloadMaxInFlight,
    maxDbWaiting: config.overloadMaxDbWaiting,
    maxEventLoopDelayMs: config.overloadLoopDelayMs,
    retryAfterSeconds: config.overloadRetrySeconds,
  });
  // The identity block tells the kernel who an account or API key is; the kernel imports no block.
  await app.register(sessionPlugin, identityCallers(options.db));
  await app.register(csrfPlugin, { cookieSecure: config.cookieSecure });
  await app.register(viewsPlugin);
  await app.register(errorHandler);
  await app.register(auditPlugin, {
    log: auditLog,
    ...(options.deploymentKey ? { key: options.deploymentKey } : {}),
  });
  await app.register(jobsPlugin);
  await app.register(changeFeedPlugin);
  await app.register(sessionSweeperPlugin);
  await app.register(healthPlugin);
  await app.register(assetsPlugin);

  await app.register(pagesPlugin, { agencyNames: identityAgencyNames(options.db) });
  await app.register(myDataUsageRoutes);
  await app.register(identityPlugin);
  await app.register(registriesPlugin);
  await app.register(servicesPlugin);
  await app.register(
    trustPlugin,
    options.deploymentKey ? { deploymentKey: options.deploymentKey } : {},
  );
  await app.register(messagingPlugin);
  await app.register(bridgePlugin);
  // Every officer's decision is signed by the officer's certificate from the deployment CA.
  connectServicePorts(app, { decisions: trustDecisionSigner(() => app.trust) });

  await mountApps(app, apps);
  return app;
}
