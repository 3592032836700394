import type { Migration } from '../../../platform/db/migration.js';
import { createOtinish } from './0001-create-otinish.js';
import { hearingComments } from './0002-hearing-comments.js';

export const eOtinishMigrations: Migration[] = [createOtinish, hearingComments];
