import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { AppealAction } from '../domain/appeal-actions.js';
import './tables.js';
import type { OtinishAppealTable } from './tables.js';

export type AppealRow = OtinishAppealTable;

export interface CouponRow {
  number: string;
  applicationId: string;
  bodyCode: string;
  receivedAt: Date;
  registrationDate: string;
}

/** How many coupon sequences a body takes in a year. */
export interface CouponCount {
  bodyCode: string;
  year: number;
  count: number;
}

/**
 * Takes coupon sequences of several bodies and years at once, counted in the caller's
 * transaction (which holds each counter row until it commits), in one statement; rows are
 * locked in key order, so two transactions never wait on each other in a cycle. Outcomes: the
 * first sequence taken per `"<body> <year>"`; the others follow it without a gap.
 */
export async function takeCouponSequencesOf(
  trx: Database,
  counts: CouponCount[],
): Promise<Map<string, number>> {
  if (counts.length === 0) return new Map();
  const sorted = [...counts].sort(
    (a, b) => a.bodyCode.localeCompare(b.bodyCode) || a.year - b.year,
  );
  const rows = await trx
    .insertInto('otinish_coupon_counter')
    .values(sorted.map((c) => ({ body_code: c.bodyCode, year: c.year, last_sequence: c.count })))
    .onConflict((oc) =>
      oc.columns(['body_code', 'year']).doUpdateSet({
        last_sequence: sql`otinish_coupon_counter.last_sequence + excluded.last_sequence`,
      }),
    )
    .returning(['body_code', 'year', 'last_sequence'])
    .execute();
  const taken = new Map(sorted.map((c) => [`${c.bodyCode} ${c.year}`, c.count]));
  return new Map(
    rows.map((row) => {
      const key = `${row.body_code} ${row.year}`;
      return [key, row.last_sequence - taken.get(key)! + 1];
    }),
  );
}

/** The next coupon sequence of a body in a year, counted in the caller's transaction. */
export async function nextCouponSequence(
  trx: Database,
  bodyCode: string,
  year: number,
): Promise<number> {
  const first = await takeCouponSequencesOf(trx, [{ bodyCode, year, count: 1 }]);
  return first.get(`${bodyCode} ${year}`)!;
}

export async function findAppeal(
  db: Database,
  applicationId: string,
): Promise<AppealRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return undefined;
  return db
    .selectFrom('otinish_appeal')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function insertCoupon(trx: Database, coupon: CouponRow): Promise<void> {
  await trx
    .insertInto('otinish_coupon')
    .values({
      number: coupon.number,
      application_id: coupon.applicationId,
      body_code: coupon.bodyCode,
      received_at: coupon.receivedAt,
      registration_date: coupon.registrationDate,
    })
    .execute();
}

/** The first coupon of each of these applications (its number), by application id. */
export async function firstCouponsOf(
  db: Database,
  applicationIds: string[],
): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('otinish_coupon')
    .select(['application_id', 'number'])
    .where('application_id', 'in', applicationIds)
    .orderBy('received_at', 'desc')
    .execute();
  // Descending, so the first coupon of each application is the one left in the map.
  return new Map(rows.map((row) => [row.application_id, row.number]));
}

const couponColumns = [
  'number',
  'application_id as applicationId',
  'body_code as bodyCode',
  'received_at as receivedAt',
  sql<string>`to_char(registration_date, 'YYYY-MM-DD')`.as('registrationDate'),
] as const;

/** The appeal's coupons, the first body's first. */
export async function couponsOf(db: Database, applicationId: string): Promise<CouponRow[]> {
  return db
    .selectFrom('otinish_coupon')
    .select([...couponColumns])
    .where('application_id', '=', applicationId)
    .orderBy('received_at')
    .execute();
}

export async function findCouponByNumber(
  db: Database,
  number: string,
): Promise<CouponRow | undefined> {
  return db
    .selectFrom('otinish_coupon')
    .select([...couponColumns])
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Dates travel as ISO text in jsonb; these keys are instants. */
const INSTANT_KEYS = new Set(['at', 'expiresAt']);
const revive = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        INSTANT_KEYS.has(key) && typeof inner === 'string' ? new Date(inner) : revive(inner),
      ]),
    );
  }
  return value;
};

/** The APPC history of the appeal at one body, in order. */
export async function actionsAt(
  db: Database,
  applicationId: string,
  bodyCode: string,
): Promise<AppealAction[]> {
  const rows = await db
    .selectFrom('otinish_action')
    .select(['type', 'at', 'details'])
    .where('application_id', '=', applicationId)
    .where('body_code', '=', bodyCode)
    .orderBy('seq')
    .execute();
  return rows.map(
    (row) => revive({ ...row.details, type: row.type, at: row.at.toISOString() }) as AppealAction,
  );
}

/** Appends actions to the appeal's history at a body (the caller holds the application lock). */
export async function appendActions(
  trx: Database,
  applicationId: string,
  bodyCode: string,
  actions: AppealAction[],
): Promise<void> {
  const last = await trx
    .selectFrom('otinish_action')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .where('application_id', '=', applicationId)
    .where('body_code', '=', bodyCode)
    .executeTakeFirstOrThrow();
  let seq = Number(last.seq);
  for (const action of actions) {
    const { type, at, ...details } = action;
    seq += 1;
    await trx
      .insertInto('otinish_action')
      .values({
        application_id: applicationId,
        body_code: bodyCode,
        seq,
        type,
        at,
        details: JSON.stringify(details),
      })
      .execute();
  }
}

/** What registering one appeal writes: its row, its coupon and the first actions at the body. */
export interface RegistrationRows {
  appeal: AppealRow;
  coupon: CouponRow;
  actions: AppealAction[];
}

/**
 * Writes the registrations of several appeals in one statement whatever their number: the
 * appeal rows, their coupons and the first actions of their histories at the receiving body
 * (seq 1, 2, …: registration starts a history, and the primary key refuses a second start).
 * The foreign keys to the appeals are checked at the statement's end, when they are there.
 */
export async function insertRegistrations(
  trx: Database,
  registrations: RegistrationRows[],
): Promise<void> {
  if (registrations.length === 0) return;
  const a = registrations.map((r) => r.appeal);
  const c = registrations.map((r) => r.coupon);
  const actions = registrations.flatMap(({ coupon, actions }) =>
    actions.map(({ type, at, ...details }, i) => ({ coupon, seq: i + 1, type, at, details })),
  );
  await sql`
    with appeal as (
      insert into otinish_appeal (application_id, kind, category, region, district, topic,
        anonymous, reports_crime, reports_threat, considered, public_proposal, first_body_code,
        received_at, complaint_of)
      select * from unnest(${a.map((x) => x.application_id)}::uuid[], ${a.map((x) => x.kind)}::text[],
        ${a.map((x) => x.category)}::text[], ${a.map((x) => x.region)}::text[],
        ${a.map((x) => x.district)}::text[], ${a.map((x) => x.topic)}::text[],
        ${a.map((x) => x.anonymous)}::bool[], ${a.map((x) => x.reports_crime)}::bool[],
        ${a.map((x) => x.reports_threat)}::bool[], ${a.map((x) => x.considered)}::bool[],
        ${a.map((x) => x.public_proposal)}::bool[], ${a.map((x) => x.first_body_code)}::text[],
        ${a.map((x) => x.received_at)}::timestamptz[], ${a.map((x) => x.complaint_of)}::uuid[])
    ), coupon as (
      insert into otinish_coupon (number, application_id, body_code, received_at,
        registration_date)
      select * from unnest(${c.map((x) => x.number)}::text[], ${c.map((x) => x.applicationId)}::uuid[],
        ${c.map((x) => x.bodyCode)}::text[], ${c.map((x) => x.receivedAt)}::timestamptz[],
        ${c.map((x) => x.registrationDate)}::date[])
    )
    insert into otinish_action (application_id, body_code, seq, type, at, details)
    select * from unnest(${actions.map((x) => x.coupon.applicationId)}::uuid[],
      ${actions.map((x) => x.coupon.bodyCode)}::text[], ${actions.map((x) => x.seq)}::int[],
      ${actions.map((x) => x.type)}::text[], ${actions.map((x) => x.at)}::timestamptz[],
      ${actions.map((x) => JSON.stringify(x.details))}::jsonb[])`.execute(trx);
}

/** Applications of the appeal services that have no appeal row yet (intake interrupted). */
export async function unregisteredApplications(db: Database, serviceIds: string[], limit: number) {
  return db
    .selectFrom('services_application as a')
    .leftJoin('otinish_appeal as o', 'o.application_id', 'a.id')
    .select([
      'a.id',
      'a.service_id',
      'a.agency_code',
      'a.submitted_at',
      'a.form_values',
      'a.applicant_person_id',
    ])
    .where('a.service_id', 'in', serviceIds)
    .where('o.application_id', 'is', null)
    .orderBy('a.submitted_at')
    .limit(limit)
    .execute();
}

export async function addSupporter(
  trx: Database,
  applicationId: string,
  personId: string,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .insertInto('otinish_supporter')
    .values({ application_id: applicationId, person_id: personId, joined_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function supporterCount(db: Database, applicationId: string): Promise<number> {
  const row = await db
    .selectFrom('otinish_supporter')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The agency's parent (the higher body), by code. */
export async function higherBodyOf(db: Database, agencyCode: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('identity_agency as a')
    .innerJoin('identity_agency as p', 'p.id', 'a.parent_id')
    .select('p.code')
    .where('a.code', '=', agencyCode)
    .executeTakeFirst();
  return row?.code;
}

export async function agencyExists(db: Database, code: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('identity_agency')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst()) !== undefined
  );
}

/** Every agency's name in kk, ru and en, by code. */
export async function agencyNames(db: Database): Promise<Map<string, Record<Locale, string>>> {
  const rows = await db
    .selectFrom('identity_agency')
    .select(['code', 'name_kk', 'name_ru', 'name_en'])
    .execute();
  return new Map(
    rows.map((row) => [row.code, { kk: row.name_kk, ru: row.name_ru, en: row.name_en }]),
  );
}

/** Appeals with their engine application, for lists, clusters and statistics. */
export function appealsWithApplications(db: Database) {
  return db
    .selectFrom('otinish_appeal as o')
    .innerJoin('services_application as a', 'a.id', 'o.application_id')
    .selectAll('o')
    .select(['a.agency_code', 'a.state', 'a.applicant_person_id', 'a.reference', 'a.service_id']);
}
