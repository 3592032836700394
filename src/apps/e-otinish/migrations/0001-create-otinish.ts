import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/**
 * The appeal's legal record beside the services engine's application: the coupons, the APPC
 * history of each appeal at each body (append-only), the per-body coupon counters and the
 * citizens who joined a public proposal.
 */
export const createOtinish: Migration = {
  number: 1,
  name: 'create-otinish',
  up: async (db) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(db);
    await run(sql`
      create table otinish_coupon_counter (
        body_code text not null,
        year integer not null,
        last_sequence integer not null check (last_sequence >= 1),
        primary key (body_code, year)
      )`);
    await run(
      sql`comment on table otinish_coupon_counter is 'The last coupon sequence handed out per receiving body and registration year'`,
    );

    await run(sql`
      create table otinish_appeal (
        application_id uuid primary key references services_application (id),
        kind text not null,
        category text not null,
        region text not null,
        district text,
        topic text not null,
        anonymous boolean not null,
        reports_crime boolean not null,
        reports_threat boolean not null,
        considered boolean not null,
        public_proposal boolean not null,
        first_body_code text not null,
        received_at timestamptz not null,
        complaint_of uuid references otinish_appeal (application_id)
      )`);
    await run(sql`create index otinish_appeal_place on otinish_appeal (category, region)`);
    await run(
      sql`comment on table otinish_appeal is 'An appeal under the APPC: what the applicant addressed and reported; never updated (its history is otinish_action)'`,
    );
    await run(
      sql`comment on column otinish_appeal.anonymous is 'The applicant asked that the body not learn their name (APPC: anonymous appeal)'`,
    );
    await run(
      sql`comment on column otinish_appeal.considered is 'False for an anonymous appeal reporting neither a crime nor a threat: registered, not considered'`,
    );
    await run(
      sql`comment on column otinish_appeal.complaint_of is 'For a complaint to the higher body: the appeal complained about'`,
    );

    await run(sql`
      create table otinish_coupon (
        number text primary key,
        application_id uuid not null references otinish_appeal (application_id),
        body_code text not null,
        received_at timestamptz not null,
        registration_date date not null,
        unique (application_id, body_code)
      )`);
    await run(
      sql`comment on table otinish_coupon is 'Coupons (талон) handed to applicants at registration: unique number, receiving body, date and time of receipt, registration day; append-only'`,
    );

    await run(sql`
      create table otinish_action (
        application_id uuid not null references otinish_appeal (application_id),
        body_code text not null,
        seq integer not null check (seq >= 1),
        type text not null,
        at timestamptz not null,
        details jsonb not null,
        primary key (application_id, body_code, seq)
      )`);
    await run(
      sql`comment on table otinish_action is 'Append-only APPC history of an appeal at one body (registration, forwarding, extension, hearing notice, decision, deemed refusal, rating, complaint): the source of its legal status'`,
    );
    await run(
      sql`comment on column otinish_action.details is 'The domain action as recorded (terms, reasons, legal grounds, scores), dates as ISO text'`,
    );
    await run(sql`
      create function otinish_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
      end $$`);
    for (const table of ['otinish_action', 'otinish_coupon', 'otinish_appeal']) {
      await run(sql`
        create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
        for each row execute function otinish_append_only()`);
    }

    await run(sql`
      create table otinish_supporter (
        application_id uuid not null references otinish_appeal (application_id),
        person_id uuid not null references identity_person (id),
        joined_at timestamptz not null,
        primary key (application_id, person_id)
      )`);
    await run(
      sql`comment on table otinish_supporter is 'Citizens who joined an existing public proposal instead of filing a duplicate'`,
    );
  },
};
