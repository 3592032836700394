import {
  recordAccess,
  type AccessRecordInput,
} from '../../../platform/audit/access/access-records.js';
import type { Database } from '../../../platform/db/database.js';
import { GroupCommit } from '../../../platform/db/group-commit.js';
import { exchangeRow, type NewExchange } from './message-log.js';

/** One exchange to log, with the access record of the person it concerns, if any. */
export interface ExchangeToLog {
  exchange: NewExchange;
  access?: { at: Date; input: AccessRecordInput };
}

/**
 * The gateway's writes to the message log, group-committed: the exchanges (and their access
 * records) of concurrent calls go into one transaction, so they share one commit and its WAL
 * flush instead of paying one each. A call's promise resolves once its rows are committed, so
 * the gateway still answers only what is logged (fails closed).
 */
export class ExchangeLogWriter {
  private readonly group: GroupCommit<ExchangeToLog>;

  constructor(db: Database, options: { writers?: number } = {}) {
    this.group = new GroupCommit((items) => writeBatch(db, items), {
      writers: options.writers ?? 4,
      maxBatch: 500,
    });
  }

  /** Outcomes: resolves once committed; rejects with the error that stopped the write. */
  write(item: ExchangeToLog): Promise<void> {
    return this.group.submit(item);
  }
}

async function writeBatch(db: Database, items: ExchangeToLog[]): Promise<void[]> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('bridge_exchange')
      .values(items.map(({ exchange }) => exchangeRow(exchange)))
      .execute();
    for (const { access } of items) if (access) await recordAccess(trx, access.at, access.input);
  });
  return items.map(() => undefined);
}
