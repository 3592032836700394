import type { Config } from '../platform/config/config.js';
import { startServer } from '../server.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * `ortaq start`: runs until SIGINT or SIGTERM, then stops in order: HTTP and jobs first (active
 * jobs get a bounded time to finish), then the database pool, then the embedded PostgreSQL with a
 * fast shutdown. A signal during start-up is honoured once start-up ends; further signals while
 * stopping are logged and ignored, so an impatient second Ctrl-C cannot cut the shutdown short.
 */
export async function startCommand(config: Config, options: { seedDemo: boolean }): Promise<void> {
  let stopping = false;
  let log: (signal: NodeJS.Signals, message: string) => void = (signal, message) =>
    process.stderr.write(`ortaq: ${message} (${signal})\n`);
  const requested = new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log(signal, 'already stopping; waiting for the shutdown to finish');
        return;
      }
      stopping = true;
      log(signal, 'stopping');
      resolve();
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
  });

  const server = await startServer(config, {
    beforeListen: async (app) => {
      if (options.seedDemo) {
        const { seedDemo } = await import('./seed.js');
        await seedDemo(app.platform, app.log, { trust: app.trust });
      }
    },
  });
  log = (signal, message) => server.app.log.info({ signal }, message);
  await requested;
  await server.close();
}
