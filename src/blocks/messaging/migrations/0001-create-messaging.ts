import { sql, type Kysely } from 'kysely';
import type { Migration } from '../../../platform/db/migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const runAll = async (db: Kysely<any>, statements: ReturnType<typeof sql>[]) => {
  for (const statement of statements) await statement.execute(db);
};

/**
 * The status feed, the inboxes, email deliveries and their attempts, and people's email
 * addresses. The feed, the messages, the deliveries and the attempts are legal records (what the
 * state told whom, when, and whether it reached them): a trigger refuses UPDATE, DELETE and
 * TRUNCATE on them, so history only grows. Read marks and contact addresses are not records.
 */
export const createMessaging: Migration = {
  number: 1,
  name: 'create-messaging',
  up: (db) =>
    runAll(db, [
      sql`
        create function messaging_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
            using errcode = 'insufficient_privilege';
        end $$`,

      sql`
        create table messaging_status_event (
          id uuid primary key default gen_random_uuid(),
          seq bigint generated always as identity unique,
          subject_kind text not null check (subject_kind ~ '^[a-z][a-z0-9-]{0,62}$'),
          subject_id text not null check (length(subject_id) between 1 and 200),
          status text not null check (status ~ '^[a-z][a-z0-9-]{0,62}$'),
          template_id text not null,
          params jsonb not null check (jsonb_typeof(params) = 'object'),
          link text check (link ~ '^/[^/]'),
          recipient_person_id uuid references identity_person (id),
          recipient_organisation_id uuid references identity_organisation (id),
          occurred_at timestamptz not null,
          check ((recipient_person_id is null) <> (recipient_organisation_id is null))
        )`,
      sql`create index messaging_status_event_subject on messaging_status_event (subject_kind, subject_id, seq)`,
      sql`create trigger messaging_status_event_append_only before update or delete or truncate
          on messaging_status_event for each statement execute function messaging_refuse_change()`,
      sql`comment on table messaging_status_event is 'The one status feed: every status a subject (an appeal, an application) reached, for one recipient. The inbox, email and the subject''s page all render from these rows'`,
      sql`comment on column messaging_status_event.seq is 'Order of publication; the latest row of a subject is its current status'`,
      sql`comment on column messaging_status_event.subject_kind is 'What the status is about, e.g. appeal; with subject_id it names the subject'`,
      sql`comment on column messaging_status_event.subject_id is 'Opaque id of the subject inside its module; never a national identifier'`,
      sql`comment on column messaging_status_event.status is 'Stable status code, e.g. registered, extended, decided'`,
      sql`comment on column messaging_status_event.template_id is 'Message template the channels render this status with'`,
      sql`comment on column messaging_status_event.params is 'Named values the template is filled with'`,
      sql`comment on column messaging_status_event.link is 'Path on this site where the recipient sees the subject'`,
      sql`comment on column messaging_status_event.recipient_person_id is 'The person told (exactly one of person and organisation)'`,
      sql`comment on column messaging_status_event.recipient_organisation_id is 'The organisation told; its members see it in its inbox'`,
      sql`comment on column messaging_status_event.occurred_at is 'When the subject reached the status'`,

      sql`
        create table messaging_inbox_message (
          id uuid primary key default gen_random_uuid(),
          seq bigint generated always as identity unique,
          event_id uuid not null unique references messaging_status_event (id),
          recipient_person_id uuid references identity_person (id),
          recipient_organisation_id uuid references identity_organisation (id),
          rendered jsonb not null check (rendered ?& array['kk', 'ru', 'en']),
          link text,
          created_at timestamptz not null,
          check ((recipient_person_id is null) <> (recipient_organisation_id is null))
        )`,
      sql`create index messaging_inbox_message_person on messaging_inbox_message (recipient_person_id, seq) where recipient_person_id is not null`,
      sql`create index messaging_inbox_message_organisation on messaging_inbox_message (recipient_organisation_id, seq) where recipient_organisation_id is not null`,
      sql`create trigger messaging_inbox_message_append_only before update or delete or truncate
          on messaging_inbox_message for each statement execute function messaging_refuse_change()`,
      sql`comment on table messaging_inbox_message is 'Inbox messages, one per status event, in the inbox of a person or of an organisation'`,
      sql`comment on column messaging_inbox_message.rendered is 'Subject and text of the message in kk, ru and en, rendered once from the event''s template, so later template changes never rewrite what was said'`,
      sql`comment on column messaging_inbox_message.link is 'Path on this site the message points to (copied from the event)'`,

      sql`
        create table messaging_inbox_read (
          message_id uuid not null references messaging_inbox_message (id),
          person_id uuid not null references identity_person (id),
          read_at timestamptz not null,
          primary key (message_id, person_id)
        )`,
      sql`comment on table messaging_inbox_read is 'When a person first opened an inbox message; members of an organisation each have their own mark'`,

      sql`
        create table messaging_person_contact (
          person_id uuid primary key references identity_person (id),
          email text not null check (email ~ '^[^@\\s<>]+@[^@\\s<>]+$' and length(email) <= 254),
          updated_at timestamptz not null
        )`,
      sql`comment on table messaging_person_contact is 'Email address a person receives notices at (optional); identity stores none'`,

      sql`
        create table messaging_email_delivery (
          id uuid primary key default gen_random_uuid(),
          message_id uuid not null references messaging_inbox_message (id),
          to_person_id uuid not null references identity_person (id),
          to_address text not null,
          locale text not null check (locale in ('kk', 'ru', 'en')),
          subject text not null,
          text_body text not null,
          job_id uuid not null,
          created_at timestamptz not null
        )`,
      sql`create index messaging_email_delivery_message on messaging_email_delivery (message_id)`,
      sql`create trigger messaging_email_delivery_append_only before update or delete or truncate
          on messaging_email_delivery for each statement execute function messaging_refuse_change()`,
      sql`comment on table messaging_email_delivery is 'One email to send for an inbox message: its subject and text, rendered in the same transaction as the message from the same event and template (the HTML part is made from the text)'`,
      sql`comment on column messaging_email_delivery.to_address is 'Address at the time of publishing (from messaging_person_contact)'`,
      sql`comment on column messaging_email_delivery.locale is 'Language the email was rendered in: the recipient''s preferred one, kk by default'`,
      sql`comment on column messaging_email_delivery.job_id is 'pg-boss job that sends it; enqueued in the same transaction (outbox)'`,

      sql`
        create table messaging_email_attempt (
          id uuid primary key default gen_random_uuid(),
          delivery_id uuid not null references messaging_email_delivery (id),
          attempt integer not null check (attempt >= 1),
          outcome text not null check (outcome in ('delivered', 'deferred', 'bounced', 'notSent')),
          detail text not null,
          at timestamptz not null
        )`,
      sql`create index messaging_email_attempt_delivery on messaging_email_attempt (delivery_id, at)`,
      sql`create trigger messaging_email_attempt_append_only before update or delete or truncate
          on messaging_email_attempt for each statement execute function messaging_refuse_change()`,
      sql`comment on table messaging_email_attempt is 'Every attempt to hand an email to the SMTP server and its outcome; a delivery''s status is its latest attempt (none: scheduled)'`,
      sql`comment on column messaging_email_attempt.outcome is 'GovStack Messaging vocabulary: delivered (server accepted it), deferred (temporary failure, retried), bounced (server refused it for good), notSent (retries exhausted or email disabled)'`,
      sql`comment on column messaging_email_attempt.detail is 'SMTP answer or error, without the message content'`,
    ]),
};
