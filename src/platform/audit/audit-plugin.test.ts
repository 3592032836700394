import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { keyIdOf, readDeploymentPublicKey } from '../crypto/deployment-key.js';
import { verifyAuditLog } from './verify.js';

describe('audit log in the app', () => {
  let dataDir: string;
  let testApp: TestApp;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-audit-app-'));
    testApp = await createTestApp({
      env: { DATA_DIR: dataDir, AUDIT_CHECKPOINT_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    await testApp.database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('appends through app.platform.audit, signs checkpoints periodically and on close', async () => {
    const { app, database } = testApp;
    await app.platform.audit.append({
      action: 'identity.sign-in',
      outcome: 'failure',
      actorAccountId: null,
      subject: 'demo.citizen',
      details: { code: 'IDENTITY_WRONG_PASSWORD' },
    });
    // The deployment key was created under DATA_DIR/keys on start.
    const publicKey = await readDeploymentPublicKey(dataDir);
    expect(publicKey).not.toBeNull();
    const trusted = new Map([[keyIdOf(publicKey!), publicKey!]]);

    await expect
      .poll(
        async () =>
          (await database.db.selectFrom('audit_checkpoint').select('seq').execute()).map(
            (row) => row.seq,
          ),
        { timeout: 5000, interval: 200 },
      )
      .toEqual([1]);

    // Appended but not awaited: closing the app must still write it and sign it.
    void app.platform.audit.append({
      action: 'identity.sign-out',
      outcome: 'success',
      actorAccountId: null,
    });
    await app.close();
    const checkpoints = await database.db
      .selectFrom('audit_checkpoint')
      .select(['seq', 'key_id'])
      .orderBy('seq')
      .execute();
    expect(checkpoints).toEqual([
      { seq: 1, key_id: keyIdOf(publicKey!) },
      { seq: 2, key_id: keyIdOf(publicKey!) },
    ]);
    const report = await verifyAuditLog(database.url, trusted);
    expect(report.problem).toBeUndefined();
    expect(report).toMatchObject({ entries: 2, checkpoints: 2, latestCheckpointSeq: 2 });
  });
});
