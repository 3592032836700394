import type { Database } from '../../../platform/db/database.js';
import type { PartyId } from '../domain/facts.js';
import '../repo/tables.js';

/**
 * Who a party is on the platform: the identity person (IIN) or organisation (BIN), so the
 * messaging block can reach them. Undefined for someone the platform does not know.
 */
export async function recipientOf(
  db: Database,
  country: string,
  party: PartyId,
): Promise<{ personId: string } | { organisationId: string } | undefined> {
  if (party.kind === 'person') {
    const row = await db
      .selectFrom('identity_person')
      .select('id')
      .where('country', '=', country)
      .where('national_id', '=', party.id)
      .executeTakeFirst();
    return row && { personId: row.id };
  }
  const row = await db
    .selectFrom('identity_organisation')
    .select('id')
    .where('country', '=', country)
    .where('national_id', '=', party.id)
    .executeTakeFirst();
  return row && { organisationId: row.id };
}

/** Identity person ids of the people among the parties (they may download the signed act). */
export async function personIdsOf(db: Database, country: string, iins: string[]) {
  if (iins.length === 0) return [];
  const rows = await db
    .selectFrom('identity_person')
    .select('id')
    .where('country', '=', country)
    .where('national_id', 'in', iins)
    .execute();
  return rows.map((row) => row.id);
}
