import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

/** Applications, their append-only history of actions, and the deadlines of their legal clocks. */
export const createServices: Migration = {
  number: 1,
  name: 'create-services',
  up: async (db) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(db);
    await run(sql`create sequence services_reference_seq`);
    await run(sql`
      create table services_application (
        id uuid primary key default gen_random_uuid(),
        reference text not null unique,
        service_id text not null,
        service_version integer not null check (service_version >= 1),
        applicant_person_id uuid not null references identity_person (id),
        applicant_organisation_id uuid references identity_organisation (id),
        submitted_by_account_id uuid not null references identity_account (id),
        form_values jsonb not null,
        submitted_at timestamptz not null,
        state text not null,
        agency_code text not null,
        assignee_account_id uuid references identity_account (id),
        last_seq integer not null,
        updated_at timestamptz not null
      )`);
    await run(
      sql`create index services_application_applicant on services_application (applicant_person_id, submitted_at desc)`,
    );
    await run(
      sql`create index services_application_agency on services_application (agency_code, state)`,
    );
    await run(
      sql`comment on table services_application is 'Applications for declaratively defined services; the history in services_action is the legal record, the state columns here are a cache of it'`,
    );
    await run(
      sql`comment on column services_application.reference is 'The number the applicant and officers quote, year and sequence'`,
    );
    await run(
      sql`comment on column services_application.service_version is 'Version of the service definition the application was made under'`,
    );
    await run(
      sql`comment on column services_application.form_values is 'The form as submitted and checked (attachments as platform_file ids); never changed'`,
    );
    await run(
      sql`comment on column services_application.state is 'Cache: the state derived from services_action, updated in the same transaction as each action'`,
    );
    await run(
      sql`comment on column services_application.agency_code is 'Cache: the agency that works the application now (changes when it is forwarded)'`,
    );
    await run(
      sql`comment on column services_application.assignee_account_id is 'Cache: the officer the application is assigned to, from the last assign action'`,
    );
    await run(
      sql`comment on column services_application.last_seq is 'Sequence number of the last action, so actions are numbered without gaps'`,
    );

    await run(sql`
      create table services_action (
        application_id uuid not null references services_application (id),
        seq integer not null check (seq >= 1),
        action text not null,
        to_state text,
        actor_account_id uuid references identity_account (id),
        actor_role text not null,
        at timestamptz not null,
        payload jsonb not null default '{}'::jsonb,
        reason text,
        primary key (application_id, seq)
      )`);
    await run(
      sql`comment on table services_action is 'Append-only history of every action on an application (submit, transitions, assignments, checks, clock expiries): the source of its status'`,
    );
    await run(
      sql`comment on column services_action.action is 'submit, a transition id of the service definition, assign, check or clock-expired'`,
    );
    await run(
      sql`comment on column services_action.actor_role is 'The role the actor acted in: applicant, officer, agency-head, agency-deputy or system'`,
    );
    await run(
      sql`comment on column services_action.payload is 'Facts of the action: outputs issued (document, registry record), forwarded agency, check outcome, assignee'`,
    );
    await run(
      sql`comment on column services_action.reason is 'The reason the actor recorded (required for refusals, extensions and other reasoned decisions)'`,
    );
    await run(sql`
      create function services_action_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'services_action is append-only: % is not allowed', tg_op;
      end $$`);
    await run(sql`
      create trigger services_action_append_only before update or delete on services_action
      for each row execute function services_action_append_only()`);

    await run(sql`
      create table services_deadline (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references services_application (id),
        clock_id text not null,
        due_date date not null,
        due_at timestamptz not null,
        status text not null check (status in ('pending', 'fired', 'cancelled')),
        created_at timestamptz not null,
        closed_at timestamptz
      )`);
    await run(
      sql`create unique index services_deadline_one_pending on services_deadline (application_id, clock_id) where status = 'pending'`,
    );
    await run(
      sql`create index services_deadline_due on services_deadline (due_at) where status = 'pending'`,
    );
    await run(
      sql`comment on table services_deadline is 'When each running legal clock runs out; a job fires it at due_at, and the status marker makes firing happen once across restarts and server processes'`,
    );
    await run(
      sql`comment on column services_deadline.due_date is 'Last day of the period in the country calendar'`,
    );
    await run(
      sql`comment on column services_deadline.due_at is 'The instant the period ends: midnight after due_date in the country time zone'`,
    );
    await run(
      sql`comment on column services_deadline.status is 'pending until fired; cancelled when the clock stopped, paused or moved'`,
    );
  },
};
