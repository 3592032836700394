import crypto from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import type { Condition, RecordData } from '../domain/record-values.js';
import type { RecordOperation } from './tables.js';
import './tables.js';

/** A record's current state. */
export interface StoredRecord {
  id: string;
  registryId: number;
  revision: number;
  data: RecordData;
  subjectPersonId: string | null;
  deleted: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecordVersion {
  revision: number;
  operation: RecordOperation;
  data: RecordData;
  authorAccountId: string | null;
  authorName: string;
  authorOrganisation: string;
  reason: string;
  recordedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const columns = (db: Database) =>
  db
    .selectFrom('registry_record')
    .select([
      'id',
      'registry_id as registryId',
      'revision',
      'data',
      'subject_person_id as subjectPersonId',
      'deleted',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ]);

/**
 * `data->>'field' = value` written exactly as the expression index is, with the registry id as
 * a literal, so the planner matches the partial index whatever plan the statement gets.
 */
const matches = (registryId: number, condition: Condition) =>
  sql<SqlBool>`registry_id = ${sql.lit(registryId)} and (data ->> ${sql.lit(condition.field.name)}) = ${condition.text}`;

export interface RecordFilter {
  registryId: number;
  conditions: Condition[];
  recordId?: string;
  /** Case-insensitive substring in one field, or anywhere in the record when field is absent. */
  search?: { text: string; field?: string };
}

/** Live records matching every condition, oldest first, one page at a time. */
export async function findRecords(
  db: Database,
  filter: RecordFilter,
  page: { limit: number; offset: number; descending?: boolean; lock?: boolean },
): Promise<StoredRecord[]> {
  // Written as one SQL template rather than with the query builder: this is the hot path of
  // every registry read, and the template compiles in a fraction of the time.
  const where = [
    sql`registry_id = ${sql.lit(filter.registryId)}`,
    sql`not deleted`,
    ...filter.conditions.map(
      (condition) => sql`(data ->> ${sql.lit(condition.field.name)}) = ${condition.text}`,
    ),
  ];
  if (filter.recordId !== undefined) {
    if (!isUuid(filter.recordId)) return [];
    where.push(sql`id = ${filter.recordId}`);
  }
  if (filter.search) {
    const pattern = `%${filter.search.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(
      filter.search.field
        ? sql`(data ->> ${sql.lit(filter.search.field)}) ilike ${pattern}`
        : sql`data::text ilike ${pattern}`,
    );
  }
  const direction = sql.raw(page.descending ? 'desc' : 'asc');
  const result = await sql<StoredRecord>`
    select id, registry_id as "registryId", revision, data, subject_person_id as "subjectPersonId",
           deleted, created_at as "createdAt", updated_at as "updatedAt"
    from registry_record
    where ${sql.join(where, sql` and `)}
    order by created_at ${direction}, id ${direction}
    limit ${sql.lit(page.limit)} offset ${sql.lit(page.offset)}
    ${page.lock ? sql`for update` : sql``}`.execute(db);
  return result.rows;
}

/** Who reads, why and under which law: what a read's access record says (see findAndNote). */
export interface ReadNote {
  at: Date;
  accessorAccountId: string | null;
  accessorName: string;
  accessorOrganisation: string;
  purpose: string;
  legalBasis: string;
  source: string;
  /** The personal fields that count as read, in definition order; a record names those it has. */
  fields: string[];
}

/** One point look-up of a batch: the first live record matching, and the note of its read. */
export interface NotedLookUp {
  registryId: number;
  conditions: Condition[];
  recordId?: string;
  note: ReadNote;
}

/**
 * Many point look-ups (the first live record matching each, oldest first) and the access records
 * of what they find, in one statement: each found record that is about a person and has one of
 * its note's fields gets an access record and a link. Outside a transaction the statement commits
 * before any row reaches the caller (the driver hands over a result when the server is ready for
 * the next statement, which is after the commit and its flush), so no record leaves before its
 * access record is durable. Look-ups of one shape (registry, fields, by id or not) share one
 * `lateral` sub-query that names the registry and the fields literally, so each look-up is one
 * descent of the registry's partial index whatever the batch holds.
 *
 * Outcomes: one record or undefined per look-up, in order; throws the database error (nothing
 * is written).
 */
export async function findAndNote(
  db: Database,
  lookUps: NotedLookUp[],
): Promise<(StoredRecord | undefined)[]> {
  const shapes = new Map<string, { index: number; lookUp: NotedLookUp }>();
  const rows = lookUps.map((lookUp, n) => {
    const key = [
      lookUp.registryId,
      lookUp.recordId !== undefined,
      ...lookUp.conditions.map((condition) => condition.field.name),
    ].join('\u0000');
    let shape = shapes.get(key);
    if (!shape) {
      shape = { index: shapes.size, lookUp };
      shapes.set(key, shape);
    }
    return {
      n,
      shape: shape.index,
      vals: lookUp.conditions.map((condition) => condition.text),
      record_id: lookUp.recordId !== undefined && isUuid(lookUp.recordId) ? lookUp.recordId : null,
      access_id: accessRecordId(lookUp.note.at),
      at: lookUp.note.at,
      accessor_account_id: lookUp.note.accessorAccountId,
      accessor_name: lookUp.note.accessorName,
      accessor_organisation: lookUp.note.accessorOrganisation,
      purpose: lookUp.note.purpose,
      legal_basis: lookUp.note.legalBasis,
      source: lookUp.note.source,
      fields: lookUp.note.fields,
    };
  });
  const found = [...shapes.values()].map(({ index, lookUp }) => {
    const where = [
      sql`registry_id = ${sql.lit(lookUp.registryId)}`,
      sql`not deleted`,
      ...lookUp.conditions.map(
        (condition, i) =>
          sql`(data ->> ${sql.lit(condition.field.name)}) = (q.vals ->> ${sql.lit(i)})`,
      ),
      ...(lookUp.recordId !== undefined ? [sql`id = q.record_id`] : []),
    ];
    return sql`
      select q.n, r.* from batch q cross join lateral (
        select id, registry_id as "registryId", revision, data,
               subject_person_id as "subjectPersonId", deleted, created_at as "createdAt",
               updated_at as "updatedAt"
        from registry_record where ${sql.join(where, sql` and `)}
        order by created_at, id limit 1) r
      where q.shape = ${sql.lit(index)}`;
  });
  const result = await sql<StoredRecord & { n: number }>`
    with batch as materialized (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as q (
        n integer, shape integer, vals jsonb, record_id uuid, access_id uuid, at timestamptz,
        accessor_account_id uuid, accessor_name text, accessor_organisation text, purpose text,
        legal_basis text, source text, fields text[])),
    found as materialized (${sql.join(found, sql` union all `)}),
    noted as materialized (
      select q.*, f.id as record_id_found, f."registryId", f."subjectPersonId",
             array(select p.name from unnest(q.fields) with ordinality as p (name, i)
                   where f.data ? p.name order by p.i) as read
      from found f join batch q on q.n = f.n
      where f."subjectPersonId" is not null),
    written as (
      insert into access_record (id, person_id, accessed_at, accessor_account_id, accessor_name,
                                 accessor_organisation, purpose, legal_basis, fields, source)
      select access_id, "subjectPersonId", at, accessor_account_id, accessor_name,
             accessor_organisation, purpose, legal_basis, read, source
      from noted where cardinality(read) > 0),
    linked as (
      insert into registry_access_link (access_record_id, registry_id, record_id)
      select access_id, "registryId", record_id_found from noted where cardinality(read) > 0)
    select * from found`.execute(db);
  const byLookUp: (StoredRecord | undefined)[] = lookUps.map(() => undefined);
  for (const { n, ...record } of result.rows) byLookUp[n] = record;
  return byLookUp;
}

/** One record by id (deleted ones too), optionally locked for a write. */
export function findRecordById(
  db: Database,
  registryId: number,
  id: string,
  lock = false,
): Promise<StoredRecord | undefined> {
  if (!isUuid(id)) return Promise.resolve(undefined);
  let query = columns(db).where('id', '=', id).where('registry_id', '=', registryId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<StoredRecord | undefined>;
}

/** True when a live record of the registry has this value in the field (index look-up). */
export async function valueExists(
  db: Database,
  registryId: number,
  condition: Condition,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('registry_record')
    .select(sql<number>`1`.as('one'))
    .where(matches(registryId, condition))
    .where('deleted', '=', false);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export interface VersionInput {
  operation: RecordOperation;
  data: RecordData;
  subjectPersonId: string | null;
  authorAccountId: string | null;
  authorName: string;
  authorOrganisation: string;
  reason: string;
  now: Date;
}

/** Inserts a new record with its first version. */
export async function insertRecord(
  trx: Database,
  registryId: number,
  input: VersionInput,
): Promise<StoredRecord> {
  const row = await trx
    .insertInto('registry_record')
    .values({
      registry_id: registryId,
      revision: 1,
      data: JSON.stringify(input.data),
      subject_person_id: input.subjectPersonId,
      deleted: false,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(trx, row.id, registryId, 1, input);
  return {
    id: row.id,
    registryId,
    revision: 1,
    data: input.data,
    subjectPersonId: input.subjectPersonId,
    deleted: false,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** Writes the next version of a record (locked by the caller) and its current view. */
export async function appendVersion(
  trx: Database,
  current: StoredRecord,
  input: VersionInput,
): Promise<StoredRecord> {
  const revision = current.revision + 1;
  const deleted = input.operation === 'delete';
  await trx
    .updateTable('registry_record')
    .set({
      revision,
      data: JSON.stringify(input.data),
      subject_person_id: input.subjectPersonId,
      deleted,
      updated_at: input.now,
    })
    .where('id', '=', current.id)
    .execute();
  await insertVersion(trx, current.id, current.registryId, revision, input);
  return {
    ...current,
    revision,
    data: input.data,
    subjectPersonId: input.subjectPersonId,
    deleted,
    updatedAt: input.now,
  };
}

async function insertVersion(
  trx: Database,
  recordId: string,
  registryId: number,
  revision: number,
  input: VersionInput,
): Promise<void> {
  await trx
    .insertInto('registry_record_version')
    .values({
      record_id: recordId,
      revision,
      registry_id: registryId,
      operation: input.operation,
      data: JSON.stringify(input.data),
      author_account_id: input.authorAccountId,
      author_name: input.authorName,
      author_organisation: input.authorOrganisation,
      reason: input.reason,
      recorded_at: input.now,
    })
    .execute();
}

/** Every version of a record, oldest first. */
export function listVersions(db: Database, recordId: string): Promise<RecordVersion[]> {
  return db
    .selectFrom('registry_record_version')
    .select([
      'revision',
      'operation',
      'data',
      'author_account_id as authorAccountId',
      'author_name as authorName',
      'author_organisation as authorOrganisation',
      'reason',
      'recorded_at as recordedAt',
    ])
    .where('record_id', '=', recordId)
    .orderBy('revision')
    .execute() as Promise<RecordVersion[]>;
}

/** Links access records to the registry records they were about, in one statement. */
export async function insertAccessLinks(
  trx: Database,
  links: { accessRecordId: string; registryId: number; recordId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await trx
    .insertInto('registry_access_link')
    .values(
      links.map((link) => ({
        access_record_id: link.accessRecordId,
        registry_id: link.registryId,
        record_id: link.recordId,
      })),
    )
    .execute();
}

/** An unsealed access record and the registry record it is about, for insertAccessRecords. */
export interface AccessRow {
  at: Date;
  personId: string;
  accessorAccountId: string | null;
  accessorName: string;
  accessorOrganisation: string;
  purpose: string;
  legalBasis: string;
  fields: string[];
  source: string;
  registryId: number;
  recordId: string;
}

/**
 * Writes unsealed access records and their links in one statement (one round trip, atomic on
 * its own). The group-commit path of registry reads: the same rows recordAccess writes, its
 * checks left to the table's constraints (a violation fails the statement, and the caller writes
 * the rows again one by one through recordAccess, which names the problem). The batch travels as
 * one JSON parameter, so the statement's text is the same for every batch: no query to build per
 * batch, whatever its size.
 */
export async function insertAccessRecords(db: Database, rows: AccessRow[]): Promise<void> {
  if (rows.length === 0) return;
  const batch = JSON.stringify(
    rows.map((row) => ({
      id: accessRecordId(row.at),
      person_id: row.personId,
      accessed_at: row.at,
      accessor_account_id: row.accessorAccountId,
      accessor_name: row.accessorName.trim(),
      accessor_organisation: row.accessorOrganisation.trim(),
      purpose: row.purpose.trim(),
      legal_basis: row.legalBasis.trim(),
      fields: row.fields,
      source: row.source.trim(),
      registry_id: row.registryId,
      record_id: row.recordId,
    })),
  );
  await sql`
    with batch as materialized (
      select * from jsonb_to_recordset(${batch}::jsonb) as r (
        id uuid, person_id uuid, accessed_at timestamptz, accessor_account_id uuid,
        accessor_name text, accessor_organisation text, purpose text, legal_basis text,
        fields text[], source text, registry_id integer, record_id uuid)),
    written as (
      insert into access_record (id, person_id, accessed_at, accessor_account_id, accessor_name,
                                 accessor_organisation, purpose, legal_basis, fields, source)
      select id, person_id, accessed_at, accessor_account_id, accessor_name,
             accessor_organisation, purpose, legal_basis, fields, source
      from batch)
    insert into registry_access_link (access_record_id, registry_id, record_id)
    select id, registry_id, record_id from batch`.execute(db);
}

/**
 * A new access record's id, ordered by time (the layout of UUID version 7, RFC 9562: 48 bits of
 * milliseconds, then random bits): consecutive records land side by side at the end of the
 * primary-key indexes instead of on a random page each. Written here because the uuid package
 * in the tree predates version 7 and PostgreSQL has uuidv7() only from 18 on.
 */
function accessRecordId(at: Date): string {
  const bytes = crypto.randomBytes(16);
  bytes.writeUIntBE(at.getTime(), 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function accessRecordsOf(db: Database, recordId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('registry_access_link')
    .select('access_record_id')
    .where('record_id', '=', recordId)
    .execute();
  return rows.map((row) => row.access_record_id);
}

/** Which registry records some access records were about (for MyPersonalDataUsage). */
export async function recordsOfAccess(
  db: Database,
  accessRecordIds: string[],
): Promise<Map<string, string>> {
  if (accessRecordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('registry_access_link')
    .select(['access_record_id', 'record_id'])
    .where('access_record_id', 'in', accessRecordIds)
    .execute();
  return new Map(rows.map((row) => [row.access_record_id, row.record_id]));
}
