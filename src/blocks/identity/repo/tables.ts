import type { ColumnType, Generated } from 'kysely';

/** A `date` column: written as `YYYY-MM-DD`, read through to_char (pg would make it a local Date). */
type DateColumn = ColumnType<string, string, string>;

export interface PersonTable {
  id: Generated<string>;
  country: string;
  national_id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  birth_date: DateColumn | null;
  created_at: Date;
}

export interface OrganisationTable {
  id: Generated<string>;
  country: string;
  national_id: string;
  name: string;
  director_person_id: string | null;
  created_at: Date;
}

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  parent_id: string | null;
  created_at: Date;
}

export interface OfficerTable {
  id: Generated<string>;
  person_id: string;
  agency_id: string;
  roles: string[];
  created_at: Date;
}

export interface AdministratorTable {
  person_id: string;
  created_at: Date;
}

export interface AccountTable {
  id: Generated<string>;
  person_id: string;
  username: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  failed_sign_ins: Generated<number>;
  last_failed_sign_in_at: Date | null;
  locked_until: Date | null;
  created_at: Date;
}

export interface UnknownLoginTable {
  login_hash: Buffer;
  failed_sign_ins: Generated<number>;
  last_failed_sign_in_at: Date | null;
  locked_until: Date | null;
}

export interface ApiClientTable {
  id: Generated<string>;
  name: string;
  key_prefix: string;
  key_hash: Buffer;
  scopes: string[];
  created_by_account_id: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    identity_person: PersonTable;
    identity_organisation: OrganisationTable;
    identity_agency: AgencyTable;
    identity_officer: OfficerTable;
    identity_administrator: AdministratorTable;
    identity_account: AccountTable;
    identity_unknown_login: UnknownLoginTable;
    identity_api_client: ApiClientTable;
  }
}
