import type { CountryProfile } from '../../../countries/country-profile.js';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import type { SessionLimits } from '../../../platform/auth/session-store.js';
import type { Database } from '../../../platform/db/database.js';
import type { Platform } from '../../../platform/platform.js';

/** What the identity services use from the kernel; built from `app.platform`, or by tests. */
export interface IdentityDeps {
  db: Database;
  country: CountryProfile;
  audit: AuditLog;
  now: () => Date;
  sessionLimits: SessionLimits;
}

export function identityDeps(platform: Platform): IdentityDeps {
  return {
    db: platform.db,
    country: platform.country,
    audit: platform.audit,
    now: platform.now,
    sessionLimits: {
      idleMinutes: platform.config.sessionIdleMinutes,
      maxHours: platform.config.sessionMaxHours,
    },
  };
}

/** Facts about the request that go into audit entries (never a national identifier). */
export interface RequestFacts {
  ip?: string;
  requestId?: string;
}

/** True for PostgreSQL's unique_violation, which a race between two inserts can still raise. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | undefined)?.code === '23505';
