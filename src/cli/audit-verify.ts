import type { KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Config } from '../platform/config/config.js';
import {
  keyIdOf,
  readDeploymentPublicKey,
  readPublicKeyPem,
} from '../platform/crypto/deployment-key.js';
import { openDatabase } from '../platform/db/open-database.js';
import { ExitCode } from '../platform/exit-codes.js';
import { verifyAuditLog } from '../platform/audit/verify.js';
import { CommandError } from './run-command.js';

export interface AuditVerifyOptions {
  /** Extra trusted public keys (SPKI PEM files), e.g. a key the deployment used before. */
  publicKey?: string[];
  out?: (line: string) => void;
}

/**
 * `ortaq audit verify`: re-checks the whole audit chain and every checkpoint signature. Trusts the
 * deployment key under DATA_DIR/keys and any key given with --public-key; it reads only.
 *
 * Outcomes: exit 0 with a summary on stdout; exit 1 (ExitCode.verificationFailed) with a sentence
 * naming the first changed, deleted or reordered entry, or the forged checkpoint; a CommandError
 * when the log has never been created here.
 */
export async function auditVerifyCommand(
  config: Config,
  options: AuditVerifyOptions = {},
): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(line + '\n'));
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
    const report = await verifyAuditLog(database.url, trusted).catch((error: unknown) => {
      if ((error as { code?: string }).code === '42P01')
        throw new CommandError(
          'this database has no audit log yet: run `ortaq migrate` or `ortaq start` first',
          ExitCode.verificationFailed,
        );
      throw error;
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (report.problem) {
      throw new CommandError(
        `audit log verification failed: ${report.problem.message}`,
        ExitCode.verificationFailed,
      );
    }
    const covered =
      report.latestCheckpointSeq === null
        ? 'no signed checkpoint yet'
        : `${report.checkpoints} signed checkpoint(s) valid, the latest covering entry ${report.latestCheckpointSeq}`;
    out(
      `audit log intact: ${report.entries} entries, last entry ${report.lastSeq} with hash ${report.lastHash}; ${covered}; checked in ${seconds} s`,
    );
    return ExitCode.ok;
  } finally {
    await database.close();
  }
}
