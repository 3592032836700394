import type { Migration } from '../../../platform/db/migration.js';
import { createServices } from './0001-create-services.js';

/** The services block's migrations (module `services`), in order. */
export const servicesMigrations: Migration[] = [createServices];
