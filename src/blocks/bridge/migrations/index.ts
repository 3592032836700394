import type { Migration } from '../../../platform/db/migration.js';
import { createMessageLog } from './0001-create-message-log.js';
import { createCatalogue } from './0002-create-catalogue.js';
import { createFederation } from './0003-create-federation.js';
import { createProviderCredentials } from './0004-create-provider-credentials.js';
import { announcePersonChanges } from './0005-announce-person-changes.js';
import { addExchangeDuration } from './0006-exchange-duration.js';

/** The bridge block's migrations (module `bridge`), in order. */
export const bridgeMigrations: Migration[] = [
  createMessageLog,
  createCatalogue,
  createFederation,
  createProviderCredentials,
  announcePersonChanges,
  addExchangeDuration,
];
