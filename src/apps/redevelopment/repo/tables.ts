import type { ColumnType } from 'kysely';
import '../../../blocks/services/index.js';

type Json<T> = ColumnType<T, string, never>;
type DateColumn = ColumnType<string, string, never>;

/** An owner as the registry lists them: a person by IIN or an organisation by BIN. */
export interface Owner {
  kind: 'person' | 'organisation';
  id: string;
  /** The share as a fraction, e.g. `1/2`; empty for a building owner. */
  share: string;
}

export interface FlatFacts {
  cadastralNumber: string;
  address: string;
  areaSquareMetres: number;
  rooms: number | null;
  /** Year the building was commissioned, when the registry records it. */
  buildingYear?: number | null;
}

export interface Encumbrance {
  kind: string;
  authority: string;
  status: string;
}

export interface SelfCertification {
  licenceNumber: string;
  planSha256: string;
  changesSha256: string;
  ledgerSeq: number;
  /** The document the architect signed with their own certificate, and its public code. */
  documentId: string;
  verificationCode: string;
}

export interface RedevFilingTable {
  application_id: string;
  cadastral_number: string;
  building: string;
  architect_person_id: string;
  licence_number: string;
  route: 'self-certification' | 'expert-review';
  expert_reasons: Json<string[]>;
  changes: Json<Record<string, unknown>>;
  flat: Json<FlatFacts>;
  flat_owners: Json<Owner[]>;
  building_owners: Json<Owner[]>;
  encumbrances: Json<Encumbrance[]>;
  self_certification: Json<SelfCertification>;
  filed_at: Date;
}

/** A filing whose answers decided its next step, until the step is performed (the sweep's list). */
export interface RedevAdvanceDueTable {
  application_id: string;
  decided_at: Date;
}

export interface RedevConsentTable {
  application_id: string;
  owner_key: string;
  answer: 'given' | 'refused';
  answered_by_person_id: string;
  at: Date;
}

export interface RedevCounterTable {
  name: string;
  last_value: number;
}

export interface RedevRegistrationTable {
  application_id: string;
  number: string;
  sequence: number;
  registered_at: Date;
  registry_record_id: string;
  audit_picked: boolean;
  audit_reasons: Json<string[]>;
}

export interface RedevRegistrationDocumentTable {
  application_id: string;
  document_id: string;
  verification_code: string;
}

export interface RedevAuditDecisionTable {
  application_id: string;
  decision: 'confirmed' | 'revoked';
  reasons: string;
  inspector_account_id: string;
  architect_person_id: string;
  decided_at: Date;
  decided_on: DateColumn;
}

declare module '../../../platform/db/tables.js' {
  interface Tables {
    redev_filing: RedevFilingTable;
    redev_consent: RedevConsentTable;
    redev_advance_due: RedevAdvanceDueTable;
    redev_counter: RedevCounterTable;
    redev_registration: RedevRegistrationTable;
    redev_registration_document: RedevRegistrationDocumentTable;
    redev_audit_decision: RedevAuditDecisionTable;
  }
}

/** The key an owner's answer is stored under. */
export const ownerKey = (owner: Pick<Owner, 'kind' | 'id'>) => `${owner.kind}:${owner.id}`;
