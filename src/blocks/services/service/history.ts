import type { Database } from '../../../platform/db/database.js';
import {
  deriveStatus,
  type ActionRecord,
  type ApplicationStatus,
} from '../domain/application-status.js';
import type { ServiceDefinition } from '../domain/definition.js';
import {
  appendAction,
  listActions,
  type ApplicationRow,
  type NewAction,
} from '../repo/applications-repo.js';
import type { ServicesEngine } from './engine.js';
import type { ApplicationFacts } from './ports.js';

/** An application with its definition, history and the status derived from it. */
export interface LoadedApplication {
  row: ApplicationRow;
  definition: ServiceDefinition;
  actions: ActionRecord[];
  status: ApplicationStatus;
}

export const statusOf = (
  engine: ServicesEngine,
  definition: ServiceDefinition,
  actions: ActionRecord[],
) =>
  deriveStatus(definition, actions, {
    calendar: engine.deps.calendar,
    timeZone: engine.deps.country.timeZone,
  });

export async function loadHistory(
  db: Database,
  engine: ServicesEngine,
  row: ApplicationRow,
): Promise<LoadedApplication> {
  const definition = engine.forApplication(row.service_id, row.service_version);
  const actions = await listActions(db, row.id);
  return { row, definition, actions, status: statusOf(engine, definition, actions) };
}

/**
 * Appends one action and re-derives the status from the whole history, so the cached columns
 * always equal what the history says.
 */
export async function record(
  trx: Database,
  engine: ServicesEngine,
  loaded: LoadedApplication,
  action: NewAction,
): Promise<LoadedApplication> {
  const next = [...loaded.actions, { ...action, seq: loaded.row.last_seq + 1 }];
  const status = statusOf(engine, loaded.definition, next);
  const stored = await appendAction(trx, loaded.row, action, {
    state: status.state,
    agencyCode: status.agencyCode,
    assigneeAccountId: status.assigneeAccountId,
  });
  return { ...loaded, actions: [...loaded.actions, stored], status };
}

export const factsOf = (row: ApplicationRow): ApplicationFacts => ({
  applicationId: row.id,
  reference: row.reference,
  serviceId: row.service_id,
  applicantPersonId: row.applicant_person_id,
  applicantOrganisationId: row.applicant_organisation_id,
});
