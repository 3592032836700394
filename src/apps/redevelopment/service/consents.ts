import { performTransition, type Actor } from '../../../blocks/services/index.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import type { PlanChanges } from '../domain/changes.js';
import {
  buildingVoteStillPossible,
  consentStatus,
  type ConsentAnswer,
  type ConsentStatus,
} from '../domain/consents.js';
import { T } from '../definition/redevelopment-service.js';
import { ownerKey, type Owner } from '../repo/tables.js';
import type { RedevDeps } from './deps.js';

/** Whose consent a plan needs: the flat's owners, and the building's when the rules ask for it. */
export function ownersToAsk(
  changes: PlanChanges,
  flatOwners: Owner[],
  buildingOwners: Owner[],
): Owner[] {
  const status = consentStatus({
    changes,
    flatOwners: [],
    buildingOwners: [],
    answers: new Map(),
  });
  const needsBuilding = changes.commonPropertyAffected && !status.buildingWaived;
  const all = needsBuilding ? [...flatOwners, ...buildingOwners] : flatOwners;
  const seen = new Set<string>();
  return all.filter((owner) => {
    const key = ownerKey(owner);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface FilingConsents {
  status: ConsentStatus;
  /** Building owners who refused (counted against the two thirds). */
  buildingRefusals: number;
  answers: Map<string, ConsentAnswer>;
  asked: Owner[];
}

/** Where a filing's consents stand, from its snapshot and the answers recorded. */
export async function consentsOf(db: Database, applicationId: string): Promise<FilingConsents> {
  const filing = await db
    .selectFrom('redev_filing')
    .select(['changes', 'flat_owners', 'building_owners'])
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('redev_consent')
    .select(['owner_key', 'answer'])
    .where('application_id', '=', applicationId)
    .execute();
  const answers = new Map<string, ConsentAnswer>(rows.map((r) => [r.owner_key, r.answer]));
  const changes = filing.changes as unknown as PlanChanges;
  const flatKeys = filing.flat_owners.map(ownerKey);
  const status = consentStatus({
    changes,
    flatOwners: flatKeys,
    buildingOwners: filing.building_owners.map(ownerKey),
    answers,
  });
  const buildingRefusals = filing.building_owners
    .map(ownerKey)
    .filter((key) => !flatKeys.includes(key) && answers.get(key) === 'refused').length;
  return {
    status,
    buildingRefusals,
    answers,
    asked: ownersToAsk(changes, filing.flat_owners, filing.building_owners),
  };
}

/** The owners (by key) the person answers for: themselves, and organisations they direct. */
export async function keysAnsweredBy(
  db: Database,
  country: string,
  personId: string,
  asked: Owner[],
): Promise<string[]> {
  const person = await db
    .selectFrom('identity_person')
    .select('national_id')
    .where('id', '=', personId)
    .executeTakeFirst();
  const directed = await db
    .selectFrom('identity_organisation')
    .select('national_id')
    .where('country', '=', country)
    .where('director_person_id', '=', personId)
    .execute();
  const bins = new Set(directed.map((o) => o.national_id));
  return asked
    .filter((o) => (o.kind === 'person' ? o.id === person?.national_id : bins.has(o.id)))
    .map(ownerKey);
}

/**
 * An owner answers: consents or refuses, for themselves and for any owning organisation they
 * direct. Then the filing moves on at once if the answers decide it (advance).
 *
 * Outcomes: the filing's state afterwards; REDEV_FILING_NOT_FOUND (404); REDEV_NOT_AN_OWNER (403)
 * for someone whose consent the filing does not ask; REDEV_CONSENT_CLOSED (409) when the filing
 * no longer waits for consents; REDEV_CONSENT_ALREADY_ANSWERED (409) for a second answer.
 */
export async function answerConsent(
  deps: RedevDeps,
  actor: Actor,
  applicationId: string,
  answer: ConsentAnswer,
): Promise<string> {
  await deps.db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('services_application')
      .select(['state'])
      .where('id', '=', applicationId)
      .forUpdate()
      .executeTakeFirst();
    const filing = await trx
      .selectFrom('redev_filing')
      .select('application_id')
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!application || !filing) throw new DomainError('REDEV_FILING_NOT_FOUND', 404);
    const { asked, answers } = await consentsOf(trx, applicationId);
    const keys = await keysAnsweredBy(trx, deps.platform.country.id, actor.personId, asked);
    if (keys.length === 0) throw new DomainError('REDEV_NOT_AN_OWNER', 403);
    if (application.state !== 'awaiting-consents')
      throw new DomainError('REDEV_CONSENT_CLOSED', 409);
    const open = keys.filter((key) => !answers.has(key));
    if (open.length === 0) throw new DomainError('REDEV_CONSENT_ALREADY_ANSWERED', 409);
    const now = deps.platform.now();
    await trx
      .insertInto('redev_consent')
      .values(
        open.map((key) => ({
          application_id: applicationId,
          owner_key: key,
          answer,
          answered_by_person_id: actor.personId,
          at: now,
        })),
      )
      .execute();
    // Committed with the deciding answer: if the step below never completes, the sweep does it.
    const filingRoute = await trx
      .selectFrom('redev_filing')
      .select('route')
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow();
    if (decidingTransition(await consentsOf(trx, applicationId), filingRoute.route)) {
      await trx
        .insertInto('redev_advance_due')
        .values({ application_id: applicationId, decided_at: now })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  });
  // The answer is committed whatever happens next: a failure of the step it decided (a registry
  // write, a signature) is logged and left to the sweep, not reported as a failed answer.
  try {
    return await advance(deps, applicationId, actor);
  } catch (error) {
    deps.log.warn({ err: error, applicationId }, 'redevelopment step after consent failed');
    return 'awaiting-consents';
  }
}

/**
 * The system step the answers decide, if any: a flat owner refused or two thirds can no longer
 * be reached: refused by owners; all consents in: registered at once (self-certification) or
 * sent to the akimat's expert review; otherwise none yet.
 */
export function decidingTransition(
  { status, buildingRefusals }: Pick<FilingConsents, 'status' | 'buildingRefusals'>,
  route: 'self-certification' | 'expert-review',
): string | undefined {
  if (status.refusedByFlatOwners.length > 0 || !buildingVoteStillPossible(status, buildingRefusals))
    return T.ownersRefused;
  if (!status.complete) return undefined;
  return route === 'self-certification' ? T.register : T.toExpert;
}

/**
 * Moves a filing that waits for consents on, as the system, once its answers decide it
 * (decidingTransition). Idempotent: a filing in any other state, or still waiting, is left as it
 * is. Outcomes: the state.
 */
export async function advance(
  deps: RedevDeps,
  applicationId: string,
  actor: Actor,
): Promise<string> {
  const application = await deps.db
    .selectFrom('services_application as a')
    .innerJoin('redev_filing as f', 'f.application_id', 'a.id')
    .select(['a.state', 'f.route'])
    .where('a.id', '=', applicationId)
    .executeTakeFirstOrThrow();
  if (application.state !== 'awaiting-consents') return application.state;
  const transitionId = decidingTransition(
    await consentsOf(deps.db, applicationId),
    application.route,
  );
  if (!transitionId) return application.state;
  const { state } = await performTransition(deps.engine, {
    applicationId,
    transitionId,
    actor,
    asSystem: true,
  });
  return state;
}
