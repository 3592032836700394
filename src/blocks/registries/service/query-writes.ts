import type { Database } from '../../../platform/db/database.js';
import { findRecords, type StoredRecord } from '../repo/records-repo.js';
import type { RegistriesDeps, RegistryActor, RegistryRef } from './deps.js';
import { assertMayWrite } from './permissions.js';
import { conditionsOf } from './record-reads.js';
import { changeRecord, createRecord, type WriteInput } from './record-writes.js';
import { getRegistry } from './registries.js';

/** The most records one update-entries call changes, so one call cannot rewrite a registry. */
export const UPDATE_ENTRIES_LIMIT = 1000;

/**
 * Merges the changes into the first live record (`all`: every one, up to UPDATE_ENTRIES_LIMIT)
 * matching the query, each as a new version, in the caller's transaction (GovStack update and
 * update-entries). Records already holding the data are left as they are.
 * Outcomes: the records written (none when nothing matched); REGISTRY_RECORD_INVALID (400) for a
 * malformed query or data; the write outcomes of updateRecord.
 */
export async function updateMatching(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  query: Record<string, unknown>,
  changes: Record<string, unknown>,
  input: WriteInput & { all: boolean },
): Promise<StoredRecord[]> {
  const registry = await getRegistry(deps, ref, trx);
  assertMayWrite(registry, actor);
  const { conditions, recordId } = conditionsOf(registry, query);
  const found = await findRecords(
    trx,
    { registryId: registry.id, conditions, ...(recordId ? { recordId } : {}) },
    { limit: input.all ? UPDATE_ENTRIES_LIMIT : 1, offset: 0, lock: true },
  );
  const written: StoredRecord[] = [];
  for (const record of found)
    written.push(await changeRecord(trx, deps, actor, registry, record, changes, input));
  return written;
}

/**
 * GovStack update-or-create: merges the changes into the first record matching the query, or
 * creates one from the query's values and the changes together.
 * Outcomes: the record and whether it was created; as updateMatching and createRecord.
 */
export async function updateOrCreate(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  query: Record<string, unknown>,
  changes: Record<string, unknown>,
  input: WriteInput,
): Promise<{ record: StoredRecord; created: boolean }> {
  const [updated] = await updateMatching(trx, deps, actor, ref, query, changes, {
    ...input,
    all: false,
  });
  if (updated) return { record: updated, created: false };
  const values = { ...query, ...changes };
  delete values.id;
  delete values.ID;
  return { record: await createRecord(trx, deps, actor, ref, values, input), created: true };
}
