import type { Generated, JSONColumnType } from 'kysely';
import type { RegistryDefinition } from '../domain/definition.js';
import type { RecordData } from '../domain/record-values.js';

export interface RegistryTable {
  id: Generated<number>;
  name: string;
  version: string;
  definition: JSONColumnType<RegistryDefinition, string, string>;
  revision: number;
  created_at: Date;
  modified_at: Date;
  modified_by: string;
  archived_at: Date | null;
}

export interface RegistryDefinitionVersionTable {
  registry_id: number;
  revision: number;
  definition: JSONColumnType<RegistryDefinition, string, string>;
  recorded_at: Date;
  author_account_id: string | null;
  author_name: string;
  reason: string;
}

export interface RegistryRecordTable {
  id: Generated<string>;
  registry_id: number;
  revision: number;
  data: JSONColumnType<RecordData, string, string>;
  subject_person_id: string | null;
  deleted: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export type RecordOperation = 'create' | 'update' | 'delete';

export interface RegistryRecordVersionTable {
  record_id: string;
  revision: number;
  registry_id: number;
  operation: RecordOperation;
  data: JSONColumnType<RecordData, string, string>;
  author_account_id: string | null;
  author_name: string;
  author_organisation: string;
  reason: string;
  recorded_at: Date;
}

export interface RegistryAccessLinkTable {
  access_record_id: string;
  registry_id: number;
  record_id: string;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    registry: RegistryTable;
    registry_definition_version: RegistryDefinitionVersionTable;
    registry_record: RegistryRecordTable;
    registry_record_version: RegistryRecordVersionTable;
    registry_access_link: RegistryAccessLinkTable;
  }
}
