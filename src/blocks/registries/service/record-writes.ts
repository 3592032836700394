import { addPerson } from '../../identity/service/people.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError, isDomainError, type FieldProblem } from '../../../platform/errors.js';
import type { RegistryDefinition } from '../domain/definition.js';
import { checkRecord, indexText, mapKeys, type RecordData } from '../domain/record-values.js';
import {
  appendVersion,
  findRecordById,
  insertRecord,
  valueExists,
  type StoredRecord,
} from '../repo/records-repo.js';
import type { Registry } from '../repo/registries-repo.js';
import {
  identifierChecks,
  isUniqueViolation,
  type RegistriesDeps,
  type RegistryActor,
  type RegistryRef,
} from './deps.js';
import { assertMayWrite } from './permissions.js';
import { getRegistry } from './registries.js';

/** What a write needs besides the data: why it is made (kept in the version). */
export interface WriteInput {
  reason: string;
}

/**
 * Creates a record, in the caller's transaction, as version 1 with its author and reason.
 *
 * Outcomes: the record; REGISTRY_NOT_FOUND (404); REGISTRY_WRITE_FORBIDDEN (403);
 * REGISTRY_ARCHIVED (409); REGISTRY_RECORD_INVALID (400) with a problem per field (type,
 * required, pattern, identifier check digit, reference not found, oneOf); REGISTRY_SUBJECT_UNKNOWN
 * (400) when the person the record is about is not registered; REGISTRY_DUPLICATE_KEY (409).
 */
export async function createRecord(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  values: Record<string, unknown>,
  input: WriteInput,
): Promise<StoredRecord> {
  const registry = await getRegistry(deps, ref, trx);
  assertMayWrite(registry, actor);
  const data = await prepare(trx, deps, registry, values);
  const subjectPersonId = await resolveSubject(trx, deps, registry.definition, data);
  return guardKey(() =>
    insertRecord(trx, registry.id, {
      operation: 'create',
      data,
      subjectPersonId,
      ...author(actor, input),
      now: deps.now(),
    }),
  );
}

/**
 * Writes a new version of a record with the changes merged into its current data (`null`
 * clears a field). Writing the same data again writes nothing (repeated GovStack calls stay
 * idempotent) and returns the record as it is.
 *
 * Outcomes: the record; REGISTRY_RECORD_NOT_FOUND (404) for an unknown or deleted record; the
 * write outcomes of createRecord.
 */
export async function updateRecord(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  recordId: string,
  changes: Record<string, unknown>,
  input: WriteInput,
): Promise<StoredRecord> {
  const registry = await getRegistry(deps, ref, trx);
  assertMayWrite(registry, actor);
  const current = await findRecordById(trx, registry.id, recordId, true);
  if (!current || current.deleted) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
  return changeRecord(trx, deps, actor, registry, current, changes, input);
}

/** The write half of updateRecord, for a record already found and locked. */
export async function changeRecord(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  registry: Registry,
  current: StoredRecord,
  changes: Record<string, unknown>,
  input: WriteInput,
): Promise<StoredRecord> {
  const mapped = mapKeys(registry.definition, changes);
  if (!mapped.ok) throw invalidRecord(mapped.problems);
  const merged = { ...current.data, ...mapped.value.values };
  const data = await prepare(trx, deps, registry, merged, current.id);
  if (sameData(current.data, data)) return current;
  const subjectPersonId = await resolveSubject(trx, deps, registry.definition, data);
  return guardKey(() =>
    appendVersion(trx, current, {
      operation: 'update',
      data,
      subjectPersonId,
      ...author(actor, input),
      now: deps.now(),
    }),
  );
}

/**
 * Deletes a record logically: a last version marks it deleted; it and its history stay.
 * Deleting a deleted record again changes nothing (idempotent).
 * Outcomes: the record; REGISTRY_RECORD_NOT_FOUND (404); REGISTRY_WRITE_FORBIDDEN (403).
 */
export async function deleteRecord(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  recordId: string,
  input: WriteInput,
): Promise<StoredRecord> {
  const registry = await getRegistry(deps, ref, trx);
  assertMayWrite(registry, actor);
  const current = await findRecordById(trx, registry.id, recordId, true);
  if (!current) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
  if (current.deleted) return current;
  return appendVersion(trx, current, {
    operation: 'delete',
    data: current.data,
    subjectPersonId: current.subjectPersonId,
    ...author(actor, input),
    now: deps.now(),
  });
}

/**
 * Creates a record, or with `id` merges the data into that record as a new version: what an
 * app calls to keep its records (e.g. a redevelopment plan's next version).
 * Outcomes: as createRecord and updateRecord.
 */
export function writeRecord(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  input: WriteInput & { id?: string; data: Record<string, unknown> },
): Promise<StoredRecord> {
  return input.id
    ? updateRecord(trx, deps, actor, ref, input.id, input.data, input)
    : createRecord(trx, deps, actor, ref, input.data, input);
}

/**
 * Checks a record's values and its references, and that its key is free.
 * Outcomes: the stored form; REGISTRY_RECORD_INVALID (400); REGISTRY_DUPLICATE_KEY (409).
 */
export async function prepare(
  trx: Database,
  deps: RegistriesDeps,
  registry: Registry,
  values: Record<string, unknown>,
  selfId?: string,
): Promise<RecordData> {
  const { definition } = registry;
  const mapped = mapKeys(definition, values);
  if (!mapped.ok) throw invalidRecord(mapped.problems);
  const checked = checkRecord(definition, mapped.value.values, identifierChecks(deps.country));
  if (!checked.ok) throw invalidRecord(checked.problems);
  const data = checked.value;
  const problems: FieldProblem[] = [];
  for (const field of definition.fields) {
    if (!field.references || data[field.name] === undefined) continue;
    const target = await getRegistry(deps, field.references.registry, trx).catch((error) => {
      if (isDomainError(error) && error.code === 'REGISTRY_NOT_FOUND') return undefined;
      throw error;
    });
    const targetField = target?.definition.fields.find(
      (candidate) => candidate.name === field.references!.field,
    );
    const text = targetField ? indexText(targetField, data[field.name]) : null;
    if (
      !target ||
      !targetField ||
      text === null ||
      !(await valueExists(trx, target.id, { field: targetField, text }))
    )
      problems.push({
        field: field.name,
        code: 'REGISTRY_REFERENCE_NOT_FOUND',
        params: { name: `${field.references.registry}.${field.references.field}` },
      });
  }
  if (problems.length > 0) throw invalidRecord(problems);
  const keyField = definition.fields.find((field) => field.name === definition.key);
  if (keyField && data[keyField.name] !== undefined) {
    const text = indexText(keyField, data[keyField.name])!;
    if (await valueExists(trx, registry.id, { field: keyField, text }, selfId))
      throw duplicateKey(keyField.name);
  }
  return data;
}

/**
 * The identity person a record is about. A registry of people (one with personDetails, the
 * population register) registers a person it does not know yet; any other registry refers only
 * to people already registered, so every access record reaches a real person.
 * Outcomes: the person id, or null for a record about nobody; REGISTRY_SUBJECT_UNKNOWN (400);
 * IDENTITY_BIRTH_DATE_* (400) when the population record contradicts the identifier.
 */
async function resolveSubject(
  trx: Database,
  deps: RegistriesDeps,
  definition: RegistryDefinition,
  data: RecordData,
): Promise<string | null> {
  if (!definition.subject) return null;
  const nationalId = data[definition.subject];
  if (typeof nationalId !== 'string') return null;
  const person = await findPersonByNationalId(trx, deps.country.id, nationalId);
  if (person) return person.id;
  const details = definition.personDetails;
  if (!details)
    throw new DomainError('REGISTRY_SUBJECT_UNKNOWN', 400, {}, [
      { field: definition.subject, code: 'REGISTRY_SUBJECT_UNKNOWN' },
    ]);
  const text = (field?: string) =>
    field !== undefined && typeof data[field] === 'string' ? (data[field] as string) : null;
  const added = await addPerson(trx, deps, {
    nationalId,
    familyName: text(details.familyName) ?? '',
    givenName: text(details.givenName) ?? '',
    patronymic: text(details.patronymic),
    birthDate: text(details.birthDate),
  });
  return added.id;
}

const author = (actor: RegistryActor, input: WriteInput) => {
  const reason = input.reason.trim();
  if (!reason || reason.length > 2000)
    throw new DomainError('REGISTRY_REASON_REQUIRED', 400, {}, [
      { field: 'reason', code: 'REGISTRY_REASON_REQUIRED' },
    ]);
  return {
    authorAccountId: actor.accountId,
    authorName: actor.name,
    authorOrganisation: actor.organisation,
    reason,
  };
};

export const invalidRecord = (problems: FieldProblem[]) =>
  new DomainError('REGISTRY_RECORD_INVALID', 400, {}, problems);

const duplicateKey = (field: string) =>
  new DomainError('REGISTRY_DUPLICATE_KEY', 409, { name: field }, [
    { field, code: 'REGISTRY_DUPLICATE_KEY', params: { name: field } },
  ]);

/** A concurrent write of the same key passes the check and fails on the unique index. */
async function guardKey(write: () => Promise<StoredRecord>): Promise<StoredRecord> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateKey('key');
    throw error;
  }
}

const sameData = (a: RecordData, b: RecordData): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};
