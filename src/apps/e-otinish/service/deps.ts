import type { FastifyInstance } from 'fastify';
import type { ServicesEngine } from '../../../blocks/services/index.js';
import type { AuditLog } from '../../../platform/audit/audit-event.js';
import type { Database } from '../../../platform/db/database.js';
import type { LegalCalendar } from '../domain/legal-calendar.js';

/** What the app's services use: the engine, the kernel's clock, calendar and audit log. */
export interface OtinishDeps {
  engine: ServicesEngine;
  db: Database;
  now: () => Date;
  audit: AuditLog;
  /** The deployment's working calendar in the country's time zone: what every term counts in. */
  legal: LegalCalendar;
}

export const otinishDeps = (app: FastifyInstance): OtinishDeps => ({
  engine: app.servicesEngine,
  db: app.platform.db,
  now: () => app.platform.now(),
  audit: app.platform.audit,
  // The engine's calendar: the same answers, remembered once for both (see memoizedCalendar).
  legal: { calendar: app.servicesEngine.deps.calendar, timeZone: app.platform.country.timeZone },
});
