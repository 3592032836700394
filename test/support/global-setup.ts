import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../src/platform/db/embedded-postgres.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a database on the test server whose role may create databases. */
    adminDatabaseUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * One PostgreSQL server for the whole run: the external one named by DATABASE_URL, else an
 * embedded one in a temporary directory. Each test file then creates its own fresh database.
 */
export async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide('adminDatabaseUrl', external);
    return;
  }
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-test-'));
  // PostgreSQL runs as an unprivileged user when the tests run as root: it must reach the folder.
  await fs.chmod(dataDir, 0o755);
  embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  project.provide('adminDatabaseUrl', embedded.urlFor('postgres'));
}

export async function teardown() {
  await embedded?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}
