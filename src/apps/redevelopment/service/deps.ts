import crypto from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { registriesDeps, type RegistriesDeps } from '../../../blocks/registries/index.js';
import type { ServicesEngine } from '../../../blocks/services/index.js';
import type { TrustDeps } from '../../../blocks/trust/index.js';
import { localDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import type { Platform } from '../../../platform/platform.js';
import '../repo/tables.js';

/** What the app's services use: the kernel, the engine, the registries and the trust block. */
export interface RedevDeps {
  platform: Platform;
  db: Database;
  engine: ServicesEngine;
  registries: RegistriesDeps;
  trust: TrustDeps;
  /** The deployment's secret for the random audit picks (domain/audit-sampling.ts). */
  auditSecret: Uint8Array;
  log: FastifyBaseLogger;
}

/**
 * The audit secret is derived from the deployment key (an Ed25519 signature is deterministic):
 * stable across restarts and nodes, unknown to anyone without the key, nothing new to keep.
 */
export function createRedevDeps(app: FastifyInstance): RedevDeps {
  const signature = crypto.sign(
    null,
    Buffer.from('ortaq.redevelopment.audit-secret.v1'),
    app.trust.deploymentKey.privateKey,
  );
  return {
    platform: app.platform,
    db: app.platform.db,
    engine: app.servicesEngine,
    registries: registriesDeps(app.platform),
    trust: app.trust,
    auditSecret: crypto.createHash('sha256').update(signature).digest(),
    log: app.log,
  };
}

export const todayOf = (deps: RedevDeps, now: Date = deps.platform.now()): LocalDate =>
  localDate(now, deps.platform.country.timeZone);
