import fs from 'node:fs/promises';
import { defineRegistry, SYSTEM_ACTOR, registriesDeps } from '../blocks/registries/index.js';
import type { Config } from '../platform/config/config.js';
import { ExitCode } from '../platform/exit-codes.js';
import { processOut, withPlatform, type RegistryIo } from './registry-command.js';
import { CommandError } from './run-command.js';

/**
 * `ortaq registry define FILE`: creates a registry from a JSON definition file, or writes a new
 * revision of it; its look-up indexes are built at once. Defining the same file twice changes
 * nothing.
 * Outcomes: exit 0 naming the registry and its revision; exit 64 listing every problem of the
 * file (path, message, code), or when the file cannot be read.
 */
export async function registryDefineCommand(
  config: Config,
  file: string,
  options: { reason?: string } = {},
  io: RegistryIo = processOut,
): Promise<number> {
  const definition = await readJson(file);
  return withPlatform(config, async (app) => {
    const { registry, created, changed } = await defineRegistry(
      registriesDeps(app.platform),
      SYSTEM_ACTOR,
      definition,
      options.reason ?? `ortaq registry define ${file}`,
    );
    io.out(
      `${created ? 'created' : changed ? 'changed' : 'unchanged'}: ${registry.name} ${registry.version} ` +
        `(database id ${registry.id}, revision ${registry.revision})`,
    );
    return ExitCode.ok;
  });
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as Error).message}`, ExitCode.badInput);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file} is not JSON: ${(error as Error).message}`, ExitCode.badInput);
  }
}
