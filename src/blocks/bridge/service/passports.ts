import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../../../platform/crypto/canonical-json.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import type { Database } from '../../../platform/db/database.js';
import { isEndpoint, type Endpoint } from '../domain/endpoint-pattern.js';
import { formatServiceId, IDENTIFIER_PART, type ServiceAddress } from '../domain/member-id.js';
import '../repo/tables.js';
import {
  audit,
  inTransaction,
  isUniqueViolation,
  UUID,
  type Actor,
  type BridgeDeps,
} from './deps.js';
import { announce } from './caches.js';
import { assertManager, findSubsystem } from './members.js';

/** What a passport says, version by version. */
export interface PassportContent {
  purpose: string;
  legalBasis: string;
  /** Classes of personal data the service returns (`address`, `birthDate`, …); may be empty. */
  dataClasses: string[];
  /** The service's OpenAPI 3 document: its `paths` name the endpoints contracts grant. */
  openapi: Record<string, unknown>;
  /** Where the gateway forwards calls: `http://10.0.0.5:8080/population` (no query). */
  baseUrl: string;
  ratePerSecond: number;
  maxBodyBytes: number;
  /** How long the gateway waits for the provider's answer. */
  timeoutMs: number;
  /** `json`: the gateway refuses any answer that is not JSON (502). */
  answerFormat: 'json' | 'any';
  consentRequired: boolean;
  /**
   * The name of the person's identifier in requests (`iin`): a `{iin}` segment of an OpenAPI
   * path, or a top-level field of a JSON body. Calls that carry one write an access record.
   */
  personIdField: string | null;
}

export interface Passport extends PassportContent {
  id: string;
  /** `KZ/GOV/070540001234/population/read-person` */
  service: string;
  serviceCode: string;
  subsystemId: string;
  ownerMemberId: string;
  ownerName: string;
  address: Omit<ServiceAddress, 'rest'>;
  version: number;
  publishedAt: Date;
  history: { version: number; publishedAt: Date }[];
}

/** Service codes the metadata API uses in the same place of the path. */
const RESERVED_CODES = new Set(['listMethods', 'allowedMethods', 'getOpenAPI', 'listClients']);
export const MAX_GATEWAY_BODY = 10 * 1024 * 1024;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A field of a JSON body, nested by dots (`query.content.iin`, as GovStack's Data API puts it). */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7}$/;
const HTTP_METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

/** The endpoints an OpenAPI document names: each method of each path. */
export function endpointsOf(openapi: Record<string, unknown>): Endpoint[] {
  const paths = openapi['paths'];
  if (!paths || typeof paths !== 'object') return [];
  const endpoints: Endpoint[] = [];
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of Object.keys(item)) {
      if (HTTP_METHODS.includes(method)) endpoints.push({ method: method.toUpperCase(), path });
    }
  }
  return endpoints;
}

function checkContent(input: PassportContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = (field: 'purpose' | 'legalBasis', max: number) => {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '' || value.length > max)
      problems.push({ field, code: 'VALIDATION_INVALID_VALUE' });
  };
  text('purpose', 1000);
  text('legalBasis', 1000);
  if (input.dataClasses.some((c) => !FIELD_NAME.test(c)))
    problems.push({ field: 'dataClasses', code: 'VALIDATION_INVALID_VALUE' });
  const openapi = input.openapi;
  const endpoints = endpointsOf(openapi);
  if (
    typeof openapi['openapi'] !== 'string' ||
    !/^3\./.test(openapi['openapi']) ||
    endpoints.length === 0 ||
    !endpoints.every(isEndpoint)
  )
    problems.push({ field: 'openapi', code: 'BRIDGE_PASSPORT_OPENAPI_INVALID' });
  let url: URL | undefined;
  try {
    url = new URL(input.baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username)
    problems.push({ field: 'baseUrl', code: 'VALIDATION_INVALID_VALUE' });
  if (!Number.isInteger(input.ratePerSecond) || input.ratePerSecond < 1)
    problems.push({ field: 'ratePerSecond', code: 'VALIDATION_INVALID_VALUE' });
  if (
    !Number.isInteger(input.maxBodyBytes) ||
    input.maxBodyBytes < 0 ||
    input.maxBodyBytes > MAX_GATEWAY_BODY
  )
    problems.push({ field: 'maxBodyBytes', code: 'VALIDATION_INVALID_VALUE' });
  if (!Number.isInteger(input.timeoutMs) || input.timeoutMs < 1 || input.timeoutMs > 120_000)
    problems.push({ field: 'timeoutMs', code: 'VALIDATION_INVALID_VALUE' });
  if (input.personIdField !== null && !FIELD_PATH.test(input.personIdField))
    problems.push({ field: 'personIdField', code: 'VALIDATION_INVALID_VALUE' });
  // A service that reads a person's data must say which: the person sees it.
  if (input.personIdField !== null && input.dataClasses.length === 0)
    problems.push({ field: 'dataClasses', code: 'VALIDATION_REQUIRED' });
  if (input.consentRequired && input.personIdField === null)
    problems.push({ field: 'personIdField', code: 'VALIDATION_REQUIRED' });
  return problems;
}

/**
 * Publishes a new service passport of a provider subsystem, as version 1. Audited as
 * `bridge.passport-publish`. Only the owner member's managers (or an administrator) publish.
 *
 * Outcomes: the passport; BRIDGE_PASSPORT_INVALID (400) naming each bad field;
 * BRIDGE_SUBSYSTEM_NOT_FOUND (404); BRIDGE_NOT_MEMBER_MANAGER (403); BRIDGE_PASSPORT_EXISTS (409); BRIDGE_MEMBER_FOREIGN (409)
 * for a subsystem of another instance's member.
 */
export async function publishPassport(
  deps: BridgeDeps,
  actor: Actor,
  input: PassportContent & { subsystemId: string; serviceCode: string },
): Promise<Passport> {
  const subsystem = await findSubsystem(deps.db, input.subsystemId);
  if (!subsystem) throw new DomainError('BRIDGE_SUBSYSTEM_NOT_FOUND', 404);
  await assertManager(deps.db, actor, subsystem.memberId);
  // A member of another instance publishes through its own deployment.
  if (subsystem.instance !== deps.instance) throw new DomainError('BRIDGE_MEMBER_FOREIGN', 409);
  const problems = checkContent(input);
  if (!IDENTIFIER_PART.test(input.serviceCode) || RESERVED_CODES.has(input.serviceCode))
    problems.push({ field: 'serviceCode', code: 'BRIDGE_ID_PART_INVALID' });
  if (problems.length > 0) throw new DomainError('BRIDGE_PASSPORT_INVALID', 400, {}, problems);
  const now = deps.now();
  try {
    const id = await inTransaction(deps.db, async (trx) => {
      const row = await trx
        .insertInto('bridge_passport')
        .values({ subsystem_id: subsystem.id, service_code: input.serviceCode, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertVersion(trx, row.id, 1, input, now, actor);
      return row.id;
    });
    return (await findPassport(deps.db, id))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('BRIDGE_PASSPORT_EXISTS', 409);
    throw error;
  }
}

/**
 * Publishes the next version of a passport; earlier versions stay as they were. Audited as
 * `bridge.passport-publish`.
 *
 * Outcomes: the passport at its new version; BRIDGE_PASSPORT_INVALID (400);
 * BRIDGE_PASSPORT_NOT_FOUND (404); BRIDGE_NOT_MEMBER_MANAGER (403).
 */
export async function publishPassportVersion(
  deps: BridgeDeps,
  actor: Actor,
  passportId: string,
  input: PassportContent,
): Promise<Passport> {
  const current = await findPassport(deps.db, passportId);
  if (!current) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
  await assertManager(deps.db, actor, current.ownerMemberId);
  const problems = checkContent(input);
  if (problems.length > 0) throw new DomainError('BRIDGE_PASSPORT_INVALID', 400, {}, problems);
  await announce(deps.caches.passports, current.service, deps.db, async (trx) => {
    // One publisher at a time: versions follow each other without gaps.
    await sql`select 1 from bridge_passport where id = ${passportId} for update`.execute(trx);
    const last = await trx
      .selectFrom('bridge_passport_version')
      .select(sql<number>`max(version)`.as('version'))
      .where('passport_id', '=', passportId)
      .executeTakeFirstOrThrow();
    await insertVersion(trx, passportId, Number(last.version) + 1, input, deps.now(), actor);
  });
  return (await findPassport(deps.db, passportId))!;
}

async function insertVersion(
  trx: Database,
  passportId: string,
  version: number,
  input: PassportContent,
  now: Date,
  actor: Actor,
) {
  await trx
    .insertInto('bridge_passport_version')
    .values({
      passport_id: passportId,
      version,
      purpose: input.purpose.trim(),
      legal_basis: input.legalBasis.trim(),
      data_classes: input.dataClasses,
      openapi: JSON.stringify(input.openapi),
      base_url: input.baseUrl.replace(/\/$/, ''),
      rate_per_second: input.ratePerSecond,
      max_body_bytes: input.maxBodyBytes,
      timeout_ms: input.timeoutMs,
      answer_format: input.answerFormat,
      consent_required: input.consentRequired,
      person_id_field: input.personIdField,
      published_at: now,
      published_by_account_id: actor.accountId,
    })
    .execute();
  await audit(trx, now, {
    action: 'bridge.passport-publish',
    outcome: 'success',
    actorAccountId: actor.accountId,
    subject: passportId,
    details: { version },
  });
}

function passportQuery(db: Database) {
  return db
    .selectFrom('bridge_passport as p')
    .innerJoin('bridge_subsystem as s', 's.id', 'p.subsystem_id')
    .innerJoin('bridge_member as m', 'm.id', 's.member_id')
    .innerJoin('bridge_passport_version as v', 'v.passport_id', 'p.id')
    .where(
      'v.version',
      '=',
      sql<number>`(select max(version) from bridge_passport_version where passport_id = p.id)`,
    )
    .select([
      'p.id',
      'p.service_code',
      'p.subsystem_id',
      's.code as subsystem',
      'm.id as member_id',
      'm.name as member_name',
      'm.instance',
      'm.member_class',
      'm.member_code',
      'v.version',
      'v.purpose',
      'v.legal_basis',
      'v.data_classes',
      'v.openapi',
      'v.base_url',
      'v.rate_per_second',
      'v.max_body_bytes',
      'v.timeout_ms',
      'v.answer_format',
      'v.consent_required',
      'v.person_id_field',
      'v.published_at',
    ]);
}

type PassportRow = Awaited<ReturnType<ReturnType<typeof passportQuery>['execute']>>[number];

function toPassport(row: PassportRow, history: Passport['history']): Passport {
  const address = {
    instance: row.instance,
    memberClass: row.member_class,
    memberCode: row.member_code,
    subsystem: row.subsystem,
    service: row.service_code,
  };
  return {
    id: row.id,
    service: formatServiceId(address),
    serviceCode: row.service_code,
    subsystemId: row.subsystem_id,
    ownerMemberId: row.member_id,
    ownerName: row.member_name,
    address,
    version: row.version,
    publishedAt: row.published_at,
    history,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    dataClasses: row.data_classes,
    openapi: row.openapi as Record<string, unknown>,
    baseUrl: row.base_url,
    ratePerSecond: row.rate_per_second,
    maxBodyBytes: row.max_body_bytes,
    timeoutMs: row.timeout_ms,
    answerFormat: row.answer_format,
    consentRequired: row.consent_required,
    personIdField: row.person_id_field,
  };
}

/** A passport at its current version, with its version history. Outcomes: it; undefined. */
export async function findPassport(db: Database, id: string): Promise<Passport | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await passportQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const history = await db
    .selectFrom('bridge_passport_version')
    .select(['version', 'published_at'])
    .where('passport_id', '=', id)
    .orderBy('version')
    .execute();
  return toPassport(
    row,
    history.map((h) => ({ version: h.version, publishedAt: h.published_at })),
  );
}

/**
 * The passport a gateway path addresses, at its current version (without its history: the
 * gateway's hot path). Outcomes: it; undefined when no such service is published.
 */
export async function findPassportByAddress(
  db: Database,
  address: Omit<ServiceAddress, 'rest'>,
): Promise<Passport | undefined> {
  const row = await passportQuery(db)
    .where('m.instance', '=', address.instance)
    .where('m.member_class', '=', address.memberClass)
    .where('m.member_code', '=', address.memberCode)
    .where('s.code', '=', address.subsystem)
    .where('p.service_code', '=', address.service)
    .executeTakeFirst();
  return row && toPassport(row, []);
}

/** The catalogue: every passport at its current version, by service id; optionally one provider. */
export async function listPassports(
  db: Database,
  filter: { subsystemId?: string } = {},
): Promise<Passport[]> {
  let query = passportQuery(db);
  if (filter.subsystemId) query = query.where('p.subsystem_id', '=', filter.subsystemId);
  const rows = await query
    .orderBy('m.member_class')
    .orderBy('m.member_code')
    .orderBy('s.code')
    .orderBy('p.service_code')
    .execute();
  return rows.map((row) => toPassport(row, []));
}

/**
 * What a person consents to: the passport's purpose, legal basis and data classes. A new
 * version that changes none of them keeps the persons' consents; one that does asks again.
 */
export const consentRevision = (passport: Passport): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        service: passport.service,
        purpose: passport.purpose,
        legalBasis: passport.legalBasis,
        dataClasses: passport.dataClasses,
      }),
    )
    .digest('hex');
