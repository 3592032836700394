import type { Migration } from '../../../platform/db/migration.js';
import { createMessaging } from './0001-create-messaging.js';
import { contactLanguage } from './0002-contact-language.js';

/** The messaging block's migrations (module `messaging`), in order. */
export const messagingMigrations: Migration[] = [createMessaging, contactLanguage];
