import type { Migration } from '../../../platform/db/migration.js';
import { createRegistries } from './0001-create-registries.js';
import { accessLinkWithoutChecks } from './0002-access-link-without-checks.js';

/** The registries block's migrations (module `registries`), in order. */
export const registriesMigrations: Migration[] = [createRegistries, accessLinkWithoutChecks];
