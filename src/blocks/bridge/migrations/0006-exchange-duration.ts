import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * How long the gateway took over each exchange, from receiving the call to having its answer
 * (the provider's time included): the latency a contract's usage reports. Operational data, not
 * evidence: it is not part of the sealed leaf. Exchanges logged before this have none.
 */
export const addExchangeDuration: Migration = {
  number: 6,
  name: 'exchange-duration',
  up: async (db) => {
    await sql`alter table bridge_exchange add column duration_ms integer`.execute(db);
    await sql`comment on column bridge_exchange.duration_ms is 'Milliseconds from receiving the call to its answer; not sealed'`.execute(
      db,
    );
  },
};
