import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/** What the applicant says at the hearing (APPC Art. 73: they may comment before the decision). */
export const hearingComments: Migration = {
  number: 2,
  name: 'hearing-comments',
  up: async (db) => {
    await sql`
      create table otinish_hearing_comment (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references otinish_appeal (application_id),
        body_code text not null,
        text text not null check (length(text) between 1 and 10000),
        at timestamptz not null
      )`.execute(db);
    await sql`create index otinish_hearing_comment_appeal on otinish_hearing_comment (application_id, at)`.execute(
      db,
    );
    await sql`comment on table otinish_hearing_comment is 'The applicant''s comments on an intended adverse decision (APPC Art. 73 hearing); append-only'`.execute(
      db,
    );
    await sql`
      create trigger otinish_hearing_comment_append_only before update or delete on otinish_hearing_comment
      for each row execute function otinish_append_only()`.execute(db);
  },
};
