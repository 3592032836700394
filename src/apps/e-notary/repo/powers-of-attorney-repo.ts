import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import type { PartyKind, PowerOfAttorneyFact, PowerOfAttorneyScope } from '../domain/facts.js';
import type { Revocation } from '../domain/power-of-attorney.js';
import './tables.js';

/** A power of attorney as the register holds it, with when it was entered. */
export interface StoredPowerOfAttorney extends PowerOfAttorneyFact {
  createdAt: Date;
  reason: string | null;
}

function query(db: Database) {
  return db
    .selectFrom('enotary_power_of_attorney as p')
    .leftJoin('enotary_poa_revocation as r', 'r.register_number', 'p.register_number')
    .select([
      'p.register_number',
      'p.principal_kind',
      'p.principal_id',
      'p.representative_iin',
      sql<string>`to_char(p.issued_on, 'YYYY-MM-DD')`.as('issued_on'),
      sql<string>`to_char(p.valid_until, 'YYYY-MM-DD')`.as('valid_until'),
      'p.scope',
      'p.created_at',
      'r.revoked_at',
      'r.reason',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

const toFact = (row: Row): StoredPowerOfAttorney => ({
  registerNumber: row.register_number,
  principal: { kind: row.principal_kind as PartyKind, id: row.principal_id },
  representativeIin: row.representative_iin,
  issuedOn: row.issued_on as LocalDate,
  validUntil: row.valid_until as LocalDate,
  revokedAt: row.revoked_at,
  scope: row.scope as unknown as PowerOfAttorneyScope,
  createdAt: row.created_at,
  reason: row.reason,
});

/** Powers of attorney by register number (unknown numbers are simply absent). */
export async function findPowersOfAttorney(
  db: Database,
  numbers: string[],
  options: { lock?: boolean } = {},
): Promise<StoredPowerOfAttorney[]> {
  if (numbers.length === 0) return [];
  let q = query(db).where('p.register_number', 'in', numbers);
  if (options.lock) q = q.forUpdate('p');
  return (await q.execute()).map(toFact);
}

/** Powers of attorney given by, or to, one IIN or BIN; newest first. */
export async function listPowersOfAttorneyOf(
  db: Database,
  ids: string[],
): Promise<StoredPowerOfAttorney[]> {
  if (ids.length === 0) return [];
  const rows = await query(db)
    .where((eb) => eb.or([eb('p.principal_id', 'in', ids), eb('p.representative_iin', 'in', ids)]))
    .orderBy('p.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toFact);
}

export async function insertPowerOfAttorney(
  trx: Database,
  poa: PowerOfAttorneyFact,
  createdAt: Date,
): Promise<void> {
  await trx
    .insertInto('enotary_power_of_attorney')
    .values({
      register_number: poa.registerNumber,
      principal_kind: poa.principal.kind,
      principal_id: poa.principal.id,
      representative_iin: poa.representativeIin,
      issued_on: poa.issuedOn,
      valid_until: poa.validUntil,
      scope: JSON.stringify(poa.scope),
      created_at: createdAt,
    })
    .execute();
}

export async function insertRevocation(
  trx: Database,
  revocation: Revocation,
  actorAccountId: string | null,
): Promise<void> {
  await trx
    .insertInto('enotary_poa_revocation')
    .values({
      register_number: revocation.registerNumber,
      revoked_at: revocation.revokedAt,
      reason: revocation.reason,
      reason_text: revocation.reasonText,
      requester: JSON.stringify(revocation.requester),
      actor_account_id: actorAccountId,
    })
    .execute();
}
