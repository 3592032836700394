import type { Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import './tables.js';

export interface PersonContact {
  email: string;
  /** The language emailed notices are written in. */
  locale: Locale;
}

export async function upsertPersonEmail(
  db: Kysely<Tables>,
  personId: string,
  contact: PersonContact,
  at: Date,
): Promise<void> {
  const { email, locale } = contact;
  await db
    .insertInto('messaging_person_contact')
    .values({ person_id: personId, email, locale, updated_at: at })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ email, locale, updated_at: at }))
    .execute();
}

export async function deletePersonEmail(db: Kysely<Tables>, personId: string): Promise<void> {
  await db.deleteFrom('messaging_person_contact').where('person_id', '=', personId).execute();
}

export async function findPersonContact(
  db: Kysely<Tables>,
  personId: string,
): Promise<PersonContact | undefined> {
  const row = await db
    .selectFrom('messaging_person_contact')
    .select(['email', 'locale'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row && { email: row.email, locale: row.locale as Locale };
}

export const findPersonEmail = async (
  db: Kysely<Tables>,
  personId: string,
): Promise<string | undefined> => (await findPersonContact(db, personId))?.email;
