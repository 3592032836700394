import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import type { RegistryDefinition } from '../domain/definition.js';
import './tables.js';

/** A registry as the services use it. */
export interface Registry {
  id: number;
  name: string;
  version: string;
  definition: RegistryDefinition;
  revision: number;
  createdAt: Date;
  modifiedAt: Date;
  modifiedBy: string;
  archivedAt: Date | null;
}

const columns = (db: Database) =>
  db
    .selectFrom('registry')
    .select([
      'id',
      'name',
      'version',
      'definition',
      'revision',
      'created_at as createdAt',
      'modified_at as modifiedAt',
      'modified_by as modifiedBy',
      'archived_at as archivedAt',
    ]);

/** Version strings ordered as numbers (1.10 after 1.9). */
const versionOrder = sql`string_to_array(version, '.')::int[]`;

/** A registry by name and version, or the latest version that is not archived. */
export function findRegistry(
  db: Database,
  name: string,
  version?: string,
): Promise<Registry | undefined> {
  let query = columns(db).where(sql<string>`lower(name)`, '=', name.toLowerCase());
  query = version
    ? query.where('version', '=', version)
    : query.where('archived_at', 'is', null).orderBy(versionOrder, 'desc').limit(1);
  return query.executeTakeFirst() as Promise<Registry | undefined>;
}

export const findRegistryById = (db: Database, id: number) =>
  columns(db).where('id', '=', id).executeTakeFirst() as Promise<Registry | undefined>;

export const listRegistries = (db: Database) =>
  columns(db).orderBy('name').orderBy(versionOrder).execute() as Promise<Registry[]>;

/** Locks the registry row, so two definitions of one registry are written one after another. */
export const lockRegistry = (trx: Database, name: string, version: string) =>
  columns(trx)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst() as Promise<Registry | undefined>;

export async function insertRegistry(
  trx: Database,
  input: { definition: RegistryDefinition; now: Date; author: string },
): Promise<Registry> {
  const row = await trx
    .insertInto('registry')
    .values({
      name: input.definition.name,
      version: input.definition.version,
      definition: JSON.stringify(input.definition),
      revision: 1,
      created_at: input.now,
      modified_at: input.now,
      modified_by: input.author,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findRegistryById(trx, row.id))!;
}

export async function updateRegistryDefinition(
  trx: Database,
  id: number,
  input: { definition: RegistryDefinition; revision: number; now: Date; author: string },
): Promise<Registry> {
  await trx
    .updateTable('registry')
    .set({
      definition: JSON.stringify(input.definition),
      revision: input.revision,
      modified_at: input.now,
      modified_by: input.author,
      archived_at: null,
    })
    .where('id', '=', id)
    .execute();
  return (await findRegistryById(trx, id))!;
}

export async function insertDefinitionVersion(
  trx: Database,
  registry: Registry,
  input: { now: Date; authorAccountId: string | null; authorName: string; reason: string },
): Promise<void> {
  await trx
    .insertInto('registry_definition_version')
    .values({
      registry_id: registry.id,
      revision: registry.revision,
      definition: JSON.stringify(registry.definition),
      recorded_at: input.now,
      author_account_id: input.authorAccountId,
      author_name: input.authorName,
      reason: input.reason,
    })
    .execute();
}

/** Marks a registry archived (no more writes); true when it was live until now. */
export async function archiveRegistry(trx: Database, id: number, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('registry')
    .set({ archived_at: now })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The look-up indexes of a registry: one expression index on `data->>'field'` per indexed field,
 * partial on the registry, so a look-up by identifier is a B-tree descent (O(log n)) whatever
 * the other registries hold; and a unique one on the key among live records. Field names are
 * checked against FIELD_NAME_PATTERN (letters, digits, underscore) before they get here.
 */
export async function ensureIndexes(trx: Database, registry: Registry): Promise<void> {
  const { id, definition } = registry;
  for (const field of definition.fields.filter((candidate) => candidate.indexed)) {
    const unique = field.name === definition.key;
    const name = sql.id(`registry_r${id}_${unique ? 'key_' : ''}${field.name}`);
    const expression = sql`(data ->> ${sql.lit(field.name)})`;
    await (
      unique
        ? sql`create unique index if not exists ${name} on registry_record (${expression})
              where registry_id = ${sql.lit(id)} and not deleted`
        : sql`create index if not exists ${name} on registry_record (${expression})
              where registry_id = ${sql.lit(id)}`
    ).execute(trx);
  }
}
