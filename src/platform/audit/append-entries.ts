import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { AuditEvent } from './audit-event.js';
import { canonicalTime, detailsText, entryHash, GENESIS_HASH, NOT_STORABLE } from './canonical.js';

/** An event checked and put in canonical form, ready to be chained. */
export interface PreparedEvent {
  time: string;
  action: string;
  outcome: 'success' | 'failure';
  actor: string | null;
  subject: string | null;
  /** The details as JSON text; PostgreSQL renders it as jsonb before it is hashed. */
  details: string;
}

// Every process that appends to this database takes this lock, so the chain has one tail.
const AUDIT_CHAIN_LOCK_KEY = 7_160_002;

/**
 * Checks an event and computes its canonical details, before it joins a batch: one malformed
 * event must fail alone, never the batch of other callers it would have been written with.
 * Throws TypeError on an event no module should produce (a programming error, not user input).
 */
export function prepareEvent(event: AuditEvent, at: Date): PreparedEvent {
  if (typeof event.action !== 'string' || !/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(event.action))
    throw new TypeError(`audit: invalid action ${JSON.stringify(event.action)}`);
  if (event.outcome !== 'success' && event.outcome !== 'failure')
    throw new TypeError(`audit: invalid outcome ${JSON.stringify(event.outcome)}`);
  for (const value of [event.actorAccountId, event.subject]) {
    if (value != null && (typeof value !== 'string' || NOT_STORABLE.test(value)))
      throw new TypeError('audit: actor and subject must be strings without NUL');
  }
  return {
    time: canonicalTime(at),
    action: event.action,
    outcome: event.outcome,
    actor: event.actorAccountId ?? null,
    subject: event.subject ?? null,
    details: detailsText(event.details ?? {}),
  };
}

/**
 * Appends prepared events, in the order given, to the end of the chain inside the caller's
 * transaction: takes the chain lock (held until that transaction ends, so a second process
 * waits), reads the current tail inside the lock, hashes each entry onto it and inserts them
 * all in one statement. The entries are durable when the caller's transaction commits.
 *
 * Outcomes: the seq of the last entry written; throws the database error (nothing is written).
 */
export async function appendEntries(trx: Database, events: PreparedEvent[]): Promise<number> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(trx);
  // The tail, read inside the lock, and the jsonb text of each entry's details (what is hashed).
  const found = await sql<{ seq: number | null; hash: string | null; details: string[] }>`
    select tail.seq, tail.hash,
           array(select d::jsonb::text from unnest(${events.map((event) => event.details)}::text[])
                 with ordinality as t (d, n) order by n) as details
    from (select 1) as one
    left join lateral (
      select seq, encode(hash, 'hex') as hash from audit_log order by seq desc limit 1
    ) as tail on true`.execute(trx);
  const state = found.rows[0];
  let seq = state?.seq ?? 0;
  let prevHash = state?.hash ?? GENESIS_HASH;
  const rendered = state?.details ?? [];

  const columns = {
    seq: [] as number[],
    at: [] as string[],
    action: [] as string[],
    outcome: [] as string[],
    actor: [] as (string | null)[],
    subject: [] as (string | null)[],
    details: [] as string[],
    prev: [] as string[],
    hash: [] as string[],
  };
  for (const [index, event] of events.entries()) {
    seq += 1;
    const detailsJson = rendered[index] as string;
    const hash = entryHash({ seq, prevHash, ...event, detailsJson });
    columns.seq.push(seq);
    columns.at.push(event.time);
    columns.action.push(event.action);
    columns.outcome.push(event.outcome);
    columns.actor.push(event.actor);
    columns.subject.push(event.subject);
    columns.details.push(detailsJson);
    columns.prev.push(prevHash);
    columns.hash.push(hash);
    prevHash = hash;
  }
  // One statement for the whole batch: arrays travel as nine parameters, whatever the batch size.
  await sql`
    insert into audit_log (seq, at, action, outcome, actor, subject, details, prev_hash, hash)
    select seq, at, action, outcome, actor, subject, details,
           decode(prev, 'hex'), decode(hash, 'hex')
    from unnest(
      ${columns.seq}::int8[], ${columns.at}::timestamptz[], ${columns.action}::text[],
      ${columns.outcome}::text[], ${columns.actor}::text[], ${columns.subject}::text[],
      ${columns.details}::jsonb[], ${columns.prev}::text[], ${columns.hash}::text[]
    ) as entry (seq, at, action, outcome, actor, subject, details, prev, hash)`.execute(trx);
  return seq;
}
