import type { Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import '../../identity/repo/tables.js';

/**
 * Who belongs to an organisation's inbox. Identity records one person acting for an
 * organisation (its director); when identity learns about other members, this is the one place
 * to widen.
 */
export async function organisationMembers(
  db: Kysely<Tables>,
  organisationId: string,
): Promise<string[]> {
  const row = await db
    .selectFrom('identity_organisation')
    .select('director_person_id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.director_person_id ? [row.director_person_id] : [];
}

export async function personExists(db: Kysely<Tables>, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('identity_person')
    .select('id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function organisationExists(
  db: Kysely<Tables>,
  organisationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('identity_organisation')
    .select('id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisations whose inbox a person sees, as a subquery (same rule as organisationMembers). */
export const organisationIdsOf = (db: Kysely<Tables>, personId: string) =>
  db.selectFrom('identity_organisation').select('id').where('director_person_id', '=', personId);
