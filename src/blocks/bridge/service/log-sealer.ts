import type { BridgeDeps } from './deps.js';
import { gatewaySigner } from './gateway-identity.js';
import { sealBatch } from './message-log.js';

/** The job that seals the message log: scheduled every minute, one run at a time across nodes. */
export const SEAL_JOB = 'bridge.message-log.seal';
export const SEAL_SCHEDULE = '* * * * *';

/**
 * Seals every pending exchange of the message log into signed batches (each at most MAX_BATCH
 * exchanges), signed by the gateway's certificate, which is issued on the first batch. Nothing
 * pending: nothing is signed and no certificate is issued. Outcomes: the batches sealed and how
 * many exchanges they hold.
 */
export async function sealMessageLog(
  deps: BridgeDeps,
): Promise<{ batches: number[]; exchanges: number }> {
  const sealed = { batches: [] as number[], exchanges: 0 };
  const pending = await deps.db
    .selectFrom('bridge_exchange as e')
    .select('e.seq')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('bridge_log_leaf as l')
            .select('l.batch')
            .whereRef('l.exchange_seq', '=', 'e.seq'),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  if (!pending) return sealed;
  const signer = await gatewaySigner(deps);
  for (;;) {
    const batch = await sealBatch(deps.db, signer, deps.now());
    if (!batch) return sealed;
    sealed.batches.push(batch.batch);
    sealed.exchanges += batch.treeSize;
  }
}
