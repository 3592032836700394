import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { loadConfig, type Config } from '../../../platform/config/config.js';
import { loadOrCreateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { appendToLedger, checkpointLedgers } from '../service/ledger.js';
import { ledgerVerifyCommand } from './ledger-verify-command.js';

let database: TestDatabase;
let dataDir: string;
let config: Config;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-ledger-cli-'));
  config = loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const key = await loadOrCreateDeploymentKey(dataDir);
  for (let n = 1; n <= 3; n++)
    await database.db.transaction().execute((trx) =>
      appendToLedger(trx, 'notary-acts', {
        kind: 'act.registered',
        actorAccountId: null,
        subject: `act-${n}`,
        details: { n },
      }),
    );
  await checkpointLedgers(database.db, key, new Date());
});
afterAll(async () => {
  await database.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function run(name: string) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await ledgerVerifyCommand(config, name, {
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

describe('ortaq ledger verify', () => {
  it('exits 0 with a summary when the ledger and its checkpoint are intact', async () => {
    const result = await run('notary-acts');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(
      /^ledger notary-acts intact: 3 entries, last entry 3 .* 1 signed checkpoint\(s\) valid/,
    );
  });

  it('exits 1 naming the changed entry, and 64 for a malformed name', async () => {
    await sql`alter table trust_ledger_entry disable trigger trust_ledger_entry_append_only`.execute(
      database.db,
    );
    await sql`update trust_ledger_entry set subject = 'act-99' where seq = 2`.execute(database.db);
    await sql`alter table trust_ledger_entry enable trigger trust_ledger_entry_append_only`.execute(
      database.db,
    );
    const result = await run('notary-acts');
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'ledger notary-acts verification failed: entry 2 was changed: its content no longer matches its hash',
    );
    expect((await run('Notary Acts')).code).toBe(64);
  });
});
