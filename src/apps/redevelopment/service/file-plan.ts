import crypto from 'node:crypto';
import {
  appendToLedger,
  canonicalJson,
  findSigningCertificate,
  issueCertificate,
  issueDocument,
} from '../../../blocks/trust/index.js';
import {
  submitApplication,
  type Actor,
  type FormValues,
  type RequestFacts,
} from '../../../blocks/services/index.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { routeOf } from '../domain/route.js';
import { REDEV_SERVICE } from '../definition/redevelopment-service.js';
import type { Owner } from '../repo/tables.js';
import { readContext, readerOf, requireArchitect, type Architect } from './architect.js';
import { changesOf } from './changes.js';
import { advance, ownersToAsk } from './consents.js';
import type { RedevDeps } from './deps.js';
import { loadFlat } from './flat-facts.js';
import { recipientOf, tell } from './notify.js';
import { TEMPLATES } from './templates.js';

export const SELF_CERTIFICATION_LEDGER = 'redevelopment-self-certifications';

export interface Filed {
  applicationId: string;
  reference: string;
}

/**
 * An architect files a redevelopment: their licence is checked in the licence registry (with
 * its own refusal), the engine checks the form, the plan file, the flat, the route and the
 * architect's standing, and in the same transaction the app records the registry facts the
 * filing stands on (flat, owners and shares, building owners, encumbrances), the architect's
 * self-certification in the trust ledger, and asks each owner whose consent is needed.
 *
 * Outcomes: the filing; the licence refusals of requireArchitect (403); SERVICES_FORM_INVALID
 * (400) and SERVICES_CHECK_FAILED (422) with field problems (REDEV_FLAT_NOT_FOUND,
 * REDEV_NEEDS_EXPERT_REVIEW, REDEV_SELF_CERTIFICATION_MISSING, REDEV_ARCHITECT_RESTRICTED).
 * Nothing is written on a refusal.
 */
export async function fileRedevelopment(
  deps: RedevDeps,
  actor: Actor,
  values: Record<string, unknown>,
  facts: RequestFacts = {},
): Promise<Filed> {
  const architect = await requireArchitect(deps.db, deps, actor);
  const submitted = await submitApplication(
    deps.engine,
    {
      serviceId: REDEV_SERVICE,
      actor,
      values,
      within: (trx, application) => recordFiling(trx, deps, architect, application),
    },
    facts,
  );
  await advance(deps, submitted.id, actor);
  return { applicationId: submitted.id, reference: submitted.reference };
}

async function recordFiling(
  trx: Database,
  deps: RedevDeps,
  architect: Architect,
  application: { id: string; reference: string },
): Promise<void> {
  const row = await trx
    .selectFrom('services_application')
    .select(['form_values', 'submitted_at'])
    .where('id', '=', application.id)
    .executeTakeFirstOrThrow();
  const values = row.form_values as Record<string, unknown>;
  const cadastralNumber = String(values.cadastralNumber);
  const reader = readerOf(architect, `Сәулетші, лицензия ${architect.licence.number}`);
  const loaded = await loadFlat(
    trx,
    deps,
    readContext(
      reader,
      `Redevelopment ${application.reference}: the flat, its owners and encumbrances`,
    ),
    cadastralNumber,
  );
  if (!loaded) throw new DomainError('REDEV_FLAT_NOT_FOUND', 404);
  const changes = changesOf(values as FormValues);
  const route = routeOf(changes);
  const planId = (values.plan as string[])[0]!;
  const plan = await trx
    .selectFrom('platform_file')
    .select('sha256')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  const changesSha256 = crypto.createHash('sha256').update(canonicalJson(changes)).digest('hex');
  const now = row.submitted_at;
  const signed = await signSelfCertification(trx, deps, architect, {
    reference: application.reference,
    cadastralNumber,
    route: String(values.route),
    planSha256: plan.sha256,
    changesSha256,
  });
  const entry = await appendToLedger(
    trx,
    SELF_CERTIFICATION_LEDGER,
    {
      kind: 'redevelopment.self-certified',
      actorAccountId: architect.accountId,
      subject: application.reference,
      details: {
        licence: architect.licence.number,
        route: String(values.route),
        planSha256: plan.sha256,
        changesSha256,
        document: signed.id,
      },
    },
    now,
  );
  await trx
    .insertInto('redev_filing')
    .values({
      application_id: application.id,
      cadastral_number: cadastralNumber,
      building: loaded.building,
      architect_person_id: architect.personId,
      licence_number: architect.licence.number,
      route: values.route === 'self-certification' ? 'self-certification' : 'expert-review',
      expert_reasons: JSON.stringify(route.route === 'expert-review' ? route.reasons : []),
      changes: JSON.stringify(changes),
      flat: JSON.stringify(loaded.flat),
      flat_owners: JSON.stringify(loaded.owners),
      building_owners: JSON.stringify(loaded.buildingOwners),
      encumbrances: JSON.stringify(loaded.encumbrances),
      self_certification: JSON.stringify({
        licenceNumber: architect.licence.number,
        planSha256: plan.sha256,
        changesSha256,
        ledgerSeq: entry.seq,
        documentId: signed.id,
        verificationCode: signed.verificationCode,
      }),
      filed_at: now,
    })
    .execute();
  const asked: Owner[] = ownersToAsk(changes, loaded.owners, loaded.buildingOwners);
  for (const owner of asked) {
    const recipient = await recipientOf(trx, deps.platform.country.id, owner);
    // An owner the platform does not know has no inbox; they answer once they sign in.
    if (!recipient) continue;
    await tell(
      trx,
      application.id,
      recipient,
      'consent-requested',
      TEMPLATES.consentRequested.id,
      {
        cadastralNumber,
        address: loaded.flat.address,
        architect: architect.name,
      },
      now,
    );
  }
}

/**
 * The architect's self-certification as a document signed by the architect's own certificate
 * (holder kind `architect`, issued by the deployment CA at the first filing and again when it
 * expires or is revoked): they answer for the plan by licence, and anyone can verify the
 * signature. The statement binds the plan file and the described changes by their hashes.
 */
async function signSelfCertification(
  trx: Database,
  deps: RedevDeps,
  architect: Architect,
  filing: {
    reference: string;
    cadastralNumber: string;
    route: string;
    planSha256: string;
    changesSha256: string;
  },
) {
  const context = { deps: deps.trust, actorAccountId: architect.accountId, trx };
  const holder = { kind: 'architect' as const, id: architect.personId };
  const certificate =
    (await findSigningCertificate(trx, holder, deps.trust.now())) ??
    (await issueCertificate(context, {
      holderKind: 'architect',
      holderId: architect.personId,
      holderName: architect.name,
    }));
  return issueDocument(context, {
    issuerCertificateId: certificate.id,
    kind: 'redevelopment.self-certification',
    title: { code: 'redev.document.selfCertification' },
    content: { ...filing, licenceNumber: architect.licence.number },
    summary: [{ label: { code: 'redev.summary.licence' }, value: architect.licence.number }],
    registerNumber: `${filing.reference}/self-certification`,
  });
}
