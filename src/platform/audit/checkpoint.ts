import { sql } from 'kysely';
import type { DeploymentKey } from '../crypto/deployment-key.js';
import { signBytes } from '../crypto/deployment-key.js';
import type { Database } from '../db/database.js';
import { canonicalTime } from './canonical.js';
import { checkpointStatement } from './checkpoint-statement.js';

export interface Checkpoint {
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
}

/**
 * Signs the latest committed entry (seq, hash) with the deployment key and stores the checkpoint.
 * Several processes may do this at once: a checkpoint for an entry already covered is skipped.
 *
 * Outcomes: the new checkpoint; null when the log is empty or its tail already has one; throws
 * the database error (nothing stored).
 */
export async function writeCheckpoint(
  db: Database,
  key: DeploymentKey,
  now: Date,
): Promise<Checkpoint | null> {
  return db.transaction().execute(async (trx) => {
    const tail = await sql<{ seq: number; hash: string; covered: boolean }>`
      select seq, encode(hash, 'hex') as hash,
             exists (select 1 from audit_checkpoint c where c.seq >= l.seq) as covered
      from audit_log l order by seq desc limit 1`.execute(trx);
    const latest = tail.rows[0];
    if (!latest || latest.covered) return null;
    const signedAt = canonicalTime(now);
    const signature = signBytes(key, checkpointStatement(latest.seq, latest.hash, signedAt));
    const inserted = await sql`
      insert into audit_checkpoint (seq, hash, signed_at, key_id, signature)
      values (${latest.seq}, decode(${latest.hash}, 'hex'), ${signedAt}::timestamptz,
              ${key.keyId}, ${signature})
      on conflict (seq) do nothing`.execute(trx);
    if (Number(inserted.numAffectedRows ?? 0) === 0) return null;
    return { seq: latest.seq, hash: latest.hash, signedAt, keyId: key.keyId };
  });
}
