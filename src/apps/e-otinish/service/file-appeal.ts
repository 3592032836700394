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
  agencyNames,
  appendActionsOfMany,
  firstCouponsOf,
  insertAppeals,
  insertCoupons,
  takeCouponSequences,
  unregisteredApplications,
} from '../repo/appeals-repo.js';
import type { OtinishDeps } from './deps.js';
import { RegistrationQueue, type RegistrationRequest } from './registration-queue.js';
import { bodyNameOf, localDateTime, tellApplicant } from './status.js';

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
  const coupon = await registrationQueue(deps).register({
    applicationId: submitted.id,
    complaintOf: input.complaintOf,
  });
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

const queues = new WeakMap<OtinishDeps, RegistrationQueue>();

/** Intake's group-committed registration step, one queue per app instance (its deps). */
function registrationQueue(deps: OtinishDeps): RegistrationQueue {
  let queue = queues.get(deps);
  if (!queue) {
    queue = new RegistrationQueue((requests) => registerApplications(deps, requests));
    queues.set(deps, queue);
  }
  return queue;
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
  const [number] = await registerApplications(deps, [{ applicationId, complaintOf }]);
  return number!;
}

/**
 * Registers several applications the engine holds as appeals in one transaction, as
 * registerApplication does one: each body's coupon sequences are taken at once, in order of
 * receipt, and the rows are written in a few statements, so a batch costs one commit and holds
 * each body's counter row for one transaction, not one per appeal. Outcomes: the coupon numbers,
 * in the order of the requests (an application registered before keeps its coupon).
 */
export async function registerApplications(
  deps: OtinishDeps,
  requests: RegistrationRequest[],
): Promise<string[]> {
  if (requests.length === 0) return [];
  return deps.db.transaction().execute(async (trx) => {
    const ids = [...new Set(requests.map((request) => request.applicationId))];
    // In id order, so two batches (the sweep and intake) never wait on each other in a cycle.
    const applications = await trx
      .selectFrom('services_application')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute();
    const byId = new Map(applications.map((row) => [row.id, row]));
    const numbers = await firstCouponsOf(trx, ids);
    const complaintOf = new Map(requests.map((r) => [r.applicationId, r.complaintOf]));
    const fresh = ids
      .filter((id) => !numbers.has(id))
      .map((id) => {
        const application = byId.get(id);
        if (!application) throw new Error(`No application ${id} to register`);
        return application;
      })
      .sort(
        (a, b) =>
          a.submitted_at.getTime() - b.submitted_at.getTime() ||
          a.reference.localeCompare(b.reference),
      );

    // Each body's sequences for a year at once, handed out in order of receipt.
    const counters = new Map<
      string,
      { bodyCode: string; year: number; count: number; next: number }
    >();
    const planned = fresh.map((application) => {
      const day = registrationDayOf(application.submitted_at, deps.legal);
      const year = yearOf(day.registrationDate);
      const key = `${application.agency_code} ${year}`;
      const counter = counters.get(key) ?? {
        bodyCode: application.agency_code,
        year,
        count: 0,
        next: 0,
      };
      counter.count += 1;
      counters.set(key, counter);
      return { application, key };
    });
    for (const counter of counters.values())
      counter.next = await takeCouponSequences(trx, counter.bodyCode, counter.year, counter.count);

    const registered = planned.map(({ application, key }) => {
      const counter = counters.get(key)!;
      const values = application.form_values as Record<string, unknown>;
      const reports = reportsOf(values);
      const registration = registerAppeal(
        {
          bodyCode: application.agency_code,
          sequence: counter.next++,
          receivedAt: application.submitted_at,
          reports,
        },
        deps.legal,
      );
      numbers.set(application.id, registration.coupon.number);
      return { application, values, reports, registration };
    });

    await insertAppeals(
      trx,
      registered.map(({ application, values, reports, registration }) => ({
        application_id: application.id,
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
        first_body_code: application.agency_code,
        received_at: application.submitted_at,
        complaint_of: complaintOf.get(application.id) ?? null,
      })),
    );
    await insertCoupons(
      trx,
      registered.map(({ application, registration }) => ({
        number: registration.coupon.number,
        applicationId: application.id,
        bodyCode: application.agency_code,
        receivedAt: application.submitted_at,
        registrationDate: registration.registrationDate,
      })),
    );
    await appendActionsOfMany(
      trx,
      registered.map(({ application, registration }) => {
        const receivedAt = application.submitted_at;
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
        return { applicationId: application.id, bodyCode: application.agency_code, actions };
      }),
    );
    const names = registered.length > 0 ? await agencyNames(trx) : new Map();
    for (const { application, registration } of registered) {
      const receivedAt = application.submitted_at;
      const common = {
        number: registration.coupon.number,
        agency: bodyNameOf(names, application.agency_code),
        receivedAt: localDateTime(receivedAt, deps.legal.timeZone),
        registrationDate: registration.registrationDate,
      };
      await tellApplicant(trx, {
        applicationId: application.id,
        personId: application.applicant_person_id,
        status: registration.decisionTerm ? 'registered' : 'not-considered',
        template: registration.decisionTerm ? 'registered' : 'registered-not-considered',
        params: registration.decisionTerm
          ? { ...common, lastDay: registration.decisionTerm.lastDay }
          : common,
        at: receivedAt,
      });
    }
    return requests.map((request) => numbers.get(request.applicationId)!);
  });
}

/**
 * The registration sweep: registers every appeal the engine accepted whose registration step
 * did not run (the process stopped between the two commits). Runs every minute; returns how
 * many it registered.
 */
export async function registerPending(deps: OtinishDeps, limit = 100): Promise<number> {
  const pending = await unregisteredApplications(deps.db, APPEAL_SERVICES, limit);
  await registerApplications(
    deps,
    pending.map((row) => ({ applicationId: row.id })),
  );
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
