import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import { GroupCommit } from '../../../platform/db/group-commit.js';

interface Claim {
  keyId: string;
  nonce: string;
  until: Date;
}

/**
 * Claims of signed requests' nonces, group-committed: the claims of concurrent calls are
 * inserted in one statement (one commit for all), and each call learns whether its nonce was
 * still free. A nonce is a row of its own, unique across gateway nodes; the first claim wins,
 * within a batch as across batches, so a replay never reaches a provider.
 */
export class NonceClaims {
  private readonly group: GroupCommit<Claim, boolean>;
  private sweptAt = 0;

  constructor(private readonly db: Database) {
    this.group = new GroupCommit((claims) => claimBatch(db, claims), {
      writers: 4,
      maxBatch: 500,
    });
  }

  /** Outcomes: true when this call claimed the nonce; false when it was already used. */
  async claim(keyId: string, nonce: string, until: Date, now: Date): Promise<boolean> {
    if (now.getTime() - this.sweptAt > 60_000) {
      // Expired nonces can no longer be replayed (the signature window has passed).
      this.sweptAt = now.getTime();
      await this.db.deleteFrom('bridge_nonce').where('expires_at', '<', now).execute();
    }
    return this.group.submit({ keyId, nonce, until });
  }
}

async function claimBatch(db: Database, claims: Claim[]): Promise<boolean[]> {
  const key = (c: { keyId: string; nonce: string }) => `${c.keyId}\n${c.nonce}`;
  // The same nonce twice in one batch: only its first claim is sent (and may win).
  const first = new Map<string, number>();
  claims.forEach((claim, index) => {
    if (!first.has(key(claim))) first.set(key(claim), index);
  });
  const unique = [...first.values()].map((index) => claims[index]!);
  const { rows } = await sql<{ key_id: string; nonce: string }>`
    insert into bridge_nonce (key_id, nonce, expires_at)
    select * from unnest(
      ${unique.map((c) => c.keyId)}::text[],
      ${unique.map((c) => c.nonce)}::text[],
      ${unique.map((c) => c.until)}::timestamptz[])
    on conflict do nothing
    returning key_id, nonce`.execute(db);
  const won = new Set(rows.map((row) => key({ keyId: row.key_id, nonce: row.nonce })));
  return claims.map((claim, index) => first.get(key(claim)) === index && won.has(key(claim)));
}
