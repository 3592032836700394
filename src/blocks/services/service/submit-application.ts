import crypto from 'node:crypto';
import { localDate } from '../../../platform/calendar/local-date.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { CHECK } from '../domain/application-status.js';
import { SUBMIT, type AttachmentField, type ServiceDefinition } from '../domain/definition.js';
import { validateForm, type FormValues } from '../domain/form-values.js';
import type { Static } from '@sinclair/typebox';
import {
  filesOf,
  insertSubmittedApplications,
  organisationDirector,
  type ApplicationRow,
  type NewAction,
  type NewSubmittedApplication,
} from '../repo/applications-repo.js';
import type { AuditEvent } from '../../../platform/audit/audit-event.js';
import type { Database } from '../../../platform/db/database.js';
import { runningDeadlines } from './clocks.js';
import type { Actor, RequestFacts } from './deps.js';
import type { ServicesEngine } from './engine.js';
import { statusOf } from './history.js';
import type { CheckOutcome } from './ports.js';

export interface SubmitInput {
  serviceId: string;
  actor: Actor;
  /** The form as posted (strings) or sent as JSON (typed values); attachments as file ids. */
  values: Record<string, unknown>;
  /** Apply for an organisation the actor directs, instead of as a person. */
  organisationId?: string;
  /** Route to another agency than the definition's (e.g. an appeal's competent body). */
  agencyCode?: string;
  /**
   * The app's own records of the new application, written in the engine's transaction after the
   * application, its checks and clocks: they commit with it or not at all (e.g. a snapshot of the
   * registry facts it was filed on). A throw refuses the submission and nothing is written.
   */
  within?: (trx: Database, application: { id: string; reference: string }) => Promise<void>;
}

export interface Submitted {
  id: string;
  reference: string;
  state: string;
  submittedAt: Date;
  /** Warnings of non-blocking checks, for the applicant and the officer. */
  warnings: { check: string; code: string }[];
}

/** A submission whose form and attachments passed, ready to be written (alone or in a batch). */
export interface PreparedSubmission {
  definition: ServiceDefinition;
  input: SubmitInput;
  values: FormValues;
  /** The instant it was received: its `submit` action, its number's year and its clocks. */
  at: Date;
}

/** A submission written in a transaction not yet committed. */
export interface WrittenSubmission extends Submitted {
  row: ApplicationRow;
  /** Its audit entry: appended after the commit, or in the same transaction by a batch writer. */
  audit: AuditEvent;
}

/**
 * Submits an application: checks who applies, validates the form, checks the attachments, runs
 * the definition's automatic checks, stores the application with its `submit` action and the
 * checks' findings, and starts its clocks, all in one transaction.
 *
 * Outcomes:
 * - the new application (id, reference number, state, warnings);
 * - SERVICES_NOT_FOUND (404): no such service;
 * - SERVICES_APPLICANT_NOT_ALLOWED (403): the service is not for this kind of applicant, or the
 *   actor does not direct the organisation, or lacks the licence;
 * - SERVICES_FORM_INVALID (400) with one field problem per invalid field;
 * - SERVICES_CHECK_FAILED (422) with the failing blocking checks as field problems;
 * - SERVICES_AGENCY_UNKNOWN (400): agencyCode names no agency.
 * Nothing is written unless everything passes.
 */
export async function submitApplication(
  engine: ServicesEngine,
  input: SubmitInput,
  facts: RequestFacts = {},
): Promise<Submitted> {
  const prepared = await prepareSubmission(engine, input, facts);
  const [written] = await engine.deps.db
    .transaction()
    .execute((trx) => writeSubmissions(trx, engine, [prepared]));
  await engine.deps.audit.append(written!.audit);
  return submittedOf(written!);
}

/**
 * The checks of a submission that need no transaction: the service exists, the form is valid and
 * the attachments are the applicant's own. Outcomes: the prepared submission; SERVICES_NOT_FOUND,
 * SERVICES_FORM_INVALID as submitApplication. Writes nothing.
 */
export async function prepareSubmission(
  engine: ServicesEngine,
  input: SubmitInput,
  facts: RequestFacts = {},
): Promise<PreparedSubmission & { facts: RequestFacts }> {
  const { deps } = engine;
  const definition = engine.get(input.serviceId);
  const at = deps.now();
  const { values, problems } = checkForm(engine, definition, input.values);
  problems.push(...(await attachmentProblems(deps.db, definition, values, input.actor.accountId)));
  if (problems.length > 0) throw new DomainError('SERVICES_FORM_INVALID', 400, {}, problems);
  return { definition, input, values, at, facts };
}

/**
 * Writes prepared submissions in the caller's transaction: for each, the checks that read the
 * database (who applies, the agency, the definition's automatic checks); then every application
 * with its actions and deadlines in one statement whatever their number; then each one's
 * `within` hook. A batch of many costs the statements of one.
 *
 * Outcomes: the written submissions, in order, each with its audit entry (not yet appended);
 * the first refusal among them (SERVICES_APPLICANT_NOT_ALLOWED, SERVICES_AGENCY_UNKNOWN,
 * SERVICES_CHECK_FAILED, or what a `within` hook throws), after which the transaction must roll
 * back: a batch writer then writes each alone to fail only the one refused.
 */
export async function writeSubmissions(
  trx: Database,
  engine: ServicesEngine,
  prepared: (PreparedSubmission & { facts?: RequestFacts })[],
): Promise<WrittenSubmission[]> {
  const { deps } = engine;
  const planned: NewSubmittedApplication[] = [];
  const warningsOf: { check: string; code: string }[][] = [];
  for (const { definition, input, values, at } of prepared) {
    const organisationId = await checkApplicant(trx, engine, definition, input);
    const agencyCode = input.agencyCode ?? definition.agency;
    if (input.agencyCode && !(await engine.agencyExists(trx, input.agencyCode))) {
      throw new DomainError('SERVICES_AGENCY_UNKNOWN', 400);
    }
    const findings = await runChecks(
      trx,
      engine,
      definition,
      values,
      input.actor.personId,
      organisationId,
    );
    const failed = findings.filter((f) => f.severity === 'blocking' && !f.outcome.passed);
    if (failed.length > 0) {
      throw new DomainError(
        'SERVICES_CHECK_FAILED',
        422,
        {},
        failed.map<FieldProblem>((f) => ({
          field: f.fields[0] ?? '(form)',
          code: f.outcome.code ?? 'SERVICES_CHECK_FAILED',
        })),
      );
    }
    const actions: NewAction[] = [
      {
        action: SUBMIT,
        toState: definition.initial,
        actorAccountId: input.actor.accountId,
        actorRole: 'applicant',
        at,
        payload: { agencyCode },
        reason: null,
      },
      ...findings.map((finding) => ({
        action: CHECK,
        toState: null,
        actorAccountId: null,
        actorRole: 'system',
        at,
        payload: {
          check: finding.id,
          name: finding.check,
          severity: finding.severity,
          passed: finding.outcome.passed,
          ...(finding.outcome.code ? { code: finding.outcome.code } : {}),
          ...(finding.outcome.details ? { details: finding.outcome.details } : {}),
        },
        reason: null,
      })),
    ];
    warningsOf.push(
      findings
        .filter((finding) => !finding.outcome.passed)
        .map((finding) => ({
          check: finding.id,
          code: finding.outcome.code ?? 'SERVICES_CHECK_FAILED',
        })),
    );
    const status = statusOf(
      engine,
      definition,
      actions.map((action, i) => ({ ...action, seq: i + 1 })),
    );
    planned.push({
      id: crypto.randomUUID(),
      year: Number(localDate(at, deps.country.timeZone).slice(0, 4)),
      service_id: definition.id,
      service_version: definition.version,
      applicant_person_id: input.actor.personId,
      applicant_organisation_id: organisationId,
      submitted_by_account_id: input.actor.accountId,
      form_values: values,
      submitted_at: at,
      state: status.state,
      agency_code: status.agencyCode,
      assignee_account_id: status.assigneeAccountId,
      actions,
      deadlines: runningDeadlines(engine, status),
    });
  }
  const rows = await insertSubmittedApplications(trx, planned);
  const written = rows.map((row, i): WrittenSubmission => {
    const { definition, input, facts } = prepared[i]!;
    return {
      row,
      id: row.id,
      reference: row.reference,
      state: row.state,
      submittedAt: row.submitted_at,
      warnings: warningsOf[i]!,
      audit: {
        action: 'services.submit',
        outcome: 'success',
        actorAccountId: input.actor.accountId,
        subject: row.id,
        details: { service: definition.id, reference: row.reference, ...facts },
      },
    };
  });
  for (const [i, { input }] of prepared.entries()) {
    await input.within?.(trx, { id: rows[i]!.id, reference: rows[i]!.reference });
  }
  return written;
}

/** What submitApplication answers, from a written submission. */
export const submittedOf = ({ id, reference, state, submittedAt, warnings }: Submitted) => ({
  id,
  reference,
  state,
  submittedAt,
  warnings,
});

/**
 * The form's problems without submitting anything (a page whose upload failed still shows every
 * other problem at once). Outcomes: the checked values and the problems, SERVICES_NOT_FOUND.
 */
export function checkForm(
  engine: ServicesEngine,
  definition: ServiceDefinition,
  raw: Record<string, unknown>,
): { values: FormValues; problems: FieldProblem[] } {
  const { deps } = engine;
  return validateForm(definition.fields, raw, {
    today: localDate(deps.now(), deps.country.timeZone),
    checkNationalId: (of, value) => {
      const format = of === 'person' ? deps.country.personId : deps.country.organisationId;
      const result = format.check(value);
      return result.valid ? undefined : { code: result.code, label: format.label };
    },
  });
}

/** The organisation applied for (null for a person), after checking the actor may apply. */
async function checkApplicant(
  trx: Database,
  engine: ServicesEngine,
  definition: ServiceDefinition,
  input: SubmitInput,
): Promise<string | null> {
  const kinds = definition.applicants;
  if (input.organisationId !== undefined) {
    const director = await organisationDirector(trx, input.organisationId);
    if (!kinds.some((k) => k.kind === 'organisation') || director !== input.actor.personId) {
      throw new DomainError('SERVICES_APPLICANT_NOT_ALLOWED', 403);
    }
    return input.organisationId;
  }
  if (kinds.some((k) => k.kind === 'person')) return null;
  for (const kind of kinds) {
    if (kind.kind !== 'professional') continue;
    if (await engine.ports.licences?.holds(trx, input.actor.personId, kind.licenceType))
      return null;
  }
  throw new DomainError('SERVICES_APPLICANT_NOT_ALLOWED', 403);
}

async function runChecks(
  trx: Database,
  engine: ServicesEngine,
  definition: ServiceDefinition,
  values: FormValues,
  personId: string,
  organisationId: string | null,
) {
  const findings: {
    id: string;
    check: string;
    severity: string;
    fields: string[];
    outcome: CheckOutcome;
  }[] = [];
  for (const check of definition.checks ?? []) {
    const run = engine.ports.checks?.[check.check];
    if (!run) throw new Error(`Check ${check.check} of ${definition.id} is not wired`);
    const fields = check.fields ?? [];
    const outcome = await run(trx, {
      serviceId: definition.id,
      applicantPersonId: personId,
      applicantOrganisationId: organisationId,
      values: Object.fromEntries(fields.filter((f) => f in values).map((f) => [f, values[f]!])),
    });
    findings.push({ id: check.id, check: check.check, severity: check.severity, fields, outcome });
  }
  return findings;
}

/**
 * Attachments must be files the same account uploaded for a field like this one: of an accepted
 * type and within its size (uploadAttachment refuses others before storing them; this catches
 * ids taken from elsewhere).
 */
async function attachmentProblems(
  db: Database,
  definition: ServiceDefinition,
  values: FormValues,
  accountId: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const field of definition.fields) {
    if (field.type !== 'attachment') continue;
    const ids = values[field.name];
    if (!Array.isArray(ids)) continue;
    const files = await filesOf(db, ids);
    const ok = ids.every((id) => {
      const file = files.find((f) => f.id === id);
      return file !== undefined && file.uploaded_by === accountId && fits(field, file);
    });
    if (!ok) problems.push({ field: field.name, code: 'SERVICES_FIELD_ATTACHMENT_UNKNOWN' });
  }
  return problems;
}

const fits = (field: Static<typeof AttachmentField>, file: { media_type: string; size: number }) =>
  field.types.includes(file.media_type) && Number(file.size) <= field.maxBytes;
