import { sign } from 'node:crypto';
import { sql } from 'kysely';
import { sealBatch, verifyBatch } from '../src/blocks/bridge/service/message-log.js';
import { testAuthority, testIssued } from '../src/blocks/bridge/test/pki.js';
import type { Benchmark, Figure } from './support/benchmark.js';

const EXCHANGES = 10_000;
const ROUNDS = 5;

/**
 * Verifying one message-log checkpoint of 10,000 exchanges (`verifyBatch`: read the batch's
 * records in leaf order, re-hash them into the RFC 9162 tree, compare the root, check the
 * gateway's Ed25519 signature), against reading the same rows with the same query and doing
 * nothing with them (the I/O floor). Also: sealing the batch. Median of ROUNDS runs.
 */
const benchmark: Benchmark = {
  name: 'Bridge message log: verify a checkpoint of 10,000 exchanges',
  async run({ createDatabase, log }) {
    const database = await createDatabase();
    try {
      const ca = await testAuthority('Ortaq bench CA');
      const gateway = await testIssued(ca, 'bench gateway', {
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2036-01-01T00:00:00Z'),
      });
      log(`writing ${EXCHANGES} exchanges`);
      await sql`
        insert into bridge_exchange
          (id, received_at, client, service, method, request_hash, response_hash, status)
        select gen_random_uuid(), now() + i * interval '1 millisecond', 'KZ/COM/150440012344/crm',
          'KZ/GOV/070540001234/population/read-person', 'GET',
          sha256(('request ' || i)::bytea), sha256(('response ' || i)::bytea), 200
        from generate_series(1, ${EXCHANGES}) i`.execute(database.db);
      const signer = {
        gateway: 'KZ/GOV/000000000001/gateway',
        certificatePem: gateway.pem,
        sign: (bytes: Buffer) => sign(null, bytes, gateway.privateKey),
      };
      const sealStart = performance.now();
      const sealed = await sealBatch(database.db, signer, new Date());
      const sealSeconds = (performance.now() - sealStart) / 1000;
      if (sealed?.treeSize !== EXCHANGES) throw new Error(`sealed ${sealed?.treeSize} exchanges`);

      const verifyTimes: number[] = [];
      const readTimes: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let start = performance.now();
        const check = await verifyBatch(database.db, sealed.batch);
        verifyTimes.push((performance.now() - start) / 1000);
        if (!check.ok) throw new Error(`the batch did not verify: ${check.problem}`);
        start = performance.now();
        await database.db
          .selectFrom('bridge_log_leaf as l')
          .innerJoin('bridge_exchange as e', 'e.seq', 'l.exchange_seq')
          .selectAll('e')
          .select('l.leaf_index')
          .where('l.batch', '=', String(sealed.batch))
          .orderBy('l.leaf_index')
          .execute();
        readTimes.push((performance.now() - start) / 1000);
      }
      const median = (values: number[]) =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const verify = median(verifyTimes);
      const read = median(readTimes);
      const figures: Figure[] = [
        { label: 'seal a batch of 10,000 exchanges', value: sealSeconds, unit: 's' },
        {
          label: 'verify the checkpoint of 10,000 exchanges (target: under 1 s)',
          value: verify,
          unit: 's',
        },
        { label: 'baseline: read the same rows, nothing done', value: read, unit: 's' },
        { label: 'ratio verify / read', value: verify / read, unit: 'x' },
      ];
      return figures;
    } finally {
      await database.drop();
    }
  },
};
export default benchmark;
