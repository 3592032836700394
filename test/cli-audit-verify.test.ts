import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from './support/database.js';
import { writeCheckpoint } from '../src/platform/audit/checkpoint.js';
import { GroupCommitAuditLog } from '../src/platform/audit/group-commit-log.js';
import { loadOrCreateDeploymentKey } from '../src/platform/crypto/deployment-key.js';

const run = promisify(execFile);

/** Runs `ortaq audit verify` as an operator would; resolves with its exit code and output. */
async function ortaqAuditVerify(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('ortaq audit verify', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-cli-audit-'));
    const key = await loadOrCreateDeploymentKey(dataDir);
    const log = new GroupCommitAuditLog(database.db, { now: () => new Date() });
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        log.append({
          action: 'test.cli',
          outcome: 'success',
          actorAccountId: null,
          details: { n },
        }),
      ),
    );
    await writeCheckpoint(database.db, key, new Date());
  });
  afterAll(async () => {
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('exits 0 with a summary when the chain and its checkpoint are intact', async () => {
    const result = await ortaqAuditVerify({ DATABASE_URL: database.url, DATA_DIR: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^audit log intact: 30 entries, last entry 30 with hash [0-9a-f]{64}; 1 signed checkpoint\(s\) valid, the latest covering entry 30; checked in/,
    );
  });

  it('exits 1 naming the changed entry', async () => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
    await sql`update audit_log set outcome = 'failure' where seq = 9`.execute(database.db);
    const result = await ortaqAuditVerify({ DATABASE_URL: database.url, DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'ortaq: audit log verification failed: entry 9 was changed: its content no longer matches its hash\n',
    );
  });

  it('exits 1 when the checkpoints are signed by a key this deployment does not hold', async () => {
    const otherDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-cli-audit-other-'));
    try {
      const result = await ortaqAuditVerify({ DATABASE_URL: database.url, DATA_DIR: otherDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /checkpoint at entry 30 is signed by key [0-9a-f]{64}, which is not a trusted deployment key/,
      );
    } finally {
      await fs.rm(otherDir, { recursive: true, force: true });
    }
  });

  it('says so when the database has no audit log yet', async () => {
    const empty = await createEmptyDatabase();
    try {
      const result = await ortaqAuditVerify({ DATABASE_URL: empty.url, DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/this database has no audit log yet: run `ortaq migrate`/);
    } finally {
      await empty.drop();
    }
  });
});
