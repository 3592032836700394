import type { ColumnType, Generated } from 'kysely';
import '../../../blocks/services/index.js';

type Json = ColumnType<Record<string, unknown>, string, never>;
type DateColumn = ColumnType<string, string, never>;

export interface OtinishAppealTable {
  application_id: string;
  kind: string;
  category: string;
  region: string;
  district: string | null;
  topic: string;
  anonymous: boolean;
  reports_crime: boolean;
  reports_threat: boolean;
  considered: boolean;
  public_proposal: boolean;
  first_body_code: string;
  received_at: Date;
  complaint_of: string | null;
}

export interface OtinishCouponTable {
  number: string;
  application_id: string;
  body_code: string;
  received_at: Date;
  registration_date: DateColumn;
}

export interface OtinishActionTable {
  application_id: string;
  body_code: string;
  seq: number;
  type: string;
  at: Date;
  details: Json;
}

export interface OtinishCouponCounterTable {
  body_code: string;
  year: number;
  last_sequence: number;
}

export interface OtinishSupporterTable {
  application_id: string;
  person_id: string;
  joined_at: Date;
}

export interface OtinishHearingCommentTable {
  id: Generated<string>;
  application_id: string;
  body_code: string;
  text: string;
  at: Date;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    otinish_appeal: OtinishAppealTable;
    otinish_coupon: OtinishCouponTable;
    otinish_action: OtinishActionTable;
    otinish_coupon_counter: OtinishCouponCounterTable;
    otinish_supporter: OtinishSupporterTable;
    otinish_hearing_comment: OtinishHearingCommentTable;
  }
}
