import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/** The language a person reads emailed notices in, kept with the address they receive them at. */
export const contactLanguage: Migration = {
  number: 2,
  name: 'contact-language',
  async up(db) {
    await sql`
      alter table messaging_person_contact
        add column locale text not null default 'kk' check (locale in ('kk', 'ru', 'en'))`.execute(
      db,
    );
    await sql`comment on column messaging_person_contact.locale is 'Language of emailed notices: the UI language the person set their address in, or chose'`.execute(
      db,
    );
  },
};
