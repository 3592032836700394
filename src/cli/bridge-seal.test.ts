import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import {
  seedPopulationService,
  signedCall,
  startUpstream,
  type TestMember,
  type Upstream,
} from '../blocks/bridge/test/fixtures.js';
import { bridgeSealCommand } from './bridge-seal.js';

let test: TestApp;
let upstream: Upstream;
let consumer: TestMember;
let dataDir: string;

beforeAll(async () => {
  upstream = await startUpstream();
  // The command opens the deployment as `ortaq` would: its key under DATA_DIR, as the app's.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bridge-seal-'));
  test = await createTestApp({ env: { DATA_DIR: dataDir } });
  ({ consumer } = await seedPopulationService(test.app, upstream.baseUrl));
});
afterAll(async () => {
  await test.close();
  await upstream.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('ortaq bridge seal', () => {
  it('seals the pending exchanges at once, then finds nothing to seal', async () => {
    for (let i = 0; i < 2; i++) {
      const call = await signedCall(test.app, consumer, {
        method: 'GET',
        path: '/KZ/COM/070540001234/population/people/people/850725400024',
      });
      expect((await call.send()).statusCode).toBe(200);
    }
    const out: string[] = [];
    await bridgeSealCommand(test.config, (line) => out.push(line));
    await bridgeSealCommand(test.config, (line) => out.push(line));
    expect(out).toEqual([
      'sealed 2 exchanges in batches 1',
      'nothing to seal: every exchange of the message log is in a signed batch',
    ]);
    const batches = await test.app.platform.db
      .selectFrom('bridge_log_batch')
      .select('tree_size')
      .execute();
    expect(batches).toEqual([{ tree_size: 2 }]);
  });
});
