import type { CountryProfile } from '../../../countries/country-profile.js';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { Database } from '../../../platform/db/database.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import type { Platform } from '../../../platform/platform.js';
import { memoizedCalendar } from './memoized-calendar.js';

/** What the services engine uses from the kernel; built from `app.platform`, or by tests. */
export interface ServicesDeps {
  db: Database;
  audit: AuditLog;
  now: () => Date;
  calendar: WorkingCalendar;
  country: CountryProfile;
  files: FileStore;
  uploadLimitBytes: number;
}

/**
 * The job of one deadline, which earlier versions sent at each due instant: still worked, so the
 * jobs a deployment queued before the upgrade fire their deadlines (once, like any firing).
 */
export const DEADLINE_JOB = 'services.deadline';
/** The sweep every minute that fires every due deadline. */
export const DEADLINE_SWEEP_JOB = 'services.deadline-sweep';

export function servicesDeps(platform: Platform): ServicesDeps {
  return {
    db: platform.db,
    audit: platform.audit,
    now: platform.now,
    calendar: memoizedCalendar(platform.calendar),
    country: platform.country,
    files: platform.files,
    uploadLimitBytes: platform.config.uploadLimitBytes,
  };
}

/** Facts about the request that go into audit entries (never a national identifier). */
export interface RequestFacts {
  ip?: string;
  requestId?: string;
}

/** Who acts: a signed-in person as the session sees them. */
export interface Actor {
  accountId: string;
  personId: string;
  roles: readonly string[];
  agencyId: string | null;
}
