import type { Kysely } from 'kysely';
import type { Tables } from '../../../platform/db/tables.js';
import './tables.js';

export async function upsertPersonEmail(
  db: Kysely<Tables>,
  personId: string,
  email: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('messaging_person_contact')
    .values({ person_id: personId, email, updated_at: at })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ email, updated_at: at }))
    .execute();
}

export async function deletePersonEmail(db: Kysely<Tables>, personId: string): Promise<void> {
  await db.deleteFrom('messaging_person_contact').where('person_id', '=', personId).execute();
}

export async function findPersonEmail(
  db: Kysely<Tables>,
  personId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('messaging_person_contact')
    .select('email')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.email;
}
