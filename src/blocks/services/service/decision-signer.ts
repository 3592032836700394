import {
  findSigningCertificate,
  issueCertificate,
  issueDocument,
  type TrustDeps,
} from '../../trust/index.js';
import type { Database } from '../../../platform/db/database.js';
import type { DecisionRequest, DecisionSigner } from './ports.js';

/** The document kind of a signed officer's decision. */
export const DECISION_DOCUMENT_KIND = 'services.decision';

/**
 * Signs officers' decisions with the trust block: each decision becomes a signed document by
 * the officer's own certificate (holder kind `officer`), issued by the deployment CA on the
 * officer's first decision and again after it expires or is revoked. The applicant is the
 * document's subject. The title is the decision's name in every language; the public summary
 * gives the service and the agency, the register number the application's number and the
 * decision's place in its history; never a person.
 */
export function trustDecisionSigner(trust: () => TrustDeps): DecisionSigner {
  return {
    async sign(trx, request) {
      const deps = trust();
      const context = { deps, actorAccountId: request.officer.accountId, trx };
      const holder = { kind: 'officer' as const, id: request.officer.personId };
      const certificate =
        (await findSigningCertificate(trx, holder, deps.now())) ??
        (await issueCertificate(context, {
          holderKind: 'officer',
          holderId: request.officer.personId,
          holderName: await personName(trx, request.officer.personId),
        }));
      const document = await issueDocument(context, {
        issuerCertificateId: certificate.id,
        kind: DECISION_DOCUMENT_KIND,
        title: request.decisionNames,
        content: decisionContent(request),
        summary: [
          { label: { code: 'services.decision.service' }, value: request.serviceId },
          { label: { code: 'services.decision.agency' }, value: request.agencyCode },
        ],
        // The application's number and the decision's place in its history: one per decision.
        registerNumber: `${request.reference}/${request.seq}`,
        subjectPersonIds: [request.applicantPersonId],
      });
      return { documentId: document.id, verificationCode: document.verificationCode };
    },
  };
}

/** What the signature covers: the decision as the history records it. */
const decisionContent = (request: DecisionRequest): Record<string, unknown> => ({
  application: request.applicationId,
  reference: request.reference,
  seq: request.seq,
  service: request.serviceId,
  decision: request.decision,
  toState: request.toState,
  agency: request.agencyCode,
  officerRole: request.officer.role,
  reason: request.reason,
  decidedAt: request.at.toISOString(),
});

async function personName(db: Database, personId: string): Promise<string> {
  const person = await db
    .selectFrom('identity_person')
    .select(['given_name', 'family_name'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return `${person.given_name} ${person.family_name}`;
}
