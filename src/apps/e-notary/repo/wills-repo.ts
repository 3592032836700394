import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import type { InheritanceCaseSummary, WillRecord } from '../domain/will-visibility.js';
import './tables.js';

export async function insertWill(
  trx: Database,
  will: WillRecord & { id: string; contentSha256: string; checks: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('enotary_will')
    .values({
      id: will.id,
      register_number: will.registerNumber,
      testator_iin: will.testatorIin,
      certified_by_iin: will.certifiedByIin,
      certified_at: will.certifiedAt,
      content_sha256: will.contentSha256,
      checks: JSON.stringify(will.checks),
    })
    .execute();
}

/** Every will of a testator, oldest first. The caller decides who may learn of them. */
export async function willsOfTestator(db: Database, testatorIin: string): Promise<WillRecord[]> {
  const rows = await db
    .selectFrom('enotary_will')
    .select(['register_number', 'testator_iin', 'certified_by_iin', 'certified_at'])
    .where('testator_iin', '=', testatorIin)
    .orderBy('certified_at')
    .execute();
  return rows.map((row) => ({
    registerNumber: row.register_number,
    testatorIin: row.testator_iin,
    certifiedByIin: row.certified_by_iin,
    certifiedAt: row.certified_at,
  }));
}

export interface StoredInheritanceCase extends InheritanceCaseSummary {
  id: string;
  openedOn: LocalDate;
  acceptanceEnds: LocalDate;
  openedAt: Date;
}

function casesQuery(db: Database) {
  return db
    .selectFrom('enotary_inheritance_case')
    .select([
      'id',
      'register_number',
      'testator_iin',
      'notary_iin',
      sql<string>`to_char(opened_on, 'YYYY-MM-DD')`.as('opened_on'),
      sql<string>`to_char(acceptance_ends, 'YYYY-MM-DD')`.as('acceptance_ends'),
      'opened_at',
    ]);
}

const toCase = (
  row: Awaited<ReturnType<ReturnType<typeof casesQuery>['execute']>>[number],
): StoredInheritanceCase => ({
  id: row.id,
  registerNumber: row.register_number,
  testatorIin: row.testator_iin,
  notaryIin: row.notary_iin,
  // Closing a case is not part of this app yet: every case in the register is open.
  status: 'open',
  openedOn: row.opened_on as LocalDate,
  acceptanceEnds: row.acceptance_ends as LocalDate,
  openedAt: row.opened_at,
});

export async function casesOfTestator(
  db: Database,
  testatorIin: string,
): Promise<StoredInheritanceCase[]> {
  return (await casesQuery(db).where('testator_iin', '=', testatorIin).execute()).map(toCase);
}

export async function findCase(
  db: Database,
  id: string,
): Promise<StoredInheritanceCase | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const row = await casesQuery(db).where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
}

export async function insertCase(trx: Database, value: StoredInheritanceCase): Promise<void> {
  await trx
    .insertInto('enotary_inheritance_case')
    .values({
      id: value.id,
      register_number: value.registerNumber,
      testator_iin: value.testatorIin,
      notary_iin: value.notaryIin,
      opened_on: value.openedOn,
      acceptance_ends: value.acceptanceEnds,
      opened_at: value.openedAt,
    })
    .execute();
}
