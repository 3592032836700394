import { sql } from 'kysely';
import {
  submitApplication,
  validateForm,
  type Actor,
  type RequestFacts,
} from '../../../blocks/services/index.js';
import { yearOf } from '../../../platform/calendar/local-date.js';
import { localDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import type { AppealAction } from '../domain/appeal-actions.js';
import { registerAppeal } from '../domain/registration.js';
import { registrationDayOf } from '../domain/registration-day.js';
import { considerationOf } from '../domain/anonymous-appeals.js';
import { routeAppeal } from '../domain/routing.js';
import {
  APPEAL_DAY_OFF_SERVICE,
  APPEAL_SERVICE,
  APPEAL_SERVICES,
  OTINISH_AGENCY,
  UNCONSIDERED_SERVICE,
} from '../definition/appeal-service.js';
import { ROUTING_TABLE } from '../definition/routing-table.js';
import {
  agencyExists,
  appendActions,
  insertAppeal,
  insertCoupon,
  nextCouponSequence,
  unregisteredApplications,
} from '../repo/appeals-repo.js';
import type { OtinishDeps } from './deps.js';
import { bodyName, localDateTime, tellApplicant } from './status.js';

export interface FileAppealInput {
  actor: Actor;
  /** The form as posted (strings) or sent as JSON; attachments as uploaded file ids. */
  values: Record<string, unknown>;
  /** A complaint goes to this body (the higher body) instead of the routed one. */
  receivingBodyCode?: string;
  /** For a complaint: the appeal complained about. */
  complaintOf?: string;
}

export interface FiledAppeal {
  applicationId: string;
  couponNumber: string;
  bodyCode: string;
  considered: boolean;
}

/**
 * Files an appeal: routes it by category and region to the competent body, submits it to the
 * services engine under the variant whose clock matches the law (received on a working day, on
 * a day off, or anonymous and not considered), then registers it: coupon, APPC history and the
 * applicant's message. Intake never refuses registration for what the appeal says or who sent
 * it; only a form that is not an appeal (a field missing or malformed) is sent back.
 *
 * Outcomes: the coupon; SERVICES_FORM_INVALID (400) with one problem per invalid field (the
 * engine's codes, translated next to each field); SERVICES_APPLICANT_NOT_ALLOWED (403).
 * If the registration step is interrupted after the engine committed the application, the
 * registration sweep (registerPending) completes it with the instant the appeal was received.
 */
export async function fileAppeal(
  deps: OtinishDeps,
  input: FileAppealInput,
  facts: RequestFacts = {},
): Promise<FiledAppeal> {
  const now = deps.now();
  const definition = deps.engine.get(APPEAL_SERVICE);
  const { values, problems } = validateForm(definition.fields, input.values, {
    today: localDate(now, deps.legal.timeZone),
    // The appeal form has no national identifier field.
    checkNationalId: () => undefined,
  });
  if (problems.length > 0) throw new DomainError('SERVICES_FORM_INVALID', 400, {}, problems);
  const consideration = considerationOf(reportsOf(values));
  const day = registrationDayOf(now, deps.legal);
  const serviceId = !consideration.considered
    ? UNCONSIDERED_SERVICE
    : day.receivedOn === day.registrationDate
      ? APPEAL_SERVICE
      : APPEAL_DAY_OFF_SERVICE;
  const bodyCode =
    input.receivingBodyCode ??
    (await competentBody(deps.db, String(values.category), String(values.region)));
  const submitted = await submitApplication(
    deps.engine,
    { serviceId, actor: input.actor, values: input.values, agencyCode: bodyCode },
    facts,
  );
  const coupon = await registerApplication(deps, submitted.id, input.complaintOf);
  return {
    applicationId: submitted.id,
    couponNumber: coupon,
    bodyCode,
    considered: consideration.considered,
  };
}

const reportsOf = (values: Record<string, unknown>) => ({
  anonymous: values.anonymous === true,
  reportsCrime: values.reportsCrime === true,
  reportsSecurityThreat: values.reportsThreat === true,
});

/** The routed body, or the app's owning agency when the table names no existing agency. */
export async function competentBody(
  db: Database,
  category: string,
  region: string,
): Promise<string> {
  const routed = routeAppeal(ROUTING_TABLE, { category, region });
  return routed && (await agencyExists(db, routed)) ? routed : OTINISH_AGENCY;
}

/**
 * Registers an application the engine holds as an appeal, once: the coupon (per-body yearly
 * sequence), the appeal row, the `submitted` and `registered` actions and the message, in one
 * transaction under the application's row lock. Outcomes: the coupon number (the existing one
 * when it was already registered).
 */
export async function registerApplication(
  deps: OtinishDeps,
  applicationId: string,
  complaintOf?: string,
): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('services_application')
      .selectAll()
      .where('id', '=', applicationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('otinish_coupon')
      .select('number')
      .where('application_id', '=', applicationId)
      .orderBy('received_at')
      .executeTakeFirst();
    if (existing) return existing.number;
    const values = application.form_values as Record<string, unknown>;
    const reports = reportsOf(values);
    const bodyCode = application.agency_code;
    const receivedAt = application.submitted_at;
    const day = registrationDayOf(receivedAt, deps.legal);
    const sequence = await nextCouponSequence(trx, bodyCode, yearOf(day.registrationDate));
    const registration = registerAppeal({ bodyCode, sequence, receivedAt, reports }, deps.legal);
    await insertAppeal(trx, {
      application_id: applicationId,
      kind: String(values.kind),
      category: String(values.category),
      region: String(values.region),
      district: typeof values.district === 'string' ? values.district : null,
      topic: String(values.topic),
      anonymous: reports.anonymous,
      reports_crime: reports.reportsCrime,
      reports_threat: reports.reportsSecurityThreat,
      considered: registration.consideration.considered,
      public_proposal: values.kind === 'proposal' && !reports.anonymous,
      first_body_code: bodyCode,
      received_at: receivedAt,
      complaint_of: complaintOf ?? null,
    });
    await insertCoupon(trx, {
      number: registration.coupon.number,
      applicationId,
      bodyCode,
      receivedAt,
      registrationDate: registration.registrationDate,
    });
    const actions: AppealAction[] = [
      { type: 'submitted', at: receivedAt },
      registration.decisionTerm
        ? {
            type: 'registered',
            at: receivedAt,
            couponNumber: registration.coupon.number,
            considered: true,
            term: registration.decisionTerm,
          }
        : {
            type: 'registered',
            at: receivedAt,
            couponNumber: registration.coupon.number,
            considered: false,
          },
    ];
    await appendActions(trx, applicationId, bodyCode, actions);
    const common = {
      number: registration.coupon.number,
      agency: await bodyName(trx, bodyCode),
      receivedAt: localDateTime(receivedAt, deps.legal.timeZone),
      registrationDate: registration.registrationDate,
    };
    await tellApplicant(trx, {
      applicationId,
      personId: application.applicant_person_id,
      status: registration.decisionTerm ? 'registered' : 'not-considered',
      template: registration.decisionTerm ? 'registered' : 'registered-not-considered',
      params: registration.decisionTerm
        ? { ...common, lastDay: registration.decisionTerm.lastDay }
        : common,
      at: receivedAt,
    });
    return registration.coupon.number;
  });
}

/**
 * The registration sweep: registers every appeal the engine accepted whose registration step
 * did not run (the process stopped between the two commits). Runs every minute; returns how
 * many it registered.
 */
export async function registerPending(deps: OtinishDeps, limit = 100): Promise<number> {
  const pending = await unregisteredApplications(deps.db, APPEAL_SERVICES, limit);
  for (const row of pending) await registerApplication(deps, row.id);
  return pending.length;
}

/** For tests and the sweep: how many appeal applications wait for registration. */
export async function pendingRegistrations(db: Database): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from services_application a
    where a.service_id in (${sql.join(APPEAL_SERVICES)})
      and not exists (select 1 from otinish_appeal o where o.application_id = a.id)`.execute(db);
  return Number(rows[0]!.n);
}
