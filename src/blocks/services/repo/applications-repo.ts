import { sql, type Selectable } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import type { ActionRecord } from '../domain/application-status.js';
import './tables.js';
import type { ApplicationTable } from './tables.js';

export type ApplicationRow = Selectable<ApplicationTable>;

export interface NewApplication {
  service_id: string;
  service_version: number;
  applicant_person_id: string;
  applicant_organisation_id: string | null;
  submitted_by_account_id: string;
  form_values: Record<string, unknown>;
  submitted_at: Date;
  state: string;
  agency_code: string;
}

/** A new application with its first actions, the status they give and its clocks' deadlines. */
export interface NewSubmittedApplication extends NewApplication {
  /** Chosen by the caller, so the rows of a batch are told apart without relying on order. */
  id: string;
  /** The year its number carries (of the submission, in the country's calendar). */
  year: number;
  actions: NewAction[];
  assignee_account_id: string | null;
  deadlines: { clockId: string; dueDate: string; dueAt: Date }[];
}

/**
 * Inserts new applications with their first actions (seq 1, 2, …) and the status those give,
 * and their pending deadlines, in one statement whatever their number: each table's rows travel
 * as one array per column. Numbers (year and a sequence) are drawn in the given order.
 * Outcomes: the stored rows, in the given order.
 */
export async function insertSubmittedApplications(
  trx: Database,
  applications: NewSubmittedApplication[],
): Promise<ApplicationRow[]> {
  if (applications.length === 0) return [];
  const a = applications;
  const actions = a.flatMap((x) =>
    x.actions.map((action, i) => ({ id: x.id, seq: i + 1, action })),
  );
  const deadlines = a.flatMap((x) =>
    x.deadlines.map((d) => ({ ...d, id: x.id, at: x.submitted_at })),
  );
  // One statement (one round trip): the applications, their actions and their deadlines. The
  // foreign keys of the last two are checked at its end, when the applications are there.
  const { rows } = await sql<{ id: string; reference: string }>`
    with application as (
      insert into services_application (id, reference, service_id, service_version,
        applicant_person_id, applicant_organisation_id, submitted_by_account_id, form_values,
        submitted_at, state, agency_code, assignee_account_id, last_seq, updated_at)
      select id, year || '-' || lpad(nextval('services_reference_seq')::text, 6, '0'),
        service_id, service_version, applicant_person_id, applicant_organisation_id,
        submitted_by_account_id, form_values, submitted_at, state, agency_code,
        assignee_account_id, last_seq, submitted_at
      from unnest(${a.map((x) => x.id)}::uuid[], ${a.map((x) => String(x.year))}::text[],
        ${a.map((x) => x.service_id)}::text[], ${a.map((x) => x.service_version)}::int[],
        ${a.map((x) => x.applicant_person_id)}::uuid[],
        ${a.map((x) => x.applicant_organisation_id)}::uuid[],
        ${a.map((x) => x.submitted_by_account_id)}::uuid[],
        ${a.map((x) => JSON.stringify(x.form_values))}::jsonb[],
        ${a.map((x) => x.submitted_at)}::timestamptz[], ${a.map((x) => x.state)}::text[],
        ${a.map((x) => x.agency_code)}::text[], ${a.map((x) => x.assignee_account_id)}::uuid[],
        ${a.map((x) => x.actions.length)}::int[])
        as t (id, year, service_id, service_version, applicant_person_id,
          applicant_organisation_id, submitted_by_account_id, form_values, submitted_at, state,
          agency_code, assignee_account_id, last_seq)
      returning id, reference
    ), action as (
      insert into services_action (application_id, seq, action, to_state, actor_account_id,
        actor_role, at, payload, reason)
      select * from unnest(${actions.map((x) => x.id)}::uuid[],
        ${actions.map((x) => x.seq)}::int[], ${actions.map((x) => x.action.action)}::text[],
        ${actions.map((x) => x.action.toState)}::text[],
        ${actions.map((x) => x.action.actorAccountId)}::uuid[],
        ${actions.map((x) => x.action.actorRole)}::text[],
        ${actions.map((x) => x.action.at)}::timestamptz[],
        ${actions.map((x) => JSON.stringify(x.action.payload))}::jsonb[],
        ${actions.map((x) => x.action.reason)}::text[])
    ), deadline as (
      insert into services_deadline (application_id, clock_id, due_date, due_at, status,
        created_at)
      select application_id, clock_id, due_date, due_at, 'pending', created_at
      from unnest(${deadlines.map((d) => d.id)}::uuid[],
        ${deadlines.map((d) => d.clockId)}::text[], ${deadlines.map((d) => d.dueDate)}::date[],
        ${deadlines.map((d) => d.dueAt)}::timestamptz[], ${deadlines.map((d) => d.at)}::timestamptz[])
        as t (application_id, clock_id, due_date, due_at, created_at)
    )
    select id, reference from application`.execute(trx);
  const references = new Map(rows.map((row) => [row.id, row.reference]));
  return a.map((x) => ({
    id: x.id,
    reference: references.get(x.id)!,
    service_id: x.service_id,
    service_version: x.service_version,
    applicant_person_id: x.applicant_person_id,
    applicant_organisation_id: x.applicant_organisation_id,
    submitted_by_account_id: x.submitted_by_account_id,
    form_values: x.form_values,
    submitted_at: x.submitted_at,
    state: x.state,
    agency_code: x.agency_code,
    assignee_account_id: x.assignee_account_id,
    last_seq: x.actions.length,
    updated_at: x.submitted_at,
  }));
}

/** The application, locked for the rest of the transaction so its actions are numbered in turn. */
export async function lockApplication(
  trx: Database,
  id: string,
): Promise<ApplicationRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx
    .selectFrom('services_application')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findApplication(
  db: Database,
  id: string,
): Promise<ApplicationRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('services_application').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findApplicationByReference(
  db: Database,
  reference: string,
): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('services_application')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export type NewAction = Omit<ActionRecord, 'seq'>;

/**
 * Appends an action as the next in the application's history and refreshes the cached status
 * columns from what the caller derived, in the caller's transaction (the row must be locked).
 */
export async function appendAction(
  trx: Database,
  application: ApplicationRow,
  action: NewAction,
  cache: { state: string; agencyCode: string; assigneeAccountId: string | null },
): Promise<ActionRecord> {
  const seq = application.last_seq + 1;
  await trx
    .insertInto('services_action')
    .values({
      application_id: application.id,
      seq,
      action: action.action,
      to_state: action.toState,
      actor_account_id: action.actorAccountId,
      actor_role: action.actorRole,
      at: action.at,
      payload: JSON.stringify(action.payload),
      reason: action.reason,
    })
    .execute();
  await trx
    .updateTable('services_application')
    .set({
      last_seq: seq,
      state: cache.state,
      agency_code: cache.agencyCode,
      assignee_account_id: cache.assigneeAccountId,
      updated_at: action.at,
    })
    .where('id', '=', application.id)
    .execute();
  application.last_seq = seq;
  application.state = cache.state;
  application.agency_code = cache.agencyCode;
  application.assignee_account_id = cache.assigneeAccountId;
  return { ...action, seq };
}

export async function listActions(db: Database, applicationId: string): Promise<ActionRecord[]> {
  const rows = await db
    .selectFrom('services_action')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    action: row.action,
    toState: row.to_state,
    actorAccountId: row.actor_account_id,
    actorRole: row.actor_role,
    at: row.at,
    payload: row.payload,
    reason: row.reason,
  }));
}

export async function listByApplicant(db: Database, personId: string): Promise<ApplicationRow[]> {
  return db
    .selectFrom('services_application')
    .selectAll()
    .where('applicant_person_id', '=', personId)
    .orderBy('submitted_at', 'desc')
    .limit(200)
    .execute();
}

/** An agency's applications not yet in a final state, oldest first (the queue order). */
export async function listOpenForAgency(
  db: Database,
  agencyCode: string,
  finalStates: Map<string, string[]>,
): Promise<ApplicationRow[]> {
  let query = db
    .selectFrom('services_application')
    .selectAll()
    .where('agency_code', '=', agencyCode);
  for (const [serviceId, states] of finalStates) {
    if (states.length === 0) continue;
    query = query.where((eb) =>
      eb.or([eb('service_id', '!=', serviceId), eb('state', 'not in', states)]),
    );
  }
  return query.orderBy('submitted_at').limit(500).execute();
}

export interface DeadlineRow {
  id: string;
  applicationId: string;
  clockId: string;
  dueDate: string;
  dueAt: Date;
}

export async function pendingDeadlines(
  db: Database,
  applicationId: string,
): Promise<DeadlineRow[]> {
  return db
    .selectFrom('services_deadline')
    .select(['id', 'application_id as applicationId', 'clock_id as clockId', 'due_at as dueAt'])
    .select(sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('dueDate'))
    .where('application_id', '=', applicationId)
    .where('status', '=', 'pending')
    .execute();
}

export async function insertDeadline(
  trx: Database,
  row: { applicationId: string; clockId: string; dueDate: string; dueAt: Date; now: Date },
): Promise<void> {
  await trx
    .insertInto('services_deadline')
    .values({
      application_id: row.applicationId,
      clock_id: row.clockId,
      due_date: row.dueDate,
      due_at: row.dueAt,
      status: 'pending',
      created_at: row.now,
    })
    .execute();
}

export async function closeDeadline(
  trx: Database,
  id: string,
  status: 'fired' | 'cancelled',
  now: Date,
) {
  await trx
    .updateTable('services_deadline')
    .set({ status, closed_at: now })
    .where('id', '=', id)
    .execute();
}

/** The deadline if it is still pending, locked: the firing marker is checked and set under it. */
export async function lockPendingDeadline(
  trx: Database,
  id: string,
): Promise<DeadlineRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx
    .selectFrom('services_deadline')
    .select(['id', 'application_id as applicationId', 'clock_id as clockId', 'due_at as dueAt'])
    .select(sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('dueDate'))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

/** Pending deadlines due by `now`, in order of due instant (then id), after `after` if given. */
export async function dueDeadlines(
  db: Database,
  now: Date,
  limit: number,
  after?: { dueAt: Date; id: string },
): Promise<{ id: string; dueAt: Date }[]> {
  let query = db
    .selectFrom('services_deadline')
    .select(['id', 'due_at as dueAt'])
    .where('status', '=', 'pending')
    .where('due_at', '<=', now);
  if (after) query = query.where(sql<boolean>`(due_at, id) > (${after.dueAt}, ${after.id}::uuid)`);
  return query.orderBy('due_at').orderBy('id').limit(limit).execute();
}

/** The code of an agency by id, and whether an agency code exists. */
export async function agencyCodeOf(db: Database, agencyId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('identity_agency')
    .select('code')
    .where('id', '=', agencyId)
    .executeTakeFirst();
  return row?.code;
}

export async function agencyExists(db: Database, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('identity_agency')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Is the account an officer of the agency (any officer role)? */
export async function isOfficerOf(
  db: Database,
  accountId: string,
  agencyCode: string,
): Promise<boolean> {
  if (!isUuid(accountId)) return false;
  const row = await db
    .selectFrom('identity_account')
    .innerJoin('identity_officer', 'identity_officer.person_id', 'identity_account.person_id')
    .innerJoin('identity_agency', 'identity_agency.id', 'identity_officer.agency_id')
    .select('identity_account.id')
    .where('identity_account.id', '=', accountId)
    .where('identity_agency.code', '=', agencyCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisation's director, to check that a person may apply for it. */
export async function organisationDirector(
  db: Database,
  organisationId: string,
): Promise<string | null | undefined> {
  if (!isUuid(organisationId)) return undefined;
  const row = await db
    .selectFrom('identity_organisation')
    .select('director_person_id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row === undefined ? undefined : row.director_person_id;
}

export async function filesOf(db: Database, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('platform_file').selectAll().where('id', 'in', valid).execute();
}

/** Names of accounts, for history and queues (display only). */
export async function accountNames(
  db: Database,
  accountIds: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('identity_account')
    .innerJoin('identity_person', 'identity_person.id', 'identity_account.person_id')
    .select(['identity_account.id', 'identity_person.family_name', 'identity_person.given_name'])
    .where('identity_account.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.given_name} ${row.family_name}`]));
}

/** Officers of an agency with an account, for the assign form. */
export async function officersOf(db: Database, agencyCode: string) {
  return db
    .selectFrom('identity_officer')
    .innerJoin('identity_agency', 'identity_agency.id', 'identity_officer.agency_id')
    .innerJoin('identity_account', 'identity_account.person_id', 'identity_officer.person_id')
    .innerJoin('identity_person', 'identity_person.id', 'identity_officer.person_id')
    .select([
      'identity_account.id as accountId',
      'identity_person.family_name',
      'identity_person.given_name',
    ])
    .where('identity_agency.code', '=', agencyCode)
    .orderBy('identity_person.family_name')
    .execute();
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
