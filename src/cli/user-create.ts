import { buildApp } from '../app.js';
import { USER_CREATE_ROLES, type UserCreateRole } from '../blocks/identity/domain/roles.js';
import { identityDeps } from '../blocks/identity/service/deps.js';
import { createUser } from '../blocks/identity/service/users.js';
import { allMigrations } from '../migrations.js';
import type { Config } from '../platform/config/config.js';
import { migrate } from '../platform/db/migrate.js';
import { openDatabase } from '../platform/db/open-database.js';
import { isDomainError } from '../platform/errors.js';
import { CommandError } from './run-command.js';
import { ExitCode } from '../platform/exit-codes.js';

/** sysexits' EX_USAGE: the command was given bad input; nothing was written. */
export const EXIT_BAD_INPUT = ExitCode.badInput;

export interface UserCreateOptions {
  nationalId: string;
  /** "Family Given [Patronymic]", the order of names on a Kazakh identity card. */
  name: string;
  role: string;
  agency?: string;
  username?: string;
  passwordStdin?: boolean;
}

export interface CommandIo {
  /** Everything on standard input (read only with --password-stdin). */
  readStdin(): Promise<string>;
  out(line: string): void;
}

const processIo: CommandIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (line) => process.stdout.write(line + '\n'),
};

/**
 * `ortaq user create`: creates a person's account with a role. The password comes from standard
 * input (never from an argument, which other users of the machine could see in the process
 * list). For officers and administrators it prints the TOTP otpauth:// URI once: import it in an
 * authenticator app.
 *
 * Outcomes: exit 0 with the account id (and the URI); exit 64 with the reason for bad input
 * (invalid national identifier, short password, unknown agency, existing account…).
 */
export async function userCreateCommand(
  config: Config,
  options: UserCreateOptions,
  io: CommandIo = processIo,
): Promise<number> {
  if (!USER_CREATE_ROLES.includes(options.role as UserCreateRole)) {
    throw new CommandError(
      `--role must be one of ${USER_CREATE_ROLES.join(', ')} (got ${JSON.stringify(options.role)})`,
      EXIT_BAD_INPUT,
    );
  }
  if (!options.passwordStdin) {
    throw new CommandError(
      'give the password on standard input with --password-stdin (never as an argument)',
      EXIT_BAD_INPUT,
    );
  }
  const names = options.name.trim().split(/\s+/);
  if (names.length < 2 || names.length > 3) {
    throw new CommandError(
      '--name must be "Family Given" or "Family Given Patronymic"',
      EXIT_BAD_INPUT,
    );
  }
  const [familyName, givenName, patronymic] = names as [string, string, string | undefined];
  const password = (await io.readStdin()).replace(/\r?\n$/, '');

  const database = await openDatabase(config);
  try {
    await migrate(database.db, allMigrations());
    const app = await buildApp({ config, db: database.db, logger: false });
    try {
      const created = await createUser(
        identityDeps(app.platform),
        {
          nationalId: options.nationalId.trim(),
          familyName,
          givenName,
          patronymic: patronymic ?? null,
          username: options.username ?? null,
          password,
          role: options.role as UserCreateRole,
          agencyCode: options.agency ?? null,
        },
        null,
      );
      io.out(`created account ${created.accountId} (${options.role})`);
      if (created.totpUri) {
        io.out('add this to an authenticator app now; it is not shown again:');
        io.out(created.totpUri);
      }
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problems =
        error.fields.length > 0
          ? error.fields
          : [{ field: '', code: error.code, params: error.params }];
      const message = problems
        .map((problem) => {
          const text = app.platform.catalogue.translate('en', `error.${problem.code}`, {
            label: app.platform.country.personId.label,
            ...problem.params,
          });
          return `${problem.field ? problem.field + ': ' : ''}${text} (${problem.code})`;
        })
        .join('; ');
      throw new CommandError(message, EXIT_BAD_INPUT);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
