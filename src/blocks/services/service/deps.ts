import type { CountryProfile } from '../../../countries/country-profile.js';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { Database } from '../../../platform/db/database.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import type { Platform } from '../../../platform/platform.js';

/** What the services engine uses from the kernel; built from `app.platform`, or by tests. */
export interface ServicesDeps {
  db: Database;
  audit: AuditLog;
  now: () => Date;
  calendar: WorkingCalendar;
  country: CountryProfile;
  files: FileStore;
  uploadLimitBytes: number;
  /** Sends a deadline job; absent in tests that fire deadlines by hand. */
  sendDeadlineJob?: (deadlineId: string, dueAt: Date) => Promise<void>;
}

export const DEADLINE_JOB = 'services.deadline';
export const DEADLINE_SWEEP_JOB = 'services.deadline-sweep';

export function servicesDeps(platform: Platform): ServicesDeps {
  return {
    db: platform.db,
    audit: platform.audit,
    now: platform.now,
    calendar: platform.calendar,
    country: platform.country,
    files: platform.files,
    uploadLimitBytes: platform.config.uploadLimitBytes,
    sendDeadlineJob: async (deadlineId, dueAt) => {
      // The row is committed before the job is sent; if this send is lost (a crash between the
      // two), the sweep job finds the pending row once it is due.
      await platform.jobs.send(
        DEADLINE_JOB,
        { deadlineId },
        { startAfter: dueAt, retryLimit: 5, singletonKey: deadlineId },
      );
    },
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
