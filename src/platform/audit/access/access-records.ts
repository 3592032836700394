import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../errors.js';
import { appendEntries, prepareEvent } from '../append-entries.js';

/** A read of a person's data, as the block that served it records it. */
export interface AccessRecordInput {
  /** The person whose data was read (identity person id). */
  personId: string;
  /** The account that read it; null for a system or a bridge client. */
  accessorAccountId: string | null;
  /** Who read it, as the person will see it: an officer's name or a system's name. */
  accessorName: string;
  /** The reader's organisation or agency, as the person will see it. */
  accessorOrganisation: string;
  purpose: string;
  legalBasis: string;
  /** Which fields were read, e.g. `['address', 'birthDate']`. */
  fields: string[];
  /** The registry or bridge service the data came from. */
  source: string;
  /** Seal at once: disclosure deferred under this legal basis until a decision lifts it. */
  seal?: SealDecision;
}

/** A decision to seal an access record or to lift its seal, and who recorded it. */
export interface SealDecision {
  legalBasis: string;
  decidedByAccountId: string | null;
}

/** An access record as the person sees it. */
export interface AccessRecordView {
  id: string;
  accessedAt: Date;
  accessorName: string;
  accessorOrganisation: string;
  purpose: string;
  legalBasis: string;
  fields: string[];
  source: string;
}

export interface AccessRecordPage {
  records: AccessRecordView[];
  page: number;
  pageCount: number;
  total: number;
}

export const ACCESS_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Kysely cannot nest transactions: join the caller's, or open one. */
const inTransaction = <T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/**
 * Records that someone read a person's data, inside the caller's transaction when given one (so
 * the record commits with the read it describes), else in its own. With `seal`, the record is
 * sealed at once and the sealing is audited.
 *
 * Outcomes: the new record's id; DomainError AUDIT_ACCESS_RECORD_INVALID (400) naming the
 * fields that are missing or malformed; nothing is written then.
 */
export async function recordAccess(
  db: Database,
  now: Date,
  input: AccessRecordInput,
): Promise<{ id: string }> {
  checkAccessRecord(input);
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('access_record')
      .values({
        person_id: input.personId,
        accessed_at: now,
        accessor_account_id: input.accessorAccountId,
        accessor_name: input.accessorName.trim(),
        accessor_organisation: input.accessorOrganisation.trim(),
        purpose: input.purpose.trim(),
        legal_basis: input.legalBasis.trim(),
        fields: input.fields,
        source: input.source.trim(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.seal) await decide(trx, now, id, true, input.seal);
    return { id };
  });
}

/**
 * Seals an access record: it disappears from the person's list until the seal is lifted. The
 * decision and an audit entry (`access.seal`) are written in one transaction.
 *
 * Outcomes: done; AUDIT_ACCESS_RECORD_NOT_FOUND (404); AUDIT_ACCESS_ALREADY_SEALED (409);
 * AUDIT_ACCESS_RECORD_INVALID (400) without a legal basis.
 */
export async function sealAccessRecord(
  db: Database,
  now: Date,
  recordId: string,
  decision: SealDecision,
): Promise<void> {
  await changeSeal(db, now, recordId, true, decision);
}

/**
 * Lifts the seal of an access record, so the person sees it again; audited as `access.unseal`.
 *
 * Outcomes: done; AUDIT_ACCESS_RECORD_NOT_FOUND (404); AUDIT_ACCESS_NOT_SEALED (409);
 * AUDIT_ACCESS_RECORD_INVALID (400) without a legal basis.
 */
export async function unsealAccessRecord(
  db: Database,
  now: Date,
  recordId: string,
  decision: SealDecision,
): Promise<void> {
  await changeSeal(db, now, recordId, false, decision);
}

/**
 * The person's access records that are not sealed, newest first, one page at a time (pages
 * count from 1; a page past the end is empty). Reads only.
 */
export async function listAccessForPerson(
  db: Database,
  personId: string,
  page: number,
  pageSize = ACCESS_PAGE_SIZE,
): Promise<AccessRecordPage> {
  const current = Number.isInteger(page) && page >= 1 ? page : 1;
  const visible = db
    .selectFrom('access_record as r')
    .where('r.person_id', '=', personId)
    // The latest decision on a record is in force; no decision means never sealed.
    .where(
      sql<boolean>`coalesce((select d.sealed from access_seal_decision d
                             where d.access_record_id = r.id order by d.id desc limit 1), false)`,
      '=',
      false,
    );
  const [{ total } = { total: 0 }] = await visible
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await visible
    .select([
      'r.id',
      'r.accessed_at',
      'r.accessor_name',
      'r.accessor_organisation',
      'r.purpose',
      'r.legal_basis',
      'r.fields',
      'r.source',
    ])
    .orderBy('r.accessed_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .execute();
  return {
    records: rows.map((row) => ({
      id: row.id,
      accessedAt: row.accessed_at,
      accessorName: row.accessor_name,
      accessorOrganisation: row.accessor_organisation,
      purpose: row.purpose,
      legalBasis: row.legal_basis,
      fields: row.fields,
      source: row.source,
    })),
    page: current,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
    total: Number(total),
  };
}

async function changeSeal(
  db: Database,
  now: Date,
  recordId: string,
  sealed: boolean,
  decision: SealDecision,
): Promise<void> {
  if (!decision.legalBasis?.trim())
    throw new DomainError('AUDIT_ACCESS_RECORD_INVALID', 400, {}, [
      { field: 'legalBasis', code: 'VALIDATION_REQUIRED' },
    ]);
  if (!UUID.test(recordId)) throw new DomainError('AUDIT_ACCESS_RECORD_NOT_FOUND', 404);
  await inTransaction(db, async (trx) => {
    // Lock the record so two decisions on it are taken one after the other.
    const record = await sql<{ sealed: boolean | null }>`
      select (select d.sealed from access_seal_decision d
              where d.access_record_id = r.id order by d.id desc limit 1) as sealed
      from access_record r where r.id = ${recordId} for update`.execute(trx);
    const found = record.rows[0];
    if (!found) throw new DomainError('AUDIT_ACCESS_RECORD_NOT_FOUND', 404);
    const isSealed = found.sealed === true;
    if (sealed && isSealed) throw new DomainError('AUDIT_ACCESS_ALREADY_SEALED', 409);
    if (!sealed && !isSealed) throw new DomainError('AUDIT_ACCESS_NOT_SEALED', 409);
    await decide(trx, now, recordId, sealed, decision);
  });
}

/** Writes the decision and its audit entry in the caller's transaction. */
async function decide(
  trx: Database,
  now: Date,
  recordId: string,
  sealed: boolean,
  decision: SealDecision,
): Promise<void> {
  await trx
    .insertInto('access_seal_decision')
    .values({
      access_record_id: recordId,
      sealed,
      legal_basis: decision.legalBasis.trim(),
      decided_by_account_id: decision.decidedByAccountId,
      decided_at: now,
    })
    .execute();
  // Audited in the same transaction: a seal without its audit entry cannot exist.
  await appendEntries(trx, [
    prepareEvent(
      {
        action: sealed ? 'access.seal' : 'access.unseal',
        outcome: 'success',
        actorAccountId: decision.decidedByAccountId,
        subject: recordId,
        details: { legalBasis: decision.legalBasis.trim() },
      },
      now,
    ),
  ]);
}

/**
 * Checks an access record before it is written (recordAccess does it; a batched writer calls it
 * first). Outcomes: nothing; DomainError AUDIT_ACCESS_RECORD_INVALID naming each bad field.
 */
export function checkAccessRecord(input: AccessRecordInput): void {
  const problems: { field: string; code: string }[] = [];
  const text = (field: keyof AccessRecordInput, max: number) => {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '')
      problems.push({ field, code: 'VALIDATION_REQUIRED' });
    else if (value.trim().length > max) problems.push({ field, code: 'VALIDATION_INVALID_VALUE' });
  };
  if (typeof input.personId !== 'string' || !UUID.test(input.personId))
    problems.push({ field: 'personId', code: 'VALIDATION_INVALID_VALUE' });
  if (input.accessorAccountId !== null && !UUID.test(String(input.accessorAccountId)))
    problems.push({ field: 'accessorAccountId', code: 'VALIDATION_INVALID_VALUE' });
  text('accessorName', 500);
  text('accessorOrganisation', 500);
  text('purpose', 1000);
  text('legalBasis', 1000);
  text('source', 200);
  if (
    !Array.isArray(input.fields) ||
    input.fields.length === 0 ||
    input.fields.some((field) => typeof field !== 'string' || field.trim() === '')
  )
    problems.push({ field: 'fields', code: 'VALIDATION_REQUIRED' });
  if (input.seal && !input.seal.legalBasis?.trim())
    problems.push({ field: 'seal.legalBasis', code: 'VALIDATION_REQUIRED' });
  if (problems.length > 0) throw new DomainError('AUDIT_ACCESS_RECORD_INVALID', 400, {}, problems);
}
