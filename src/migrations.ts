import { installedApps } from './apps/installed.js';
import type { AppManifest } from './platform/apps/manifest.js';
import { identityMigrations } from './blocks/identity/migrations/index.js';
import { servicesMigrations } from './blocks/services/migrations/index.js';
import { trustMigrations } from './blocks/trust/migrations/index.js';
import { registriesMigrations } from './blocks/registries/migrations/index.js';
import { messagingMigrations } from './blocks/messaging/migrations/index.js';
import { bridgeMigrations } from './blocks/bridge/migrations/index.js';
import { platformAuditMigrations } from './platform/audit/migrations.js';
import { platformAuthMigrations } from './platform/auth/migrations.js';
import { platformFilesMigrations } from './platform/files/migrations.js';
import type { MigrationSet } from './platform/db/migration.js';

/**
 * Every module's migrations in dependency order: kernel modules, then blocks, then apps. Each
 * module numbers its own migrations from 1. Apps a deployment does not enable still migrate, so
 * enabling one later needs no special step.
 */
export function allMigrations(apps: AppManifest[] = installedApps): MigrationSet[] {
  return [
    { module: 'platform-audit', migrations: platformAuditMigrations },
    { module: 'platform-auth', migrations: platformAuthMigrations },
    { module: 'platform-files', migrations: platformFilesMigrations },
    { module: 'identity', migrations: identityMigrations },
    { module: 'services', migrations: servicesMigrations },
    { module: 'trust', migrations: trustMigrations },
    { module: 'registries', migrations: registriesMigrations },
    { module: 'messaging', migrations: messagingMigrations },
    { module: 'bridge', migrations: bridgeMigrations },
    ...apps.map((manifest) => ({ module: manifest.id, migrations: manifest.migrations })),
  ];
}
