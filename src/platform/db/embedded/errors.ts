import { ExitCode } from '../../exit-codes.js';

/**
 * Why the embedded PostgreSQL could not start, said in one sentence an operator can act on, with
 * the exit code the CLI returns for it (the README documents the codes).
 */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.databaseUnavailable,
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

/** Another live process (usually another `ortaq start`) holds the data directory. */
export class DataDirLockedError extends EmbeddedPostgresError {
  constructor(message: string) {
    super(message, ExitCode.dataDirLocked);
    this.name = 'DataDirLockedError';
  }
}
