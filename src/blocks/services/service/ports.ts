import type { Database } from '../../../platform/db/database.js';
import type { Localised } from '../domain/definition.js';
import type { FormValues } from '../domain/form-values.js';

/*
 * What the engine needs from other blocks, as small interfaces the app wiring implements
 * (messaging, registries, trust). Every call gets the engine's open transaction, so what a port
 * writes commits or rolls back with the action that caused it: nothing is half-written.
 */

/** Who an application concerns, for every port. */
export interface ApplicationFacts {
  applicationId: string;
  reference: string;
  serviceId: string;
  applicantPersonId: string;
  applicantOrganisationId: string | null;
}

/** A message to the applicant: the definition names the template, the messaging block words it. */
export interface ApplicantNotice extends ApplicationFacts {
  template: string;
  /** The state the application is in after the action. */
  state: string;
  /** The action (transition id) that caused the notice. */
  action: string;
  reason: string | null;
}

export interface ApplicantNotifier {
  /** Queues the notice in the applicant's inbox (and other channels) within `trx`. */
  notify(trx: Database, notice: ApplicantNotice): Promise<void>;
}

export interface CheckRequest {
  serviceId: string;
  applicantPersonId: string;
  applicantOrganisationId: string | null;
  /** The fields the check names in the definition, with their submitted values. */
  values: FormValues;
}

/** A finding: passed or not, with a message code (in the catalogue) that says why not. */
export interface CheckOutcome {
  passed: boolean;
  code?: string;
  details?: Record<string, string | number | boolean>;
}

/** A named automatic check, usually a registry look-up ("is the applicant the owner"). */
export type RegistryCheck = (trx: Database, request: CheckRequest) => Promise<CheckOutcome>;

export interface DocumentRequest extends ApplicationFacts {
  template: string;
  values: FormValues;
  /** The officer whose decision the document carries. */
  decidedByAccountId: string | null;
  decision: string;
  reason: string | null;
}

export interface DocumentIssuer {
  /** Issues and signs the document; returns its id (shown to the applicant, kept in history). */
  issue(trx: Database, request: DocumentRequest): Promise<{ documentId: string }>;
}

export interface RegistryWriteRequest extends ApplicationFacts {
  registry: string;
  values: FormValues;
  actorAccountId: string | null;
}

export interface RegistryWriter {
  write(trx: Database, request: RegistryWriteRequest): Promise<{ recordId: string }>;
}

export interface LicenceChecker {
  /** Does the person hold a valid licence of this type today? */
  holds(trx: Database, personId: string, licenceType: string): Promise<boolean>;
}

/** An officer's decision on an application, to be signed by that officer's certificate. */
export interface DecisionRequest extends ApplicationFacts {
  /** The transition the officer performs, with its names in every language. */
  decision: string;
  decisionNames: Localised;
  /** The decision's place in the application's history (its action sequence number). */
  seq: number;
  /** The state the application is in after the decision. */
  toState: string;
  agencyCode: string;
  officer: { accountId: string; personId: string; role: string };
  reason: string | null;
  at: Date;
}

export interface DecisionSigner {
  /**
   * Signs the decision as a document by the officer's certificate, within `trx`; returns the
   * document and the code that verifies it publicly.
   */
  sign(
    trx: Database,
    request: DecisionRequest,
  ): Promise<{ documentId: string; verificationCode: string }>;
}

/** The ports the wiring passes to the engine; each is optional until a definition needs it. */
export interface ServicesPorts {
  notifier?: ApplicantNotifier;
  checks?: Record<string, RegistryCheck>;
  documents?: DocumentIssuer;
  registries?: RegistryWriter;
  licences?: LicenceChecker;
  /** Signs every officer's decision; required before an officer may perform a transition. */
  decisions?: DecisionSigner;
}
