import type { Migration } from '../../../platform/db/migration.js';
import { createRedevelopment } from './0001-create-redevelopment.js';

export const redevelopmentMigrations: Migration[] = [createRedevelopment];
