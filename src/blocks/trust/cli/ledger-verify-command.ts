import type { KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Config } from '../../../platform/config/config.js';
import {
  keyIdOf,
  readDeploymentPublicKey,
  readPublicKeyPem,
} from '../../../platform/crypto/deployment-key.js';
import { openDatabase } from '../../../platform/db/open-database.js';
import { ExitCode } from '../../../platform/exit-codes.js';
import { LEDGER_NAME } from '../domain/ledger-entry.js';
import { verifyLedger } from '../service/ledger.js';

export interface LedgerVerifyOptions {
  /** Extra trusted public keys (SPKI PEM files), e.g. a key the deployment used before. */
  publicKey?: string[];
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/**
 * `ortaq ledger verify NAME`: re-checks a legal register's ledger (every entry, link and signed
 * checkpoint), trusting the deployment key under DATA_DIR/keys and any --public-key. Reads only.
 *
 * Outcomes: ExitCode.ok with a summary on stdout; ExitCode.verificationFailed with a sentence on
 * stderr naming the first changed, deleted or reordered entry or the bad checkpoint;
 * ExitCode.badInput for a malformed name.
 */
export async function ledgerVerifyCommand(
  config: Config,
  name: string,
  options: LedgerVerifyOptions = {},
): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(line + '\n'));
  const err = options.err ?? ((line: string) => process.stderr.write(`ortaq: ${line}\n`));
  if (!LEDGER_NAME.test(name)) {
    err(`"${name}" is not a ledger name: lower-case letters, digits and dashes`);
    return ExitCode.badInput;
  }
  const trusted = new Map<string, KeyObject>();
  const deploymentKey = await readDeploymentPublicKey(config.dataDir);
  if (deploymentKey) trusted.set(keyIdOf(deploymentKey), deploymentKey);
  for (const file of options.publicKey ?? []) {
    const key = readPublicKeyPem(await fs.readFile(file, 'utf8'));
    trusted.set(keyIdOf(key), key);
  }
  const database = await openDatabase(config);
  try {
    const started = performance.now();
    const report = await verifyLedger(database.db, name, trusted);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (report.problem) {
      err(`ledger ${name} verification failed: ${report.problem.message}`);
      return ExitCode.verificationFailed;
    }
    const covered =
      report.latestCheckpointSeq === null
        ? 'no signed checkpoint yet'
        : `${report.checkpoints} signed checkpoint(s) valid, the latest covering entry ${report.latestCheckpointSeq}`;
    out(
      `ledger ${name} intact: ${report.entries} entries, last entry ${report.lastSeq} with hash ${report.lastHash}; ${covered}; checked in ${seconds} s`,
    );
    return ExitCode.ok;
  } finally {
    await database.close();
  }
}
