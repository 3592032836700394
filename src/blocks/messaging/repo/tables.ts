import type { ColumnType, Generated } from 'kysely';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { RenderedText } from '../domain/template.js';
import '../../identity/repo/tables.js';

/** jsonb written as a JSON string (pg would otherwise send an array as a PostgreSQL array). */
type Json<T> = ColumnType<T, string, never>;
/** Filled by the database and never written by the application. */
type Always<T> = ColumnType<T, never, never>;

export interface StatusEventTable {
  id: Generated<string>;
  seq: Always<number>;
  subject_kind: string;
  subject_id: string;
  status: string;
  template_id: string;
  params: Json<Record<string, string | number>>;
  link: string | null;
  recipient_person_id: string | null;
  recipient_organisation_id: string | null;
  occurred_at: Date;
}

export interface InboxMessageTable {
  id: Generated<string>;
  seq: Always<number>;
  event_id: string;
  recipient_person_id: string | null;
  recipient_organisation_id: string | null;
  rendered: Json<Record<Locale, RenderedText>>;
  link: string | null;
  created_at: Date;
}

export interface InboxReadTable {
  message_id: string;
  person_id: string;
  read_at: Date;
}

export interface PersonContactTable {
  person_id: string;
  email: string;
  locale: ColumnType<string, string | undefined, string>;
  updated_at: Date;
}

export interface EmailDeliveryTable {
  id: Generated<string>;
  message_id: string;
  to_person_id: string;
  to_address: string;
  locale: Locale;
  subject: string;
  text_body: string;
  job_id: string;
  created_at: Date;
}

export type EmailOutcome = 'delivered' | 'deferred' | 'bounced' | 'notSent';

export interface EmailAttemptTable {
  id: Generated<string>;
  delivery_id: string;
  attempt: number;
  outcome: EmailOutcome;
  detail: string;
  at: Date;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    messaging_status_event: StatusEventTable;
    messaging_inbox_message: InboxMessageTable;
    messaging_inbox_read: InboxReadTable;
    messaging_person_contact: PersonContactTable;
    messaging_email_delivery: EmailDeliveryTable;
    messaging_email_attempt: EmailAttemptTable;
  }
}
