import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { allMigrations } from '../migrations.js';
import type { Config } from '../platform/config/config.js';
import { migrate } from '../platform/db/migrate.js';
import { openDatabase } from '../platform/db/open-database.js';
import { isDomainError, type FieldProblem } from '../platform/errors.js';
import { ExitCode } from '../platform/exit-codes.js';
import { CommandError } from './run-command.js';

/** Where `ortaq registry …` writes its report; tests collect the lines. */
export interface RegistryIo {
  out(line: string): void;
}

export const processOut: RegistryIo = { out: (line) => process.stdout.write(line + '\n') };

/** Problems in English for the operator: `field: message (CODE)`. */
export function describeProblems(app: FastifyInstance, problems: FieldProblem[]): string[] {
  return problems.map((problem) => {
    const text = app.platform.catalogue.translate('en', `error.${problem.code}`, {
      label: app.platform.country.personId.label,
      ...problem.params,
    });
    return `${problem.field ? `${problem.field}: ` : ''}${text} (${problem.code})`;
  });
}

/**
 * Runs a registry command on the migrated database with the whole platform built (so audit
 * entries are chained as usual); a domain error becomes exit 64 with its problems in English.
 */
export async function withPlatform(
  config: Config,
  work: (app: FastifyInstance) => Promise<number>,
): Promise<number> {
  const database = await openDatabase(config);
  try {
    await migrate(database.db, allMigrations());
    const app = await buildApp({ config, db: database.db, logger: false });
    try {
      return await work(app);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problems =
        error.fields.length > 0
          ? error.fields
          : [{ field: '', code: error.code, params: error.params }];
      throw new CommandError(describeProblems(app, problems).join('; '), ExitCode.badInput);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
