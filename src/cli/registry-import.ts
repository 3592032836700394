import fs from 'node:fs/promises';
import path from 'node:path';
import { importRecords, SYSTEM_ACTOR, registriesDeps } from '../blocks/registries/index.js';
import type { Config } from '../platform/config/config.js';
import { ExitCode } from '../platform/exit-codes.js';
import { describeProblems, processOut, withPlatform, type RegistryIo } from './registry-command.js';
import { CommandError } from './run-command.js';

export interface RegistryImportOptions {
  allOrNothing?: boolean;
  /** The registry version; the latest live one when omitted. */
  registryVersion?: string;
  /** json or csv; from the file's extension when omitted. */
  format?: string;
  reason?: string;
}

/**
 * `ortaq registry import NAME FILE [--all-or-nothing]`: loads records from a JSON or CSV file.
 * Every row is checked; valid rows are loaded (a row whose key matches a record replaces its data
 * as a new version) and each rejected row is reported with its line and reasons. With
 * --all-or-nothing one rejected row loads nothing.
 * Outcomes: exit 0 when every row loaded; exit 64 when any row was rejected (the report says
 * whether the valid rows were loaded), or for an unknown registry, unreadable file or format.
 */
export async function registryImportCommand(
  config: Config,
  name: string,
  file: string,
  options: RegistryImportOptions = {},
  io: RegistryIo = processOut,
): Promise<number> {
  const format = (options.format ?? path.extname(file).slice(1)).toLowerCase();
  if (format !== 'json' && format !== 'csv')
    throw new CommandError(
      `cannot tell the format of ${file}: name it .json or .csv, or give --format json|csv`,
      ExitCode.badInput,
    );
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as Error).message}`, ExitCode.badInput);
  }
  return withPlatform(config, async (app) => {
    const report = await importRecords(
      registriesDeps(app.platform),
      SYSTEM_ACTOR,
      { name, ...(options.registryVersion ? { version: options.registryVersion } : {}) },
      {
        format,
        content,
        allOrNothing: options.allOrNothing ?? false,
        reason: options.reason ?? `ortaq registry import ${path.basename(file)}`,
      },
    );
    io.out(
      `${report.registry} ${report.version}: ${report.rows} rows, ${report.created} created, ` +
        `${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`,
    );
    for (const row of report.rejected)
      io.out(
        `line ${row.line} (row ${row.row}): ${describeProblems(app, row.problems).join('; ')}`,
      );
    if (!report.committed) io.out('nothing was loaded (--all-or-nothing)');
    return report.rejected.length > 0 ? ExitCode.badInput : ExitCode.ok;
  });
}
