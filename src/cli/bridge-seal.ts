import { buildApp } from '../app.js';
import type { Config } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/open-database.js';
import { bridgeDeps, sealMessageLog } from '../blocks/bridge/index.js';

/**
 * `ortaq bridge seal`: seals every pending exchange of the message log now, as the minute job
 * does, signed by the gateway's certificate: before a backup, an export of evidence, or a planned
 * stop. Outcomes: exit 0 with the batches sealed (none when nothing was pending).
 */
export async function bridgeSealCommand(
  config: Config,
  out: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Promise<void> {
  const database = await openDatabase(config);
  try {
    const app = await buildApp({ config, db: database.db, logger: false });
    try {
      const sealed = await sealMessageLog(bridgeDeps(app.platform, app.trust));
      out(
        sealed.batches.length === 0
          ? 'nothing to seal: every exchange of the message log is in a signed batch'
          : `sealed ${sealed.exchanges} exchanges in batches ${sealed.batches.join(', ')}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
