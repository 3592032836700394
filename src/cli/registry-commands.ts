import type { Command } from 'commander';
import { registryDefineCommand } from './registry-define.js';
import { registryImportCommand, type RegistryImportOptions } from './registry-import.js';
import { runCommand } from './run-command.js';

/** `ortaq registry define FILE` and `ortaq registry import NAME FILE [--all-or-nothing]`. */
export function addRegistryCommands(program: Command): void {
  const registry = program.command('registry').description('registries defined by data, not code');
  registry
    .command('define')
    .description('create a registry from a JSON definition file, or a new revision of it')
    .argument('<file>', 'the definition (JSON)')
    .option('--reason <text>', 'why the registry is (re)defined, kept in its history')
    .action((file: string, options: { reason?: string }) =>
      runCommand((config) => registryDefineCommand(config, file, options)),
    );
  registry
    .command('import')
    .description(
      'load records from JSON or CSV; report each rejected row with its line (exit 64 if any)',
    )
    .argument('<name>', 'the registry name')
    .argument('<file>', 'a .json file (array of records) or .csv file (header of field names)')
    .option('--all-or-nothing', 'load nothing when any row is rejected', false)
    .option('--registry-version <version>', 'the registry version (default: the latest)')
    .option('--format <format>', 'json or csv (default: from the file name)')
    .option('--reason <text>', 'why the records are loaded, kept in each version')
    .action((name: string, file: string, options: RegistryImportOptions) =>
      runCommand((config) => registryImportCommand(config, name, file, options)),
    );
}
