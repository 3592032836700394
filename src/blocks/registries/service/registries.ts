import type { Database } from '../../../platform/db/database.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { parseDefinition, type RegistryDefinition } from '../domain/definition.js';
import {
  archiveRegistry as markArchived,
  ensureIndexes,
  findRegistry,
  findRegistryById,
  insertDefinitionVersion,
  insertRegistry,
  listRegistries,
  lockRegistry,
  updateRegistryDefinition,
  type Registry,
} from '../repo/registries-repo.js';
import {
  inTransaction,
  type RegistriesDeps,
  type RegistryActor,
  type RegistryRef,
} from './deps.js';

export type { Registry } from '../repo/registries-repo.js';

/**
 * The registry a reference names (the latest live version when no version is given).
 * Outcomes: the registry; REGISTRY_NOT_FOUND (404).
 */
export async function getRegistry(
  deps: RegistriesDeps,
  ref: RegistryRef,
  db = deps.db,
): Promise<Registry> {
  const { name, version } = typeof ref === 'string' ? { name: ref, version: undefined } : ref;
  const key = `${name.toLowerCase()}@${version ?? 'latest'}`;
  const now = Date.now();
  const cached = deps.cache.get(key, now);
  if (cached) return cached;
  const registry = await findRegistry(db, name, version);
  if (!registry) throw new DomainError('REGISTRY_NOT_FOUND', 404, { name });
  // Only what is committed is cached: a definition read inside its own uncommitted transaction
  // would otherwise be served to everybody.
  if (!db.isTransaction || registry.modifiedAt.getTime() < now - 1000)
    deps.cache.set(key, registry, now);
  return registry;
}

/** By GovStack database id. Outcomes: the registry; REGISTRY_NOT_FOUND (404). */
export async function getRegistryById(deps: RegistriesDeps, id: number): Promise<Registry> {
  const registry = Number.isSafeInteger(id) ? await findRegistryById(deps.db, id) : undefined;
  if (!registry) throw new DomainError('REGISTRY_NOT_FOUND', 404, { name: String(id) });
  return registry;
}

export interface DefineResult {
  registry: Registry;
  created: boolean;
  /** False when the same definition was already in force: nothing was written. */
  changed: boolean;
}

/**
 * Creates a registry from a definition, or writes a new revision of an existing one (same name
 * and version), in the caller's transaction: the definition's history row and its look-up
 * indexes are created with it. A new revision may add fields and indexes, but not change the
 * key or a field's type, since records already written follow them.
 *
 * Outcomes: the registry; REGISTRY_DEFINITION_INVALID (400) naming each problem by its path;
 * REGISTRY_REFERENCE_REGISTRY_UNKNOWN / REGISTRY_REFERENCE_NOT_INDEXED (400) for a reference to a
 * registry or field that cannot be looked up; REGISTRY_KEY_CHANGED / REGISTRY_FIELD_TYPE_CHANGED
 * (409) for an incompatible revision.
 */
export async function addRegistryDefinition(
  trx: Database,
  deps: RegistriesDeps,
  actor: RegistryActor,
  input: unknown,
  reason: string,
): Promise<DefineResult> {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new DomainError('REGISTRY_DEFINITION_INVALID', 400, {}, parsed.problems);
  const definition = parsed.definition;
  await checkReferences(trx, definition);
  const now = deps.now();
  const author = actor.name;
  const existing = await lockRegistry(trx, definition.name, definition.version);
  let registry: Registry;
  if (existing) {
    checkCompatible(existing.definition, definition);
    if (canonical(existing.definition) === canonical(definition) && !existing.archivedAt)
      return { registry: existing, created: false, changed: false };
    registry = await updateRegistryDefinition(trx, existing.id, {
      definition,
      revision: existing.revision + 1,
      now,
      author,
    });
  } else {
    registry = await insertRegistry(trx, { definition, now, author });
  }
  await insertDefinitionVersion(trx, registry, {
    now,
    authorAccountId: actor.accountId,
    authorName: author,
    reason: reason.trim() || 'definition',
  });
  await ensureIndexes(trx, registry);
  deps.cache.forget(definition.name);
  return { registry, created: !existing, changed: true };
}

/**
 * Defines a registry in its own transaction and audits it (`registries.define`).
 * Outcomes: as addRegistryDefinition.
 */
export async function defineRegistry(
  deps: RegistriesDeps,
  actor: RegistryActor,
  input: unknown,
  reason: string,
): Promise<DefineResult> {
  const result = await inTransaction(deps.db, (trx) =>
    addRegistryDefinition(trx, deps, actor, input, reason),
  );
  deps.cache.forget(result.registry.name);
  if (result.changed)
    await deps.audit.append({
      action: 'registries.define',
      outcome: 'success',
      actorAccountId: actor.accountId,
      subject: `${result.registry.name}@${result.registry.version}`,
      details: {
        registryId: result.registry.id,
        revision: result.registry.revision,
        by: actor.name,
      },
    });
  return result;
}

/**
 * Archives a registry (GovStack database delete): it takes no more writes, while its records
 * and their history stay, as the law on legal records needs. Archiving twice is done once.
 * Outcomes: done; REGISTRY_NOT_FOUND (404).
 */
export async function archiveRegistry(
  deps: RegistriesDeps,
  actor: RegistryActor,
  id: number,
): Promise<void> {
  const registry = await getRegistryById(deps, id);
  const changed = await inTransaction(deps.db, (trx) => markArchived(trx, id, deps.now()));
  deps.cache.forget(registry.name);
  if (changed)
    await deps.audit.append({
      action: 'registries.archive',
      outcome: 'success',
      actorAccountId: actor.accountId,
      subject: `${registry.name}@${registry.version}`,
      details: { registryId: id, by: actor.name },
    });
}

async function checkReferences(trx: Database, definition: RegistryDefinition): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const [index, field] of definition.fields.entries()) {
    if (!field.references) continue;
    const { registry: name, field: targetName } = field.references;
    const self = name.toLowerCase() === definition.name.toLowerCase();
    const target = self ? definition : (await findRegistry(trx, name))?.definition;
    if (!target) {
      problems.push({
        field: `fields.${index}.references.registry`,
        code: 'REGISTRY_REFERENCE_REGISTRY_UNKNOWN',
        params: { name },
      });
      continue;
    }
    const targetField = target.fields.find((candidate) => candidate.name === targetName);
    if (!targetField?.indexed)
      problems.push({
        field: `fields.${index}.references.field`,
        code: 'REGISTRY_REFERENCE_NOT_INDEXED',
        params: { name: `${name}.${targetName}` },
      });
  }
  if (problems.length > 0)
    throw new DomainError(problems[0]!.code, 400, problems[0]!.params ?? {}, problems);
}

function checkCompatible(before: RegistryDefinition, after: RegistryDefinition): void {
  if (before.key !== after.key)
    throw new DomainError('REGISTRY_KEY_CHANGED', 409, {}, [
      { field: 'key', code: 'REGISTRY_KEY_CHANGED' },
    ]);
  const problems: FieldProblem[] = [];
  for (const field of before.fields) {
    const next = after.fields.find((candidate) => candidate.name === field.name);
    if (next && next.type !== field.type)
      problems.push({
        field: `fields.${after.fields.indexOf(next)}.type`,
        code: 'REGISTRY_FIELD_TYPE_CHANGED',
        params: { name: field.name },
      });
  }
  if (problems.length > 0)
    throw new DomainError('REGISTRY_FIELD_TYPE_CHANGED', 409, problems[0]!.params ?? {}, problems);
}

/** Every registry, archived ones included, by name and version. */
export const listAllRegistries = (deps: RegistriesDeps): Promise<Registry[]> =>
  listRegistries(deps.db);

/** JSON with keys sorted, since jsonb does not keep the order a definition was written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
