import {
  addRegistryDefinition,
  createRecord,
  findRecordsBy,
  type RegistryActor,
} from '../../../blocks/registries/index.js';
import type {
  ApplicantNotifier,
  DocumentIssuer,
  LicenceChecker,
  RegistryCheck,
  RegistryWriter,
  ServicesEngine,
} from '../../../blocks/services/index.js';
import {
  findSigningCertificate,
  issueCertificate,
  issueDocument,
} from '../../../blocks/trust/index.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import type { Database } from '../../../platform/db/database.js';
import { auditSelection } from '../domain/audit-sampling.js';
import { licenceRefusal } from '../domain/licence.js';
import { routeOf } from '../domain/route.js';
import { standingOn } from '../domain/sanctions.js';
import {
  CHECKS,
  PLANS_REGISTRY,
  REDEV_AGENCY,
  REDEV_SERVICE,
  REGISTRATION_TEMPLATE,
} from '../definition/redevelopment-service.js';
import { PLANS_REGISTRY_DEFINITION } from '../definition/plans-registry.js';
import type { PlanChanges } from '../domain/changes.js';
import type { FlatFacts } from '../repo/tables.js';
import {
  findArchitectLicence,
  personOf,
  readContext,
  REDEV_SCOPES,
  revocationsOf,
} from './architect.js';
import { changesOf } from './changes.js';
import { todayOf, type RedevDeps } from './deps.js';
import { flatExists } from './flat-facts.js';
import { recipientOf, tell } from './notify.js';
import { TEMPLATES } from './templates.js';

/** The app itself, as it reads and writes the real-estate registry. */
const APP_ACTOR = (accountId: string | null): RegistryActor => ({
  accountId,
  name: 'Redevelopment',
  organisation: 'Қайта жоспарлау / Перепланировка',
  roles: [],
  scopes: REDEV_SCOPES,
});

const accountOfPerson = async (db: Database, personId: string) =>
  (
    await db
      .selectFrom('identity_account')
      .select('id')
      .where('person_id', '=', personId)
      .executeTakeFirst()
  )?.id ?? null;

/**
 * Wires the app into the services engine: the licence gate, the three checks, the registry
 * writer, the document issuer and the notifier. Each port handles the redevelopment service and
 * passes anything else to the port wired before (ports are one per engine).
 */
export function connectRedevPorts(deps: RedevDeps, engine: ServicesEngine) {
  const before = engine.ports;
  const licences: LicenceChecker = {
    holds: async (trx, personId, licenceType) => {
      if (licenceType !== 'architect')
        return (await before.licences?.holds(trx, personId, licenceType)) ?? false;
      const person = await personOf(trx, {
        accountId: (await accountOfPerson(trx, personId)) ?? '',
        personId,
        roles: [],
      });
      const licence = await findArchitectLicence(trx, deps, person);
      return licenceRefusal(licence, person.iin, todayOf(deps)) === undefined;
    },
  };

  const flat: RegistryCheck = async (trx, request) => {
    const found = await flatExists(
      trx,
      deps,
      readContext(APP_ACTOR(null), 'Redevelopment: does the flat exist'),
      String(request.values.cadastralNumber ?? ''),
    );
    return found ? { passed: true } : { passed: false, code: 'REDEV_FLAT_NOT_FOUND' };
  };
  const route: RegistryCheck = async (_trx, request) => {
    if (request.values.route !== 'self-certification') return { passed: true };
    if (request.values.selfCertified !== true)
      return { passed: false, code: 'REDEV_SELF_CERTIFICATION_MISSING' };
    const decided = routeOf(changesOf(request.values));
    return decided.route === 'self-certification'
      ? { passed: true }
      : {
          passed: false,
          code: 'REDEV_NEEDS_EXPERT_REVIEW',
          details: { reasons: decided.reasons.join(',') },
        };
  };
  const standing: RegistryCheck = async (trx, request) => {
    if (request.values.route !== 'self-certification') return { passed: true };
    const now = standingOn(await revocationsOf(trx, request.applicantPersonId), todayOf(deps));
    return now.standing === 'restricted'
      ? { passed: false, code: 'REDEV_ARCHITECT_RESTRICTED', details: { until: now.until } }
      : { passed: true };
  };

  const registries: RegistryWriter = {
    write: async (trx, request) => {
      if (request.registry !== PLANS_REGISTRY) {
        if (!before.registries) throw new Error(`no writer for registry ${request.registry}`);
        return before.registries.write(trx, request);
      }
      return registerPlan(trx, deps, request.applicationId, request.actorAccountId);
    },
  };

  const documents: DocumentIssuer = {
    issue: async (trx, request) => {
      if (request.template !== REGISTRATION_TEMPLATE) {
        if (!before.documents) throw new Error(`no issuer for template ${request.template}`);
        return before.documents.issue(trx, request);
      }
      return issueRegistration(trx, deps, request.applicationId, request.decidedByAccountId);
    },
  };

  const notifier: ApplicantNotifier = {
    notify: async (trx, notice) => {
      if (notice.serviceId !== REDEV_SERVICE) {
        await before.notifier?.notify(trx, notice);
        return;
      }
      await notifyFiling(trx, deps, notice.applicationId, notice.template, notice.reason);
    },
  };

  engine.connect({
    licences,
    registries,
    documents,
    notifier,
    checks: { [CHECKS.flat]: flat, [CHECKS.route]: route, [CHECKS.standing]: standing },
  });
}

const filingOf = (trx: Database, applicationId: string) =>
  trx
    .selectFrom('redev_filing')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();

/** The next registration in the deployment's registration order (1, 2, 3, …), under a row lock. */
async function nextSequence(trx: Database): Promise<number> {
  const row = await trx
    .insertInto('redev_counter')
    .values({ name: 'registration', last_value: 1 })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ last_value: eb('redev_counter.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/**
 * Registration, step one (the engine's registry-write output): the registration number and
 * order, the new plan version of the flat in the real-estate registry, and the audit pick
 * (random one in five, plus the risk-based picks) with its reasons.
 */
async function registerPlan(
  trx: Database,
  deps: RedevDeps,
  applicationId: string,
  actorAccountId: string | null,
): Promise<{ recordId: string }> {
  const filing = await filingOf(trx, applicationId);
  const now = deps.platform.now();
  const today = todayOf(deps, now);
  const sequence = await nextSequence(trx);
  const number = `RP-${today.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
  const actor = APP_ACTOR(actorAccountId);
  await addRegistryDefinition(
    trx,
    deps.registries,
    actor,
    PLANS_REGISTRY_DEFINITION,
    'Redevelopment app',
  );
  const context = readContext(actor, `Redevelopment ${number}: earlier plans of the flat`);
  const earlier = await findRecordsBy(
    trx,
    deps.registries,
    context,
    PLANS_REGISTRY,
    {
      cadastralNumber: filing.cadastral_number,
    },
    1000,
  );
  const record = await createRecord(
    trx,
    deps.registries,
    actor,
    PLANS_REGISTRY,
    {
      registrationNumber: number,
      cadastralNumber: filing.cadastral_number,
      planVersion: earlier.length + 2,
      route: filing.route,
      architectLicence: filing.licence_number,
      planSha256: filing.self_certification.planSha256,
      registeredOn: today,
      status: 'registered',
    },
    { reason: `Redevelopment ${number}` },
  );
  const revocations = await revocationsOf(trx, filing.architect_person_id);
  const standing = standingOn(revocations, today);
  const yearAgo = addCalendarMonths(today, -12);
  const pick = auditSelection({
    sequence,
    secret: deps.auditSecret,
    changes: filing.changes as unknown as PlanChanges,
    onProbation: standing.standing === 'probation',
    recentRevocations: revocations.filter((day) => day >= yearAgo).length,
    // From the real-estate registry as read at filing; unknown counts as old
    // (domain/audit-sampling.ts).
    buildingYear: (filing.flat as FlatFacts).buildingYear ?? undefined,
    year: Number(today.slice(0, 4)),
  });
  await trx
    .insertInto('redev_registration')
    .values({
      application_id: applicationId,
      number,
      sequence,
      registered_at: now,
      registry_record_id: record.id,
      audit_picked: pick.picked,
      audit_reasons: JSON.stringify(pick.reasons),
    })
    .execute();
  return { recordId: record.id };
}

/**
 * Registration, step two (the engine's document output): the registration document, signed
 * with the akimat's certificate by the trust block, verifiable by anyone at /verify by its QR.
 */
async function issueRegistration(
  trx: Database,
  deps: RedevDeps,
  applicationId: string,
  actorAccountId: string | null,
): Promise<{ documentId: string }> {
  const filing = await filingOf(trx, applicationId);
  const registration = await trx
    .selectFrom('redev_registration')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const now = deps.platform.now();
  const context = { deps: deps.trust, actorAccountId, trx };
  const agency = await trx
    .selectFrom('identity_agency')
    .select('name_ru')
    .where('code', '=', REDEV_AGENCY)
    .executeTakeFirst();
  const holder = { kind: 'agency' as const, id: REDEV_AGENCY };
  const certificate =
    (await findSigningCertificate(trx, holder, now)) ??
    (await issueCertificate(context, {
      holderKind: 'agency',
      holderId: REDEV_AGENCY,
      holderName: agency?.name_ru ?? REDEV_AGENCY,
    }));
  const subjects: string[] = [];
  for (const owner of filing.flat_owners) {
    const recipient = await recipientOf(trx, deps.platform.country.id, owner);
    if (recipient && 'personId' in recipient) subjects.push(recipient.personId);
  }
  subjects.push(filing.architect_person_id);
  const document = await issueDocument(context, {
    issuerCertificateId: certificate.id,
    kind: 'redevelopment.registration',
    title: { code: 'redev.document.title' },
    content: {
      registration: registration.number,
      cadastralNumber: filing.cadastral_number,
      address: filing.flat.address,
      route: filing.route,
      architectLicence: filing.licence_number,
      changes: filing.changes,
      owners: filing.flat_owners,
      planSha256: filing.self_certification.planSha256,
      selfCertificationLedgerSeq: filing.self_certification.ledgerSeq,
    },
    summary: [
      { label: { code: 'redev.summary.flat' }, value: filing.cadastral_number },
      { label: { code: 'redev.summary.licence' }, value: filing.licence_number },
    ],
    registerNumber: registration.number,
    subjectPersonIds: [...new Set(subjects)],
  });
  await trx
    .insertInto('redev_registration_document')
    .values({
      application_id: applicationId,
      document_id: document.id,
      verification_code: document.verificationCode,
    })
    .execute();
  return { documentId: document.id };
}

/** The notices of the service: the architect always; the flat's owners on registration. */
async function notifyFiling(
  trx: Database,
  deps: RedevDeps,
  applicationId: string,
  template: string,
  reason: string | null,
): Promise<void> {
  const filing = await filingOf(trx, applicationId);
  const now = deps.platform.now();
  const architect = { personId: filing.architect_person_id };
  const base = { cadastralNumber: filing.cadastral_number };
  if (template === 'registered') {
    const registration = await trx
      .selectFrom('redev_registration')
      .select('number')
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow();
    const params = { ...base, number: registration.number };
    await tell(trx, applicationId, architect, 'registered', TEMPLATES.registered.id, params, now);
    for (const owner of filing.flat_owners) {
      const recipient = await recipientOf(trx, deps.platform.country.id, owner);
      if (recipient)
        await tell(
          trx,
          applicationId,
          recipient,
          'registered',
          TEMPLATES.registered.id,
          params,
          now,
        );
    }
    return;
  }
  const byTemplate = {
    'expert-review': TEMPLATES.expertReview,
    'owners-refused': TEMPLATES.ownersRefused,
    refused: TEMPLATES.refused,
  } as const;
  const chosen = byTemplate[template as keyof typeof byTemplate];
  if (!chosen) throw new Error(`unknown redevelopment notice ${template}`);
  await tell(
    trx,
    applicationId,
    architect,
    template,
    chosen.id,
    template === 'refused' ? { ...base, reason: reason ?? '' } : base,
    now,
  );
}
