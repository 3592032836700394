import type { Migration } from '../../../platform/db/migration.js';
import { createRegisters } from './0001-create-registers.js';

/** The e-Notary app's forward-only migrations, numbered 1..n. */
export const eNotaryMigrations: Migration[] = [createRegisters];
