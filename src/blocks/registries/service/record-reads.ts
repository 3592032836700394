import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { foldFieldName } from '../domain/definition.js';
import { queryConditions, type Condition, type RecordData } from '../domain/record-values.js';
import {
  findRecordById,
  findRecords,
  listVersions,
  type RecordVersion,
  type StoredRecord,
} from '../repo/records-repo.js';
import type { Registry } from '../repo/registries-repo.js';
import { noteReads, readNoted } from './access.js';
import { type ReadContext, type RegistriesDeps, type RegistryRef } from './deps.js';
import { assertMayRead } from './permissions.js';
import { getRegistry } from './registries.js';
import { invalidRecord } from './record-writes.js';

/** A record as readers get it. */
export interface RegistryRecord {
  id: string;
  registry: string;
  version: string;
  revision: number;
  data: RecordData;
  createdAt: Date;
  updatedAt: Date;
}

export const toRecord = (registry: Registry, stored: StoredRecord): RegistryRecord => ({
  id: stored.id,
  registry: registry.name,
  version: registry.version,
  revision: stored.revision,
  data: stored.data,
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
});

/**
 * Conditions from a query given as field values (any spelling of the field names; `id` for the
 * record id). Outcomes: the conditions; REGISTRY_RECORD_INVALID (400) for an unknown field or
 * a value of the wrong type; REGISTRY_QUERY_EMPTY inside it for an empty query.
 */
export function conditionsOf(
  registry: Registry,
  query: Record<string, unknown>,
): { conditions: Condition[]; recordId?: string } {
  const parsed = queryConditions(registry.definition, query);
  if (!parsed.ok) throw invalidRecord(parsed.problems);
  return parsed.value;
}

/**
 * The first live record (oldest first) whose fields equal the query's values, with its access
 * record (see noteReads: written in the given transaction, or group-committed before this
 * returns). A look-up by an indexed field is one index descent and needs no transaction.
 *
 * Outcomes: the record, or undefined; REGISTRY_NOT_FOUND (404); REGISTRY_READ_FORBIDDEN (403);
 * REGISTRY_RECORD_INVALID (400) for a malformed query.
 */
export async function findRecord(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  query: Record<string, unknown>,
): Promise<RegistryRecord | undefined> {
  const registry = await getRegistry(deps, ref, db);
  assertMayRead(registry, context.actor);
  const { conditions, recordId } = conditionsOf(registry, query);
  const noted = await readNoted(db, deps, context, registry, {
    conditions,
    ...(recordId ? { recordId } : {}),
  });
  if (noted) return noted.record && toRecord(registry, noted.record);
  const [found] = await findRecords(
    db,
    { registryId: registry.id, conditions, ...(recordId ? { recordId } : {}) },
    { limit: 1, offset: 0 },
  );
  if (!found) return undefined;
  await noteReads(db, deps, context, registry, [found]);
  return toRecord(registry, found);
}

/** Like findRecord, by record id. Outcomes: the record; REGISTRY_RECORD_NOT_FOUND (404). */
export async function getRecord(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  recordId: string,
): Promise<RegistryRecord> {
  const record = await findRecord(db, deps, context, ref, { id: recordId });
  if (!record) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
  return record;
}

/**
 * Every live record matching the query (e.g. all flats an IIN owns), up to `limit`, each read
 * recorded. Outcomes: the records (maybe none); as findRecord.
 */
export async function findRecordsBy(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  query: Record<string, unknown>,
  limit = 100,
): Promise<RegistryRecord[]> {
  const registry = await getRegistry(deps, ref, db);
  assertMayRead(registry, context.actor);
  const { conditions, recordId } = conditionsOf(registry, query);
  const found = await findRecords(
    db,
    { registryId: registry.id, conditions, ...(recordId ? { recordId } : {}) },
    { limit: Math.min(Math.max(limit, 1), 1000), offset: 0 },
  );
  await noteReads(db, deps, context, registry, found);
  return found.map((record) => toRecord(registry, record));
}

export interface ListOptions {
  conditions?: Record<string, unknown>;
  search?: string;
  /** The field `search` looks in; anywhere in the record when absent. */
  searchField?: string;
  descending?: boolean;
  page: number;
  pageSize: number;
}

/**
 * One page of live records (GovStack list), each read recorded. An empty `conditions` lists all.
 * Outcomes: the page; REGISTRY_RECORD_INVALID (400) for an unknown field.
 */
export async function listRecords(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  options: ListOptions,
): Promise<{ records: RegistryRecord[]; page: number; pageSize: number }> {
  const registry = await getRegistry(deps, ref, db);
  assertMayRead(registry, context.actor);
  const query = options.conditions ?? {};
  const { conditions, recordId } =
    Object.keys(query).length > 0 ? conditionsOf(registry, query) : { conditions: [] };
  let searchField: string | undefined;
  if (options.searchField !== undefined) {
    searchField = registry.definition.fields.find(
      (field) => foldFieldName(field.name) === foldFieldName(options.searchField!),
    )?.name;
    if (!searchField)
      throw invalidRecord([
        {
          field: options.searchField,
          code: 'REGISTRY_UNKNOWN_FIELD',
          params: { name: options.searchField },
        },
      ]);
  }
  const page = Math.max(1, Math.floor(options.page));
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize)), 1000);
  const found = await findRecords(
    db,
    {
      registryId: registry.id,
      conditions,
      ...(recordId ? { recordId } : {}),
      ...(options.search
        ? { search: { text: options.search, ...(searchField ? { field: searchField } : {}) } }
        : {}),
    },
    {
      limit: pageSize,
      offset: (page - 1) * pageSize,
      ...(options.descending ? { descending: true } : {}),
    },
  );
  await noteReads(db, deps, context, registry, found);
  return { records: found.map((record) => toRecord(registry, record)), page, pageSize };
}

/**
 * Whether a live record matches (GovStack exists). A match is a read of the queried fields: it
 * confirms them, so it is recorded like one.
 * Outcomes: true or false; as findRecord.
 */
export async function recordExists(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  query: Record<string, unknown>,
): Promise<boolean> {
  const registry = await getRegistry(deps, ref, db);
  assertMayRead(registry, context.actor);
  const { conditions, recordId } = conditionsOf(registry, query);
  const [found] = await findRecords(
    db,
    { registryId: registry.id, conditions, ...(recordId ? { recordId } : {}) },
    { limit: 1, offset: 0 },
  );
  if (!found) return false;
  const queried = conditions.map((condition) => condition.field.name);
  await noteReads(db, deps, context, registry, [found], queried);
  return true;
}

/**
 * One field of one record (GovStack read-value); recorded as a read of that field only.
 * Outcomes: the value (undefined when the record has none); REGISTRY_RECORD_NOT_FOUND (404);
 * REGISTRY_UNKNOWN_FIELD inside REGISTRY_RECORD_INVALID (400).
 */
export async function readValue(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  recordId: string,
  fieldName: string,
): Promise<{ field: string; value: RecordData[string] | undefined }> {
  const registry = await getRegistry(deps, ref, db);
  assertMayRead(registry, context.actor);
  const field = registry.definition.fields.find(
    (candidate) => foldFieldName(candidate.name) === foldFieldName(fieldName),
  );
  if (!field)
    throw invalidRecord([
      { field: fieldName, code: 'REGISTRY_UNKNOWN_FIELD', params: { name: fieldName } },
    ]);
  const found = await findRecordById(db, registry.id, recordId);
  if (!found || found.deleted) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
  await noteReads(db, deps, context, registry, [found], [field.name]);
  return { field: field.name, value: found.data[field.name] };
}

/**
 * Every version of a record, oldest first, deleted records included: who wrote what, when and
 * why. Reading the history reads every version's personal data, so it is recorded.
 * Outcomes: the versions; REGISTRY_RECORD_NOT_FOUND (404); REGISTRY_READ_FORBIDDEN (403).
 */
export async function recordHistory(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  ref: RegistryRef,
  recordId: string,
): Promise<RecordVersion[]> {
  const registry = await getRegistry(deps, ref, db);
  assertMayRead(registry, context.actor);
  const found = await findRecordById(db, registry.id, recordId);
  if (!found) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
  await noteReads(db, deps, context, registry, [found]);
  return listVersions(db, recordId);
}
