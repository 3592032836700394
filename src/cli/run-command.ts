import { ConfigError, loadConfig, type Config } from '../platform/config/config.js';
import { EmbeddedPostgresError } from '../platform/db/embedded/errors.js';
import { MigrationError } from '../platform/db/migrate.js';
import { ExitCode } from '../platform/exit-codes.js';

/** An error that already knows the exit code and the sentence to tell the operator. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * Runs one CLI command with the validated configuration and turns every known failure into a
 * clear sentence on stderr and its documented exit code.
 */
export async function runCommand(
  action: (config: Config) => Promise<number | void>,
): Promise<void> {
  let code: number;
  try {
    code = (await action(loadConfig())) ?? ExitCode.ok;
  } catch (error) {
    const [message, exitCode] = describe(error);
    process.stderr.write(`ortaq: ${message}\n`);
    code = exitCode;
  }
  process.exitCode = code;
  // Everything this command opened is closed by now; should a library still hold the event loop
  // open, do not hang the operator's terminal or supervisor.
  setTimeout(() => process.exit(), 10_000).unref();
}

function describe(error: unknown): [string, number] {
  if (error instanceof CommandError) return [error.message, error.exitCode];
  if (error instanceof ConfigError) return [error.message, ExitCode.configInvalid];
  if (error instanceof MigrationError) return [error.message, ExitCode.migrationFailed];
  if (error instanceof EmbeddedPostgresError) return [error.message, error.exitCode];
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    const { address, port } = error as { address?: string; port?: number };
    return [
      `cannot listen on ${address ?? 'the configured address'}:${port ?? '?'}: the port is already ` +
        `in use by another program. Stop that program or set PORT to a free port.`,
      ExitCode.portInUse,
    ];
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    return [`cannot reach the database: ${(error as Error).message}`, ExitCode.databaseUnavailable];
  }
  return [
    error instanceof Error ? (error.stack ?? error.message) : String(error),
    ExitCode.unexpected,
  ];
}
