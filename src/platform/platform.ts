import type { CountryProfile } from '../countries/country-profile.js';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import type { Catalogue } from './i18n/catalogue.js';
import type { AppManifest } from './apps/manifest.js';
import type { AuditLog } from './audit/audit-event.js';
import type { Jobs } from './jobs/jobs.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import type { FileStore } from './files/file-store.js';
import type { ChangeFeed } from './db/change-feed.js';

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

/**
 * The kernel's services, built once by buildApp and shared by every block and app through
 * `app.platform`. Each is created in its own module; this type only names them.
 */
export interface Platform {
  config: Config;
  db: Database;
  catalogue: Catalogue;
  /** The country this deployment serves: identifier formats, calendar, time zone. */
  country: CountryProfile;
  /** The enabled apps, in mount order. */
  apps: AppManifest[];
  /** The platform's clock; tests hand in a fixed one. */
  now: () => Date;
  /** The hash-chained audit log; `append` resolves once the entry is committed. */
  audit: AuditLog;
  /** The durable job queue (pg-boss): started when the app is ready, stopped when it closes. */
  jobs: Jobs;
  /** Working days of this deployment: the country's holidays plus CALENDAR_TRANSFERS_FILE. */
  calendar: WorkingCalendar;
  /** Content-addressed storage of attachments and issued documents (DATA_DIR/files). */
  files: FileStore;
  /** Cross-process notice of changed rows, for in-process caches (ChangeCache). */
  changes: ChangeFeed;
}
