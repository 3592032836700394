import type { Migration } from '../../../platform/db/migration.js';
import { createTrust } from './0001-create-trust.js';
import { architectHolders } from './0002-architect-holders.js';

/** The trust block's migrations (module `trust`), in order. */
export const trustMigrations: Migration[] = [createTrust, architectHolders];
