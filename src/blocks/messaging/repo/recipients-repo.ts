import type { Kysely } from 'kysely';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { Tables } from '../../../platform/db/tables.js';
import '../../identity/repo/tables.js';

export async function personExists(db: Kysely<Tables>, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('identity_person')
    .select('id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Of these people, those who exist, each with their email contact if they have one: one query,
 * for a batch of statuses to publish.
 */
export async function peopleWithContacts(
  db: Kysely<Tables>,
  personIds: string[],
): Promise<Map<string, { email: string; locale: Locale } | null>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('identity_person as p')
    .leftJoin('messaging_person_contact as c', 'c.person_id', 'p.id')
    .select(['p.id', 'c.email', 'c.locale'])
    .where('p.id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      row.email ? { email: row.email, locale: row.locale as Locale } : null,
    ]),
  );
}

/**
 * Of these organisations, those that exist, each with the people of its inbox. Identity records
 * one person acting for an organisation (its director); when identity learns about other
 * members, this is the one place to widen.
 */
export async function organisationsWithMembers(
  db: Kysely<Tables>,
  organisationIds: string[],
): Promise<Map<string, string[]>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('identity_organisation')
    .select(['id', 'director_person_id'])
    .where('id', 'in', [...new Set(organisationIds)])
    .execute();
  return new Map(
    rows.map((row) => [row.id, row.director_person_id ? [row.director_person_id] : []]),
  );
}

/** The organisations whose inbox a person sees, as a subquery (same rule as organisationsWithMembers). */
export const organisationIdsOf = (db: Kysely<Tables>, personId: string) =>
  db.selectFrom('identity_organisation').select('id').where('director_person_id', '=', personId);
