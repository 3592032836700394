import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './errors.js';

const run = promisify(execFile);

export const POSTGRES_USER = 'postgres';

/**
 * The user PostgreSQL runs as. PostgreSQL refuses to run as root, so when Ortaq runs as root the
 * server runs as the unprivileged `postgres` user, created (with its group) if missing. Undefined
 * when Ortaq itself is unprivileged: the server then runs as the same user.
 *
 * Outcomes: uid/gid or undefined; throws EmbeddedPostgresError when the user cannot be created.
 */
export async function postgresRunAs(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const found = await lookUp();
  if (found) return found;
  try {
    await run('groupadd', ['--system', POSTGRES_USER]).catch(async (error: { code?: number }) => {
      if (error.code !== 9) throw error; // 9: the group exists already
    });
    await run('useradd', ['--system', '--gid', POSTGRES_USER, '--no-create-home', POSTGRES_USER]);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Ortaq runs as root, so the embedded PostgreSQL must run as the unprivileged user ` +
        `"${POSTGRES_USER}", which does not exist and could not be created ` +
        `(${(error as Error).message.trim()}). Create it (useradd --system ${POSTGRES_USER}) ` +
        `or run Ortaq as an ordinary user.`,
    );
  }
  const created = await lookUp();
  if (!created)
    throw new EmbeddedPostgresError(`the user "${POSTGRES_USER}" was created but cannot be found`);
  return created;
}

async function lookUp(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', POSTGRES_USER]).then((r) => Number.parseInt(r.stdout, 10)),
      run('id', ['-g', POSTGRES_USER]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  } catch {
    return undefined;
  }
}
