import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<Record<string, unknown>, string, string>;
/** A `date` column, read as `YYYY-MM-DD` text (pg would make it a local Date). */
type DateColumn = ColumnType<string, string, string>;

export interface ApplicationTable {
  id: Generated<string>;
  reference: string;
  service_id: string;
  service_version: number;
  applicant_person_id: string;
  applicant_organisation_id: string | null;
  submitted_by_account_id: string;
  form_values: Json;
  submitted_at: Date;
  state: string;
  agency_code: string;
  assignee_account_id: string | null;
  last_seq: number;
  updated_at: Date;
}

export interface ActionTable {
  application_id: string;
  seq: number;
  action: string;
  to_state: string | null;
  actor_account_id: string | null;
  actor_role: string;
  at: Date;
  payload: Json;
  reason: string | null;
}

export interface DeadlineTable {
  id: Generated<string>;
  application_id: string;
  clock_id: string;
  due_date: DateColumn;
  due_at: Date;
  status: 'pending' | 'fired' | 'cancelled';
  created_at: Date;
  closed_at: Date | null;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    services_application: ApplicationTable;
    services_action: ActionTable;
    services_deadline: DeadlineTable;
  }
}
