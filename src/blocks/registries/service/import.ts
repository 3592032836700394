import { sql } from 'kysely';
import { DomainError, isDomainError, type FieldProblem } from '../../../platform/errors.js';
import { parseImport, type ImportFormat } from '../domain/import-rows.js';
import { indexText, mapKeys } from '../domain/record-values.js';
import { findRecords } from '../repo/records-repo.js';
import { type RegistriesDeps, type RegistryActor, type RegistryRef } from './deps.js';
import { assertMayWrite } from './permissions.js';
import { changeRecord, createRecord } from './record-writes.js';
import { getRegistry } from './registries.js';

export interface RejectedRow {
  row: number;
  line: number;
  problems: FieldProblem[];
}

export interface ImportReport {
  registry: string;
  version: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  /** False when nothing was loaded: --all-or-nothing and some row was rejected. */
  committed: boolean;
}

export interface ImportInput {
  format: ImportFormat;
  content: string;
  allOrNothing: boolean;
  reason: string;
}

/** Thrown inside the transaction to undo it when all-or-nothing finds a rejected row. */
class Rejected extends Error {}

/**
 * Loads records from a JSON or CSV file into a registry. Every row is checked like any write
 * (types, identifiers, references, the person it is about). A row whose key matches a live record
 * replaces that record's data as a new version (unchanged rows write nothing), so loading a file
 * twice is harmless; other rows create records. Each row is written under a savepoint, so a row
 * that fails leaves nothing behind; with `allOrNothing`, one failed row undoes the whole load.
 * Audited as `registries.import`.
 *
 * Outcomes: the report (rows created, updated, unchanged and each rejected row with its line and
 * problems; `committed` false when allOrNothing undid the load); REGISTRY_NOT_FOUND (404);
 * REGISTRY_WRITE_FORBIDDEN (403); REGISTRY_IMPORT_UNREADABLE / REGISTRY_IMPORT_UNKNOWN_COLUMN (400).
 */
export async function importRecords(
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  input: ImportInput,
): Promise<ImportReport> {
  const registry = await getRegistry(deps, ref);
  assertMayWrite(registry, actor);
  const parsed = parseImport(registry.definition, input.format, input.content);
  if (!parsed.ok)
    throw new DomainError(parsed.code, 400, { line: parsed.line ?? 1 }, [
      { field: 'content', code: parsed.code, params: { line: parsed.line ?? 1 } },
    ]);
  const report: ImportReport = {
    registry: registry.name,
    version: registry.version,
    rows: parsed.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    committed: true,
  };
  const keyField = registry.definition.fields.find(
    (field) => field.name === registry.definition.key,
  );
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const row of parsed.rows) {
        if (row.problems.length > 0) {
          report.rejected.push({ row: row.row, line: row.line, problems: row.problems });
          continue;
        }
        const mapped = mapKeys(registry.definition, row.values);
        if (!mapped.ok) {
          report.rejected.push({ row: row.row, line: row.line, problems: mapped.problems });
          continue;
        }
        const values = mapped.value.values;
        await sql`savepoint registry_import_row`.execute(trx);
        try {
          const keyText = keyField ? indexText(keyField, values[keyField.name]) : null;
          const [existing] =
            keyField && keyText !== null
              ? await findRecords(
                  trx,
                  { registryId: registry.id, conditions: [{ field: keyField, text: keyText }] },
                  { limit: 1, offset: 0, lock: true },
                )
              : [];
          if (existing) {
            // The row is the whole record: a field it leaves empty is cleared.
            const changes = Object.fromEntries(
              registry.definition.fields.map((field) => [field.name, values[field.name] ?? null]),
            );
            const written = await changeRecord(
              trx,
              deps,
              actor,
              registry,
              existing,
              changes,
              input,
            );
            if (written.revision === existing.revision) report.unchanged += 1;
            else report.updated += 1;
          } else {
            await createRecord(trx, deps, actor, registry, values, input);
            report.created += 1;
          }
          await sql`release savepoint registry_import_row`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint registry_import_row`.execute(trx);
          if (!isDomainError(error)) throw error;
          report.rejected.push({
            row: row.row,
            line: row.line,
            problems:
              error.fields.length > 0
                ? error.fields
                : [{ field: '(row)', code: error.code, params: error.params }],
          });
        }
      }
      if (input.allOrNothing && report.rejected.length > 0) throw new Rejected();
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    report.committed = false;
    report.created = report.updated = report.unchanged = 0;
  }
  await deps.audit.append({
    action: 'registries.import',
    outcome: report.committed ? 'success' : 'failure',
    actorAccountId: actor.accountId,
    subject: `${registry.name}@${registry.version}`,
    details: {
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected.length,
      allOrNothing: input.allOrNothing,
      by: actor.name,
    },
  });
  return report;
}
