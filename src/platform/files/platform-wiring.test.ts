import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-wiring-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('app.platform files and calendar', () => {
  it('stores files under DATA_DIR/files and counts working days with the operator’s file', async () => {
    const transfers = path.join(dataDir, 'transfers.json');
    fs.writeFileSync(
      transfers,
      JSON.stringify({ adjustments: [{ date: '2026-03-14', kind: 'working-day', basis: 'test' }] }),
    );
    const test = await createTestApp({
      env: { DATA_DIR: dataDir, CALENDAR_TRANSFERS_FILE: transfers },
    });
    try {
      const { sha256 } = await test.app.platform.files.put(Buffer.from('wired'));
      expect(
        fs.existsSync(path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256)),
      ).toBe(true);
      expect(test.app.platform.calendar.isWorkingDay('2026-03-14')).toBe(true);
      expect(test.app.platform.calendar.isWorkingDay('2026-03-09')).toBe(false);
      expect(test.app.platform.catalogue.has('error.FILES_TOO_LARGE')).toBe(true);
    } finally {
      await test.close();
    }
  });
});
