import type { KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import {
  canonicalTime,
  detailsText,
  entryHash,
  GENESIS_HASH,
  NOT_STORABLE,
} from '../../../platform/audit/canonical.js';
import { checkpointStatement } from '../../../platform/audit/checkpoint-statement.js';
import {
  UTC_MICROS,
  verifyChain,
  type ChainSource,
  type VerifyReport,
} from '../../../platform/audit/verify.js';
import { signBytes, type DeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { poolOf, type Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import {
  LEDGER_ENTRY_KIND,
  LEDGER_NAME,
  LEDGER_TAG,
  ledgerCheckpointChain,
} from '../domain/ledger-entry.js';

/** One fact recorded in a legal register's ledger. */
export interface LedgerEntry {
  /** Dotted verb, e.g. `act.registered`, `power-of-attorney.revoked`. */
  kind: string;
  /** The account that recorded it; null for the system. */
  actorAccountId: string | null;
  /** The register record it is about (an act id, a register number); never a national identifier. */
  subject?: string | null;
  /** Small JSON facts (numbers, hashes of documents, statuses). */
  details: Record<string, unknown>;
}

export interface AppendedEntry {
  seq: number;
  hash: string;
}

// Two-key advisory lock: (this constant, hashtext(ledger)) serialises appends per ledger only.
const LEDGER_LOCK_CLASS = 7_160_011;

/**
 * Appends an entry to the named ledger (created on first use) inside the caller's transaction:
 * takes the ledger's lock (held until that transaction ends, so appends to one ledger are
 * serialised, even across processes, while other ledgers go on), reads the tail, and chains the
 * entry onto it with the audit log's canonical form (tag `ortaq.ledger.v1`, the ledger's name in
 * the outcome's place; see src/blocks/trust/README.md). The entry is durable when the caller
 * commits, and gone if it rolls back, together with the register change it records.
 *
 * Outcomes: the entry's seq and hash; throws DomainError TRUST_LEDGER_NAME_INVALID or
 * TRUST_LEDGER_ENTRY_INVALID (400) before anything is written, or the database error.
 */
export async function appendToLedger(
  trx: Database,
  ledgerName: string,
  entry: LedgerEntry,
  now: Date = new Date(),
): Promise<AppendedEntry> {
  if (typeof ledgerName !== 'string' || !LEDGER_NAME.test(ledgerName))
    throw new DomainError('TRUST_LEDGER_NAME_INVALID', 400);
  const time = canonicalTime(now);
  const prepared = prepareEntry(entry);
  await sql`insert into trust_ledger (name, created_at) values (${ledgerName}, ${time}::timestamptz)
            on conflict (name) do nothing`.execute(trx);
  await sql`select pg_advisory_xact_lock(${LEDGER_LOCK_CLASS}, hashtext(${ledgerName}))`.execute(
    trx,
  );
  const found = await sql<{ seq: number | null; hash: string | null; details: string }>`
    select tail.seq, tail.hash, ${prepared.details}::jsonb::text as details
    from (select 1) as one
    left join lateral (
      select seq, encode(hash, 'hex') as hash from trust_ledger_entry
      where ledger = ${ledgerName} order by seq desc limit 1
    ) as tail on true`.execute(trx);
  const tail = found.rows[0];
  const seq = (tail?.seq ?? 0) + 1;
  const prevHash = tail?.hash ?? GENESIS_HASH;
  const detailsJson = tail?.details as string;
  const hash = entryHash(
    {
      seq,
      time,
      action: prepared.kind,
      outcome: ledgerName,
      actor: prepared.actor,
      subject: prepared.subject,
      detailsJson,
      prevHash,
    },
    LEDGER_TAG,
  );
  await sql`
    insert into trust_ledger_entry (ledger, seq, at, kind, actor, subject, entry, prev_hash, hash)
    values (${ledgerName}, ${seq}, ${time}::timestamptz, ${prepared.kind}, ${prepared.actor},
            ${prepared.subject}, ${detailsJson}::jsonb, decode(${prevHash}, 'hex'),
            decode(${hash}, 'hex'))`.execute(trx);
  return { seq, hash };
}

function prepareEntry(entry: LedgerEntry) {
  const bad = () => new DomainError('TRUST_LEDGER_ENTRY_INVALID', 400);
  if (
    typeof entry?.kind !== 'string' ||
    entry.kind.length > 200 ||
    !LEDGER_ENTRY_KIND.test(entry.kind)
  )
    throw bad();
  for (const value of [entry.actorAccountId, entry.subject])
    if (
      value != null &&
      (typeof value !== 'string' || NOT_STORABLE.test(value) || value.length > 500)
    )
      throw bad();
  let details: string;
  try {
    details = detailsText(entry.details);
  } catch {
    throw bad();
  }
  return {
    kind: entry.kind,
    actor: entry.actorAccountId ?? null,
    subject: entry.subject ?? null,
    details,
  };
}

export interface LedgerCheckpoint {
  ledger: string;
  seq: number;
  hash: string;
  signedAt: string;
}

/**
 * Signs, for every ledger whose latest entry no checkpoint covers yet, a checkpoint of that entry
 * with the deployment key (the audit log's checkpoint statement, naming the ledger). Run
 * periodically by trustPlugin (every AUDIT_CHECKPOINT_SECONDS) and when the app closes; several
 * processes may run it at once (a checkpoint already written is skipped).
 *
 * Outcomes: the checkpoints written (empty when every ledger is covered); throws the database
 * error (nothing stored).
 */
export async function checkpointLedgers(
  db: Database,
  key: DeploymentKey,
  now: Date,
): Promise<LedgerCheckpoint[]> {
  const signedAt = canonicalTime(now);
  return db.transaction().execute(async (trx) => {
    const tails = await sql<{ ledger: string; seq: number; hash: string }>`
      select l.name as ledger, t.seq, encode(t.hash, 'hex') as hash
      from trust_ledger l
      cross join lateral (
        select seq, hash from trust_ledger_entry e where e.ledger = l.name
        order by seq desc limit 1
      ) as t
      where not exists (
        select 1 from trust_ledger_checkpoint c where c.ledger = l.name and c.seq >= t.seq
      )`.execute(trx);
    const written: LedgerCheckpoint[] = [];
    for (const tail of tails.rows) {
      const signature = signBytes(
        key,
        checkpointStatement(tail.seq, tail.hash, signedAt, ledgerCheckpointChain(tail.ledger)),
      );
      const inserted = await sql`
        insert into trust_ledger_checkpoint (ledger, seq, hash, signed_at, key_id, signature)
        values (${tail.ledger}, ${tail.seq}, decode(${tail.hash}, 'hex'), ${signedAt}::timestamptz,
                ${key.keyId}, ${signature})
        on conflict (ledger, seq) do nothing`.execute(trx);
      if (Number(inserted.numAffectedRows ?? 0) > 0) written.push({ ...tail, signedAt });
    }
    return written;
  });
}

/**
 * Re-checks a whole ledger from one snapshot, exactly as `ortaq audit verify` checks the audit
 * log (the same row checker, on two threads): every entry's hash, every link, no gap, every
 * checkpoint's signature by one of `trustedKeys` (keyed by key id) and hash, and no entry cut
 * off after a checkpoint.
 *
 * Outcomes: the report; `problem` names the first changed, deleted or reordered entry, or the
 * first forged or contradicted checkpoint. An unknown ledger reports 0 entries. Throws
 * TRUST_LEDGER_NAME_INVALID for a malformed name, or the database error.
 */
export async function verifyLedger(
  db: Database,
  ledgerName: string,
  trustedKeys: ReadonlyMap<string, KeyObject>,
  options: { threads?: 1 | 2 } = {},
): Promise<VerifyReport> {
  if (typeof ledgerName !== 'string' || !LEDGER_NAME.test(ledgerName))
    throw new DomainError('TRUST_LEDGER_NAME_INVALID', 400);
  const pool = poolOf(db);
  if (!pool) throw new Error('verifyLedger needs a database made by createDatabase');
  const client = await pool.connect();
  let report: VerifyReport | undefined;
  try {
    report = await verifyChain(client, trustedKeys, ledgerChainSource(ledgerName), options);
    return report;
  } finally {
    // After a problem the connection may be mid-COPY: it is discarded, not reused.
    client.release(report === undefined || report.problem !== undefined);
  }
}

/**
 * Where verifyChain finds a ledger: its checkpoints, and its entries as a COPY of the nine
 * columns in the audit log's order (the ledger's name where an audit entry has its outcome).
 * `ledgerName` must match LEDGER_NAME: COPY takes no parameters, so the name is inlined, which is
 * safe only because LEDGER_NAME allows nothing but lower-case letters, digits and dashes.
 */
export function ledgerChainSource(ledgerName: string): ChainSource {
  if (!LEDGER_NAME.test(ledgerName)) throw new DomainError('TRUST_LEDGER_NAME_INVALID', 400);
  return {
    tag: LEDGER_TAG,
    checkpointChain: ledgerCheckpointChain(ledgerName),
    checkpoints: {
      text: `select seq::float8 as seq, encode(hash, 'hex') as hash, key_id, signature,
                    to_char(signed_at at time zone 'UTC', ${UTC_MICROS}) as signed_at
             from trust_ledger_checkpoint where ledger = $1 order by seq`,
      values: [ledgerName],
    },
    copy: `copy (select seq, at, kind, ledger, actor, subject, entry, prev_hash, hash
                 from trust_ledger_entry where ledger = '${ledgerName}' order by seq) to stdout`,
  };
}
