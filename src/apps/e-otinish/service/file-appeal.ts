import { sql } from 'kysely';
import {
  prepareSubmission,
  writeSubmissions,
  type Actor,
  type RequestFacts,
} from '../../../blocks/services/index.js';
import { appendEntries, prepareEvent } from '../../../platform/audit/append-entries.js';
import { yearOf } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
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
  firstCouponsOf,
  insertRegistrations,
  takeCouponSequencesOf,
  unregisteredApplications,
  type CouponCount,
} from '../repo/appeals-repo.js';
import { AgencyNames } from './agency-names.js';
import type { OtinishDeps } from './deps.js';
import { IntakeQueue, type IntakeRequest, type IntakeResult } from './intake-queue.js';
import { bodyNameOf, localDateTime, tellApplicants } from './status.js';

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
 * a day off, or anonymous and not considered), and registers it: coupon, APPC history, the
 * applicant's message and the audit entry, all in the one transaction its intake batch commits
 * (see IntakeQueue). Intake never refuses registration for what the appeal says or who sent
 * it; only a form that is not an appeal (a field missing or malformed) is sent back.
 *
 * Outcomes: the coupon, once everything is committed; SERVICES_FORM_INVALID (400) with one
 * problem per invalid field (the engine's codes, translated next to each field);
 * SERVICES_APPLICANT_NOT_ALLOWED (403). An application the engine holds without its
 * registration (filed through the engine's own API) is registered by the sweep
 * (registerPending) with the instant it was received.
 */
export async function fileAppeal(
  deps: OtinishDeps,
  input: FileAppealInput,
  facts: RequestFacts = {},
): Promise<FiledAppeal> {
  // The form and attachments, checked once against the appeal form (every variant has it).
  const checked = await prepareSubmission(
    deps.engine,
    { serviceId: APPEAL_SERVICE, actor: input.actor, values: input.values },
    facts,
  );
  const { values } = checked;
  const bodyCode =
    input.receivingBodyCode ??
    (await competentBody(deps, String(values.category), String(values.region)));
  // Nothing waits from here until the appeal is in the intake queue: the instant of receipt is
  // also its place in the queue, so coupons follow the order of receipt.
  const at = deps.now();
  const consideration = considerationOf(reportsOf(values));
  const day = registrationDayOf(at, deps.legal);
  const serviceId = !consideration.considered
    ? UNCONSIDERED_SERVICE
    : day.receivedOn === day.registrationDate
      ? APPEAL_SERVICE
      : APPEAL_DAY_OFF_SERVICE;
  const filed = await intakeOf(deps).queue.file({
    prepared: {
      ...checked,
      definition: deps.engine.get(serviceId),
      input: { ...checked.input, serviceId, agencyCode: bodyCode },
      at,
    },
    complaintOf: input.complaintOf,
  });
  return { ...filed, bodyCode, considered: consideration.considered };
}

const reportsOf = (values: Record<string, unknown>) => ({
  anonymous: values.anonymous === true,
  reportsCrime: values.reportsCrime === true,
  reportsSecurityThreat: values.reportsThreat === true,
});

/** The routed body, or the app's owning agency when the table names no existing agency. */
export async function competentBody(
  deps: OtinishDeps,
  category: string,
  region: string,
): Promise<string> {
  const routed = routeAppeal(ROUTING_TABLE, { category, region });
  return routed && (await deps.engine.agencyExists(deps.db, routed)) ? routed : OTINISH_AGENCY;
}

/** Per app instance (its deps): the intake queue and the agency names messages quote. */
interface Intake {
  queue: IntakeQueue;
  names: AgencyNames;
}
const intakes = new WeakMap<OtinishDeps, Intake>();

function intakeOf(deps: OtinishDeps): Intake {
  let intake = intakes.get(deps);
  if (!intake) {
    const names = new AgencyNames();
    intake = { names, queue: new IntakeQueue((requests) => fileBatch(deps, names, requests)) };
    intakes.set(deps, intake);
  }
  return intake;
}

/**
 * Writes a batch of appeals in one transaction: the engine's applications (writeSubmissions),
 * their registration (registerNew) and their audit entries, so each is committed whole or not
 * at all. Outcomes: the application ids and coupons, in order; the batch's database error.
 */
async function fileBatch(
  deps: OtinishDeps,
  names: AgencyNames,
  requests: IntakeRequest[],
): Promise<IntakeResult[]> {
  return deps.db.transaction().execute(async (trx) => {
    const written = await writeSubmissions(
      trx,
      deps.engine,
      requests.map((request) => request.prepared),
    );
    const coupons = await registerNew(
      trx,
      deps,
      names,
      written.map((submission, i) => ({
        application: submission.row,
        complaintOf: requests[i]!.complaintOf,
      })),
    );
    // Last, so the audit chain's lock is held only for the commit.
    const at = deps.now();
    await appendEntries(
      trx,
      written.map((submission) => prepareEvent(submission.audit, at)),
    );
    return written.map((submission, i) => ({
      applicationId: submission.id,
      couponNumber: coupons[i]!,
    }));
  });
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

/** What is registered: an application the engine holds, and what it complains of if anything. */
export interface RegistrationRequest {
  applicationId: string;
  /** For a complaint: the appeal complained about. */
  complaintOf?: string | undefined;
}

/**
 * Registers several applications the engine holds as appeals in one transaction, as
 * registerApplication does one, under their row locks. Outcomes: the coupon numbers, in the
 * order of the requests (an application registered before keeps its coupon).
 */
export async function registerApplications(
  deps: OtinishDeps,
  requests: RegistrationRequest[],
): Promise<string[]> {
  if (requests.length === 0) return [];
  return deps.db.transaction().execute(async (trx) => {
    const ids = [...new Set(requests.map((request) => request.applicationId))];
    // In id order, so two batches (the sweep and another) never wait on each other in a cycle.
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
        return { application, complaintOf: complaintOf.get(id) };
      });
    const coupons = await registerNew(trx, deps, intakeOf(deps).names, fresh);
    fresh.forEach(({ application }, i) => numbers.set(application.id, coupons[i]!));
    return requests.map((request) => numbers.get(request.applicationId)!);
  });
}

/** An application to register, as the engine stored it. */
interface Registering {
  application: {
    id: string;
    reference: string;
    agency_code: string;
    submitted_at: Date;
    form_values: Record<string, unknown>;
    applicant_person_id: string;
  };
  complaintOf?: string | undefined;
}

/**
 * Registers applications never registered before, in the caller's transaction and a few
 * statements whatever their number: each body's coupon sequences for a year are taken at once
 * and handed out in order of receipt; the appeal rows, coupons and first APPC actions go in one
 * statement, the applicants' messages in a few more. Outcomes: the coupon numbers,
 * in the order given.
 */
async function registerNew(
  trx: Database,
  deps: OtinishDeps,
  names: AgencyNames,
  items: Registering[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const inOrder = [...items].sort(
    (a, b) =>
      a.application.submitted_at.getTime() - b.application.submitted_at.getTime() ||
      a.application.reference.localeCompare(b.application.reference),
  );
  const counters = new Map<string, CouponCount & { next: number }>();
  const planned = inOrder.map((item) => {
    const { application } = item;
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
    return { ...item, counter };
  });
  const firsts = await takeCouponSequencesOf(trx, [...counters.values()]);
  for (const [key, counter] of counters) counter.next = firsts.get(key)!;

  const registered = planned.map(({ application, complaintOf, counter }) => {
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
    return { application, complaintOf, values, reports, registration };
  });

  await insertRegistrations(
    trx,
    registered.map(({ application, complaintOf, values, reports, registration }) => {
      const receivedAt = application.submitted_at;
      const number = registration.coupon.number;
      return {
        appeal: {
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
          received_at: receivedAt,
          complaint_of: complaintOf ?? null,
        },
        coupon: {
          number,
          applicationId: application.id,
          bodyCode: application.agency_code,
          receivedAt,
          registrationDate: registration.registrationDate,
        },
        actions: [
          { type: 'submitted', at: receivedAt },
          registration.decisionTerm
            ? {
                type: 'registered',
                at: receivedAt,
                couponNumber: number,
                considered: true,
                term: registration.decisionTerm,
              }
            : { type: 'registered', at: receivedAt, couponNumber: number, considered: false },
        ],
      };
    }),
  );
  const bodies = await names.of(
    trx,
    [...counters.values()].map((counter) => counter.bodyCode),
  );
  await tellApplicants(
    trx,
    registered.map(({ application, registration }) => {
      const receivedAt = application.submitted_at;
      const common = {
        number: registration.coupon.number,
        agency: bodyNameOf(bodies, application.agency_code),
        receivedAt: localDateTime(receivedAt, deps.legal.timeZone),
        registrationDate: registration.registrationDate,
      };
      return {
        applicationId: application.id,
        personId: application.applicant_person_id,
        status: registration.decisionTerm ? 'registered' : 'not-considered',
        template: registration.decisionTerm ? 'registered' : 'registered-not-considered',
        params: registration.decisionTerm
          ? { ...common, lastDay: registration.decisionTerm.lastDay }
          : common,
        at: receivedAt,
      };
    }),
  );
  const numbers = new Map(
    registered.map(({ application, registration }) => [application.id, registration.coupon.number]),
  );
  return items.map((item) => numbers.get(item.application.id)!);
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
