import type { Migration } from '../../../platform/db/migration.js';
import { createRedevelopment } from './0001-create-redevelopment.js';
import { createAdvanceDue } from './0002-create-advance-due.js';

export const redevelopmentMigrations: Migration[] = [createRedevelopment, createAdvanceDue];
