import {
  getApplication,
  type Actor,
  type ApplicationView,
} from '../../../blocks/services/index.js';
import { latestStatus, statusHistory, type StatusEvent } from '../../../blocks/messaging/index.js';
import { DomainError } from '../../../platform/errors.js';
import { deriveAppealState, type AppealState } from '../domain/appeal-state.js';
import {
  clusterSimilarAppeals,
  findSimilarAppeals,
  type AppealTopic,
} from '../domain/similar-appeals.js';
import {
  appealStatistics,
  type AppealStatistics,
  type AppealSummary,
} from '../domain/statistics.js';
import {
  actionsAt,
  appealsWithApplications,
  couponsOf,
  findAppeal,
  supporterCount,
  type AppealRow,
  type CouponRow,
} from '../repo/appeals-repo.js';
import type { OtinishDeps } from './deps.js';

export interface AppealView {
  application: ApplicationView;
  appeal: AppealRow;
  coupons: CouponRow[];
  /** The APPC state at the body that holds the appeal now. */
  state: AppealState;
  /** The answer as sent, when decided. */
  answer?: { text: string; legalGrounds: string; appealRoute: string };
  /** The one status feed: what the inbox and the email said, newest last. */
  feed: StatusEvent[];
  latest?: StatusEvent;
  supporters: number;
  /** What the applicant said at the hearing, oldest first. */
  comments: { text: string; at: Date }[];
}

/**
 * One appeal for its applicant or an officer of a body that holds or held it (the engine's
 * access rule). Outcomes: the view; SERVICES_APPLICATION_NOT_FOUND (404) for anyone else or
 * anything that is not an appeal.
 */
export async function appealView(
  deps: OtinishDeps,
  applicationId: string,
  viewer: Actor,
): Promise<AppealView> {
  const application = await getApplication(deps.engine, applicationId, viewer);
  const appeal = await findAppeal(deps.db, applicationId);
  if (!appeal) throw new DomainError('SERVICES_APPLICATION_NOT_FOUND', 404);
  const history = await actionsAt(deps.db, applicationId, application.status.agencyCode);
  const decided = history.find((action) => action.type === 'decided') as
    { answer?: AppealView['answer'] } | undefined;
  const subject = { kind: 'appeal', id: applicationId };
  const latest = await latestStatus(deps.db, subject);
  return {
    application,
    appeal,
    coupons: await couponsOf(deps.db, applicationId),
    state: deriveAppealState(history, deps.legal),
    ...(decided?.answer ? { answer: decided.answer } : {}),
    feed: await statusHistory(deps.db, subject),
    ...(latest ? { latest } : {}),
    supporters: await supporterCount(deps.db, applicationId),
    comments: await deps.db
      .selectFrom('otinish_hearing_comment')
      .select(['text', 'at'])
      .where('application_id', '=', applicationId)
      .orderBy('at')
      .execute(),
  };
}

/**
 * Clusters of similar open appeals held by the officer's body (same category, place and topic).
 * Outcomes: clusters of two or more (ids with topics); SERVICES_ROLE_NOT_ALLOWED (403) for
 * anyone who is not an officer of a body.
 */
export async function similarClusters(
  deps: OtinishDeps,
  officer: Actor,
): Promise<{ id: string; topic: string; reference: string }[][]> {
  if (!officer.agencyId || !officer.roles.includes('officer'))
    throw new DomainError('SERVICES_ROLE_NOT_ALLOWED', 403);
  const agency = await deps.db
    .selectFrom('identity_agency')
    .select('code')
    .where('id', '=', officer.agencyId)
    .executeTakeFirstOrThrow();
  const rows = await appealsWithApplications(deps.db)
    .where('a.agency_code', '=', agency.code)
    .where('a.state', 'not in', ['decided', 'deemed-refused', 'not-considered'])
    .execute();
  const topics: AppealTopic[] = rows.map((row) => ({
    id: row.application_id,
    category: row.category,
    region: row.region,
    ...(row.district ? { district: row.district } : {}),
    topic: row.topic,
  }));
  const byId = new Map(rows.map((row) => [row.application_id, row]));
  return clusterSimilarAppeals(topics).map((ids) =>
    ids.map((id) => ({ id, topic: byId.get(id)!.topic, reference: byId.get(id)!.reference })),
  );
}

/** Public proposals similar to a draft: what a citizen may join instead of filing a duplicate. */
export async function similarProposals(
  deps: OtinishDeps,
  draft: { category: string; region: string; district?: string; topic: string },
): Promise<{ id: string; topic: string; similarity: number }[]> {
  const rows = await appealsWithApplications(deps.db)
    .where('o.public_proposal', '=', true)
    .where('o.category', '=', draft.category)
    .where('o.region', '=', draft.region)
    .execute();
  const candidates = rows.map((row) => ({
    id: row.application_id,
    category: row.category,
    region: row.region,
    ...(row.district ? { district: row.district } : {}),
    topic: row.topic,
  }));
  return findSimilarAppeals(draft, candidates).map(({ appeal, similarity }) => ({
    id: appeal.id,
    topic: appeal.topic,
    similarity,
  }));
}

/**
 * Public statistics per agency and per region as of now (received, decided on time, overdue,
 * extended, forwarded, average working days). Each body an appeal passed through counts it:
 * the first as forwarded, the competent body with its own term.
 */
export async function publicStatistics(
  deps: OtinishDeps,
): Promise<{ byAgency: AppealStatistics[]; byRegion: AppealStatistics[] }> {
  const appeals = await deps.db
    .selectFrom('otinish_appeal')
    .select(['application_id', 'region'])
    .execute();
  const actions = await deps.db
    .selectFrom('otinish_action')
    .select(['application_id', 'body_code'])
    .distinct()
    .execute();
  const regions = new Map(appeals.map((a) => [a.application_id, a.region]));
  const summaries: AppealSummary[] = [];
  for (const { application_id: id, body_code: body } of actions) {
    const state = deriveAppealState(await actionsAt(deps.db, id, body), deps.legal);
    const registered = await deps.db
      .selectFrom('otinish_coupon')
      .select((eb) =>
        eb.fn<string>('to_char', [eb.ref('registration_date'), eb.val('YYYY-MM-DD')]).as('date'),
      )
      .where('application_id', '=', id)
      .where('body_code', '=', body)
      .executeTakeFirst();
    if (!registered) continue;
    summaries.push({
      agencyCode: body,
      region: regions.get(id) ?? '',
      registrationDate: registered.date,
      ...(state.term ? { term: state.term } : {}),
      extended: state.extensions > 0,
      forwarded: state.forwardedTo !== undefined,
      ...(state.decidedAt ? { decidedAt: state.decidedAt } : {}),
    });
  }
  const now = deps.now();
  return {
    byAgency: appealStatistics(summaries, 'agency', now, deps.legal),
    byRegion: appealStatistics(summaries, 'region', now, deps.legal),
  };
}
