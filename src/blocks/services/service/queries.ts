import { localDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import { workingDaysLeft, type ClockState } from '../domain/clock.js';
import type { ServiceDefinition } from '../domain/definition.js';
import {
  accountNames,
  agencyCodeOf,
  findApplication,
  listActions,
  listByApplicant,
  listOpenForAgency,
  type ApplicationRow,
} from '../repo/applications-repo.js';
import type { Actor } from './deps.js';
import type { ServicesEngine } from './engine.js';
import { statusOf, type LoadedApplication } from './history.js';

/** A clock as people see it: its due date and the working days left (negative when overdue). */
export interface ClockView extends ClockState {
  daysLeft: number | undefined;
}

export interface ApplicationView extends LoadedApplication {
  clocks: ClockView[];
  /** Display names of the accounts that acted, by account id. */
  names: Map<string, string>;
}

const clockViews = (engine: ServicesEngine, status: ApplicationStatus): ClockView[] => {
  const today = localDate(engine.deps.now(), engine.deps.country.timeZone);
  return status.clocks.map((clock) => ({
    ...clock,
    daysLeft: workingDaysLeft(clock, today, engine.deps.calendar),
  }));
};

/**
 * One application with its history and clocks, for its applicant or an officer of the agency
 * that holds it (or held it: the forwarding agency keeps read access to what it forwarded).
 *
 * Outcomes: the view; SERVICES_APPLICATION_NOT_FOUND (404) for anyone else, so that nobody learns
 * whether an application exists.
 */
export async function getApplication(
  engine: ServicesEngine,
  id: string,
  viewer: Actor,
): Promise<ApplicationView> {
  const { db } = engine.deps;
  const row = await findApplication(db, id);
  if (!row) throw new DomainError('SERVICES_APPLICATION_NOT_FOUND', 404);
  const definition = engine.forApplication(row.service_id, row.service_version);
  const actions = await listActions(db, row.id);
  const status = statusOf(engine, definition, actions);
  if (
    !(await maySee(
      engine,
      row,
      viewer,
      actions.map((a) => a.payload),
    ))
  ) {
    throw new DomainError('SERVICES_APPLICATION_NOT_FOUND', 404);
  }
  const names = await accountNames(
    db,
    actions.map((a) => a.actorAccountId ?? '').concat(status.assigneeAccountId ?? ''),
  );
  return { row, definition, actions, status, clocks: clockViews(engine, status), names };
}

async function maySee(
  engine: ServicesEngine,
  row: ApplicationRow,
  viewer: Actor,
  payloads: Record<string, unknown>[],
): Promise<boolean> {
  if (row.applicant_person_id === viewer.personId) return true;
  if (!viewer.agencyId || !viewer.roles.includes('officer')) return false;
  const code = await agencyCodeOf(engine.deps.db, viewer.agencyId);
  if (!code) return false;
  return (
    code === row.agency_code ||
    payloads.some((p) => p.agencyCode === code || p.fromAgencyCode === code)
  );
}

export interface ApplicationSummary {
  row: ApplicationRow;
  definition: ServiceDefinition;
  status: ApplicationStatus;
  clocks: ClockView[];
}

async function summaries(
  engine: ServicesEngine,
  rows: ApplicationRow[],
): Promise<ApplicationSummary[]> {
  const out: ApplicationSummary[] = [];
  for (const row of rows) {
    const definition = engine.find(row.service_id)
      ? engine.forApplication(row.service_id, row.service_version)
      : undefined;
    if (!definition) continue; // a service this deployment no longer registers
    const status = statusOf(engine, definition, await listActions(engine.deps.db, row.id));
    out.push({ row, definition, status, clocks: clockViews(engine, status) });
  }
  return out;
}

/** The person's own applications, newest first, each with its state and clocks. */
export async function listMyApplications(
  engine: ServicesEngine,
  personId: string,
): Promise<ApplicationSummary[]> {
  return summaries(engine, await listByApplicant(engine.deps.db, personId));
}

/**
 * The officer's agency queue: open applications, those with the least time left first, then the
 * oldest. Outcomes: the queue; SERVICES_ROLE_NOT_ALLOWED (403) for anyone who is not an officer.
 */
export async function officerQueue(
  engine: ServicesEngine,
  actor: Actor,
): Promise<ApplicationSummary[]> {
  const code =
    actor.agencyId && actor.roles.includes('officer')
      ? await agencyCodeOf(engine.deps.db, actor.agencyId)
      : undefined;
  if (!code) throw new DomainError('SERVICES_ROLE_NOT_ALLOWED', 403);
  const finals = new Map(
    engine.list().map((d) => [d.id, d.states.filter((s) => s.final).map((s) => s.id)]),
  );
  const queue = await summaries(engine, await listOpenForAgency(engine.deps.db, code, finals));
  const left = (s: ApplicationSummary) =>
    Math.min(
      ...s.clocks.map((c) => (c.status === 'running' ? (c.daysLeft ?? Infinity) : Infinity)),
    );
  return queue.sort(
    (a, b) => left(a) - left(b) || a.row.submitted_at.getTime() - b.row.submitted_at.getTime(),
  );
}
