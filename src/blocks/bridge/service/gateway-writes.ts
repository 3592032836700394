import { sql } from 'kysely';
import {
  checkAccessRecord,
  type AccessRecordInput,
} from '../../../platform/audit/access/access-records.js';
import type { Database } from '../../../platform/db/database.js';
import { GroupCommit } from '../../../platform/db/group-commit.js';
import '../../trust/repo/tables.js';
import type { NewExchange } from './message-log.js';

/** What a nonce claim found: the nonce is now this call's; it was used; the key is revoked. */
export type ClaimOutcome = 'claimed' | 'used' | 'revoked';

interface Claim {
  kind: 'claim';
  keyId: string;
  nonce: string;
  until: Date;
  /** The member certificate that signed (a `bridge-member` certificate's id), to check again. */
  certificateId: string | undefined;
}

interface Exchange {
  kind: 'exchange';
  exchange: NewExchange;
  access: { at: Date; input: AccessRecordInput } | undefined;
}

type Write = Claim | Exchange;

/**
 * The gateway's two writes per call, group-committed together: a call claims its nonce before
 * it is forwarded and logs its exchange (with the person's access record) before it is answered;
 * the claims and logs of concurrent calls go into one statement, so one commit and its WAL flush
 * serves them all.
 *
 * - A nonce is a row of its own, unique across gateway nodes: the first claim wins, within a
 *   batch as across batches and nodes, so a replay never reaches a provider.
 * - The claim checks again, in the same statement, that the signing member certificate is not
 *   revoked: a revocation takes effect with the next call on every node, whatever the caches
 *   hold. A revoked key's claim spends no nonce.
 * - A call's promise resolves once its batch committed, so the gateway forwards only claimed
 *   calls and answers only logged exchanges (fails closed). When a batch fails its writes are
 *   tried again one by one (GroupCommit), so one bad write fails its own call only.
 */
export class GatewayWrites {
  private readonly group: GroupCommit<Write, ClaimOutcome | undefined>;
  private sweptAt = 0;

  constructor(
    private readonly db: Database,
    options: { writers?: number; maxBatch?: number } = {},
  ) {
    this.group = new GroupCommit((writes) => writeBatch(db, writes), {
      writers: options.writers ?? 2,
      maxBatch: options.maxBatch ?? 500,
    });
  }

  /** Claims a nonce of `keyId` until `until`. Outcomes: see ClaimOutcome; rejects on failure. */
  async claim(
    claim: { keyId: string; nonce: string; until: Date; certificateId?: string },
    now: Date,
  ): Promise<ClaimOutcome> {
    if (now.getTime() - this.sweptAt > 60_000) {
      // Expired nonces can no longer be replayed (the signature window has passed).
      this.sweptAt = now.getTime();
      await this.db.deleteFrom('bridge_nonce').where('expires_at', '<', now).execute();
    }
    const outcome = await this.group.submit({
      kind: 'claim',
      keyId: claim.keyId,
      nonce: claim.nonce,
      until: claim.until,
      certificateId: claim.certificateId,
    });
    return outcome!;
  }

  /**
   * Logs an exchange and the access record of the person it concerns. Outcomes: resolves once
   * committed; rejects with the error that stopped the write (AUDIT_ACCESS_RECORD_INVALID first).
   */
  async log(exchange: NewExchange, access?: { at: Date; input: AccessRecordInput }): Promise<void> {
    if (access) checkAccessRecord(access.input);
    await this.group.submit({ kind: 'exchange', exchange, access });
  }
}

const nonceKey = (c: { keyId: string; nonce: string }) => `${c.keyId}\n${c.nonce}`;

/**
 * One statement for the whole batch, its rows passed as arrays (so its text is one of four,
 * whatever the batch's size): the claims (`claim`), the signing certificates among them that are
 * revoked (`revoked`), the nonces inserted (`claimed`: not used before, signed by a certificate
 * in force), the exchanges (`logged`) and the access records (`accessed`, as recordAccess writes
 * them). A part with no rows is left out, so claims are taken even while the log's tables are
 * not writable.
 */
async function writeBatch(db: Database, writes: Write[]): Promise<(ClaimOutcome | undefined)[]> {
  const claims = writes.filter((write): write is Claim => write.kind === 'claim');
  const exchanges = writes.filter((write): write is Exchange => write.kind === 'exchange');
  // The same nonce twice in one batch: only its first claim is sent (and may win).
  const first = new Map<string, Claim>();
  for (const claim of claims) if (!first.has(nonceKey(claim))) first.set(nonceKey(claim), claim);
  const accessed = exchanges.flatMap(({ access }) => (access ? [access] : []));
  const parts = [
    ...(first.size > 0 ? claimParts([...first.values()]) : []),
    ...(exchanges.length > 0 ? [exchangePart(exchanges.map(({ exchange }) => exchange))] : []),
    ...(accessed.length > 0 ? [accessPart(accessed)] : []),
  ];
  const { rows } = await sql<{ key_id: string; nonce: string | null }>`
    with ${sql.join(parts)}
    ${
      first.size > 0
        ? sql`select key_id, nonce from claimed
              union all select certificate_id::text, null from revoked`
        : sql`select null::text as key_id, null::text as nonce where false`
    }`.execute(db);
  const won = new Set<string>();
  const revoked = new Set<string>();
  for (const row of rows) {
    if (row.nonce === null) revoked.add(row.key_id);
    else won.add(nonceKey({ keyId: row.key_id, nonce: row.nonce }));
  }
  return writes.map((write) => {
    if (write.kind === 'exchange') return undefined;
    if (write.certificateId !== undefined && revoked.has(write.certificateId)) return 'revoked';
    return first.get(nonceKey(write)) === write && won.has(nonceKey(write)) ? 'claimed' : 'used';
  });
}

const column = <T, V>(rows: T[], pick: (row: T) => V): V[] => rows.map(pick);

function claimParts(claims: Claim[]) {
  return [
    sql`claim as (
      select * from unnest(
        ${column(claims, (c) => c.keyId)}::text[], ${column(claims, (c) => c.nonce)}::text[],
        ${column(claims, (c) => c.until)}::timestamptz[],
        ${column(claims, (c) => c.certificateId ?? null)}::uuid[])
        as c (key_id, nonce, expires_at, certificate_id))`,
    sql`revoked as (
      select r.certificate_id from trust_certificate_revocation r
      where r.certificate_id in (select certificate_id from claim where certificate_id is not null))`,
    sql`claimed as (
      insert into bridge_nonce (key_id, nonce, expires_at)
      select key_id, nonce, expires_at from claim
      where certificate_id is null or certificate_id not in (select certificate_id from revoked)
      on conflict do nothing
      returning key_id, nonce)`,
  ];
}

const exchangePart = (rows: NewExchange[]) => sql`logged as (
  insert into bridge_exchange
    (id, received_at, client, service, method, request_hash, response_hash, status, duration_ms)
  select * from unnest(
    ${column(rows, (e) => e.id)}::uuid[], ${column(rows, (e) => e.receivedAt)}::timestamptz[],
    ${column(rows, (e) => e.client)}::text[], ${column(rows, (e) => e.service)}::text[],
    ${column(rows, (e) => e.method)}::text[], ${column(rows, (e) => e.requestHash)}::bytea[],
    ${column(rows, (e) => e.responseHash)}::bytea[], ${column(rows, (e) => e.status)}::integer[],
    ${column(rows, (e) => e.durationMs ?? null)}::integer[]))`;

const accessPart = (rows: { at: Date; input: AccessRecordInput }[]) => sql`accessed as (
  insert into access_record (person_id, accessed_at, accessor_account_id, accessor_name,
    accessor_organisation, purpose, legal_basis, fields, source)
  select person_id, accessed_at, accessor_account_id, accessor_name, accessor_organisation,
    purpose, legal_basis, array(select jsonb_array_elements_text(fields)), source
  from unnest(
    ${column(rows, (a) => a.input.personId)}::uuid[],
    ${column(rows, (a) => a.at)}::timestamptz[],
    ${column(rows, (a) => a.input.accessorAccountId)}::uuid[],
    ${column(rows, (a) => a.input.accessorName.trim())}::text[],
    ${column(rows, (a) => a.input.accessorOrganisation.trim())}::text[],
    ${column(rows, (a) => a.input.purpose.trim())}::text[],
    ${column(rows, (a) => a.input.legalBasis.trim())}::text[],
    ${column(rows, (a) => JSON.stringify(a.input.fields))}::jsonb[],
    ${column(rows, (a) => a.input.source.trim())}::text[])
    as r (person_id, accessed_at, accessor_account_id, accessor_name, accessor_organisation,
      purpose, legal_basis, fields, source))`;
