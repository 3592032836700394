import type { Migration } from '../../../platform/db/migration.js';
import { createIdentity } from './0001-create-identity.js';

/** The identity block's migrations (module `identity`), in order. */
export const identityMigrations: Migration[] = [createIdentity];
