import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { authorityPem, listHolderCertificates } from '../../trust/index.js';
import { evidenceVerifyCommand } from '../cli/evidence-verify-command.js';
import {
  bridgeDepsOf,
  seedPopulationService,
  signedCall,
  startUpstream,
  type TestMember,
  type Upstream,
} from '../test/fixtures.js';
import { gatewayHolderId } from './gateway-identity.js';
import { SEAL_JOB, sealMessageLog } from './log-sealer.js';
import { exportEvidence, verifyBatch } from './message-log.js';

let test: TestApp;
let upstream: Upstream;
let consumer: TestMember;
let dir: string;

beforeAll(async () => {
  upstream = await startUpstream();
  test = await createTestApp();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-seal-'));
  ({ consumer } = await seedPopulationService(test.app, upstream.baseUrl));
});
afterAll(async () => {
  await test.close();
  await upstream.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const BASE = '/KZ/COM/070540001234/population/people';

const gatewayCertificates = () =>
  listHolderCertificates(
    test.app.platform.db,
    { kind: 'bridge-member', id: gatewayHolderId('KZ') },
    new Date(),
  );

describe('sealing the message log on a timer', () => {
  it('issues no gateway certificate while nothing is pending', async () => {
    expect(await sealMessageLog(bridgeDepsOf(test.app))).toEqual({ batches: [], exchanges: 0 });
    expect(await gatewayCertificates()).toHaveLength(0);
  });

  it("the job seals pending exchanges into a batch signed by the gateway's certificate, whose evidence verifies offline", async () => {
    const answered = await (
      await signedCall(test.app, consumer, { method: 'GET', path: `${BASE}/people/850725400024` })
    ).send();
    expect(answered.statusCode).toBe(200);
    const refused = await (
      await signedCall(test.app, consumer, {
        method: 'GET',
        path: '/KZ/COM/070540001234/population/nothing',
      })
    ).send();
    expect(refused.statusCode).toBe(404);

    // The worker as the schedule runs it, through the job queue.
    await test.app.platform.jobs.send(SEAL_JOB, {});
    const db = test.app.platform.db;
    let batches: { batch: string; tree_size: number; certificate_pem: string }[] = [];
    for (let i = 0; i < 100 && batches.length === 0; i++) {
      batches = await db
        .selectFrom('bridge_log_batch')
        .select(['batch', 'tree_size', 'certificate_pem'])
        .execute();
      if (batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(batches).toHaveLength(1);
    expect(batches[0]!.tree_size).toBe(2);
    const [certificate] = await gatewayCertificates();
    expect(certificate!.pem).toBe(batches[0]!.certificate_pem);
    expect(await verifyBatch(db, 1)).toEqual({ ok: true, treeSize: 2 });

    const exchangeId = answered.headers['bridge-exchange-id'] as string;
    const evidence = await exportEvidence(db, exchangeId);
    expect(evidence?.exchange.exchangeId).toBe(exchangeId);
    const file = path.join(dir, 'evidence.json');
    const ca = path.join(dir, 'ca.pem');
    await fs.writeFile(file, JSON.stringify(evidence));
    await fs.writeFile(ca, await authorityPem(test.app.trust));
    const out: string[] = [];
    const err: string[] = [];
    const verify = (name: string) =>
      evidenceVerifyCommand(name, { ca, out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(await verify(file)).toBe(0);
    expect(out[0]).toContain(`proven: exchange ${exchangeId}`);

    // A changed status is no longer the sealed exchange.
    await fs.writeFile(
      file,
      JSON.stringify({ ...evidence, exchange: { ...evidence!.exchange, status: 500 } }),
    );
    expect(await verify(file)).toBe(1);
    expect(err.join('\n')).toContain('not in the sealed batch');
  });

  it('seals later exchanges into the next batch with the same certificate', async () => {
    await (
      await signedCall(test.app, consumer, { method: 'GET', path: `${BASE}/people/850725400024` })
    ).send();
    const deps = bridgeDepsOf(test.app);
    expect(await sealMessageLog(deps)).toEqual({ batches: [2], exchanges: 1 });
    expect(await sealMessageLog(deps)).toEqual({ batches: [], exchanges: 0 });
    expect(await verifyBatch(test.app.platform.db, 2)).toEqual({ ok: true, treeSize: 1 });
    expect(await gatewayCertificates()).toHaveLength(1);
  });
});
