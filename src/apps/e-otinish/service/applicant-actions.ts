import type { Actor, RequestFacts } from '../../../blocks/services/index.js';
import { DomainError } from '../../../platform/errors.js';
import type { Translate } from '../../../platform/i18n/catalogue.js';
import { deriveAppealState } from '../domain/appeal-state.js';
import {
  admitComplaint,
  complaintWindow,
  draftComplaint,
  type ComplaintDraft,
} from '../domain/complaint.js';
import { rateAnswer, type Rating } from '../domain/rating.js';
import {
  actionsAt,
  addSupporter,
  appendActions,
  findAppeal,
  higherBodyOf,
} from '../repo/appeals-repo.js';
import type { OtinishDeps } from './deps.js';
import { fileAppeal, type FiledAppeal } from './file-appeal.js';
import { tellApplicant } from './status.js';

/** The appeal of this applicant, locked, with its current body and APPC history there. */
async function ownAppeal(
  deps: OtinishDeps,
  trx: OtinishDeps['db'],
  applicationId: string,
  actor: Actor,
) {
  const application = /^[0-9a-f-]{36}$/i.test(applicationId)
    ? await trx
        .selectFrom('services_application')
        .selectAll()
        .where('id', '=', applicationId)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  const appeal = application ? await findAppeal(trx, applicationId) : undefined;
  if (!application || !appeal || application.applicant_person_id !== actor.personId) {
    throw new DomainError('SERVICES_APPLICATION_NOT_FOUND', 404);
  }
  const body = application.agency_code;
  const history = await actionsAt(trx, applicationId, body);
  return { application, appeal, body, history, state: deriveAppealState(history, deps.legal) };
}

/**
 * The applicant rates the answer 1–5. Outcomes: the rating (`offersComplaint` for 1 or 2);
 * OTINISH_RATING_OUT_OF_RANGE (422); OTINISH_NOT_DECIDED, OTINISH_ALREADY_RATED (409);
 * SERVICES_APPLICATION_NOT_FOUND (404) for anyone but the applicant.
 */
export async function rateAppeal(
  deps: OtinishDeps,
  input: { applicationId: string; actor: Actor; score: number },
): Promise<Rating> {
  const rating = rateAnswer(input.score);
  await deps.db.transaction().execute(async (trx) => {
    const own = await ownAppeal(deps, trx, input.applicationId, input.actor);
    const action = { type: 'rated' as const, at: deps.now(), score: rating.score };
    deriveAppealState([...own.history, action], deps.legal);
    await appendActions(trx, input.applicationId, own.body, [action]);
  });
  await deps.audit.append({
    action: 'e-otinish.rate',
    outcome: 'success',
    actorAccountId: input.actor.accountId,
    subject: input.applicationId,
    details: { score: rating.score },
  });
  return rating;
}

/**
 * The complaint to the higher body as drafted for the applicant, or undefined when there is
 * nothing to contest yet (no decision, no deemed refusal) or it was filed. Outcomes: the draft;
 * OTINISH_NO_HIGHER_BODY (409) when the body has none on record.
 */
export async function complaintDraft(
  deps: OtinishDeps,
  input: { applicationId: string; actor: Actor },
): Promise<ComplaintDraft | undefined> {
  const own = await deps.db
    .transaction()
    .execute((trx) => ownAppeal(deps, trx, input.applicationId, input.actor));
  const { state } = own;
  const contestedAt = state.decidedAt ?? state.deemedRefusedAt;
  if (!contestedAt || state.complaintFiledAt) return undefined;
  return draftComplaint(
    {
      appealReference: state.couponNumber!,
      higherBodyCode: await higherBodyOf(deps.db, own.body),
      grounds: state.decidedAt ? 'disputed-answer' : 'deemed-refusal',
      contestedAt,
    },
    deps.legal,
  );
}

/**
 * Files the drafted complaint in one step: a new appeal of kind `complaint` to the higher body,
 * with the grounds in the applicant's language, and `complaint-filed` on the appeal complained
 * about. Outcomes: the complaint's coupon; OTINISH_COMPLAINT_WINDOW_CLOSED (422) after 3 months
 * without a restoration reason (field `restorationReason`); OTINISH_NOTHING_TO_CONTEST,
 * OTINISH_COMPLAINT_ALREADY_FILED (409); OTINISH_NO_HIGHER_BODY (409); 404 for anyone else.
 */
export async function fileComplaint(
  deps: OtinishDeps,
  input: { applicationId: string; actor: Actor; restorationReason?: string; t: Translate },
  facts: RequestFacts = {},
): Promise<FiledAppeal> {
  const now = deps.now();
  const own = await deps.db
    .transaction()
    .execute((trx) => ownAppeal(deps, trx, input.applicationId, input.actor));
  const contestedAt = own.state.decidedAt ?? own.state.deemedRefusedAt;
  if (!contestedAt)
    throw new DomainError('OTINISH_NOTHING_TO_CONTEST', 409, {
      index: own.history.length,
      action: 'complaint-filed',
    });
  const admission = admitComplaint({
    window: complaintWindow(contestedAt, deps.legal),
    filedAt: now,
    ...(input.restorationReason !== undefined
      ? { restorationReason: input.restorationReason }
      : {}),
  });
  const action = { type: 'complaint-filed' as const, at: now, late: admission.late };
  deriveAppealState([...own.history, action], deps.legal);
  const draft = await complaintDraft(deps, input);
  if (!draft)
    throw new DomainError('OTINISH_COMPLAINT_ALREADY_FILED', 409, {
      index: own.history.length,
      action: 'complaint-filed',
    });
  const text = [
    input.t(draft.groundsText),
    input.t('otinish.complaint.about', { number: draft.appealReference }),
    admission.late
      ? input.t('otinish.complaint.restoration', { reason: admission.restorationReason })
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const filed = await fileAppeal(
    deps,
    {
      actor: input.actor,
      values: {
        kind: 'complaint',
        category: own.appeal.category,
        region: own.appeal.region,
        ...(own.appeal.district ? { district: own.appeal.district } : {}),
        topic: input.t('otinish.complaint.topic', { number: draft.appealReference }).slice(0, 200),
        text,
        anonymous: false,
      },
      receivingBodyCode: draft.addresseeBodyCode,
      complaintOf: input.applicationId,
    },
    facts,
  );
  await deps.db.transaction().execute(async (trx) => {
    const again = await ownAppeal(deps, trx, input.applicationId, input.actor);
    const recorded = { ...action, complaintApplicationId: filed.applicationId };
    deriveAppealState([...again.history, recorded], deps.legal);
    await appendActions(trx, input.applicationId, again.body, [recorded]);
    await tellApplicant(trx, {
      applicationId: input.applicationId,
      personId: input.actor.personId,
      status: 'complaint-filed',
      template: 'complaint-filed',
      params: { number: draft.appealReference, complaint: filed.couponNumber },
      at: now,
    });
  });
  await deps.audit.append({
    action: 'e-otinish.complaint',
    outcome: 'success',
    actorAccountId: input.actor.accountId,
    subject: input.applicationId,
    details: { complaint: filed.applicationId, late: admission.late, ...facts },
  });
  return filed;
}

/**
 * A citizen joins an existing public proposal instead of filing a duplicate. Outcomes: `true`
 * when joined, `false` when already a supporter; OTINISH_NOT_A_PUBLIC_PROPOSAL (404) for anything
 * but a named, considered proposal; OTINISH_OWN_PROPOSAL (409) for its own author.
 */
export async function joinProposal(
  deps: OtinishDeps,
  input: { applicationId: string; actor: Actor },
): Promise<boolean> {
  const joined = await deps.db.transaction().execute(async (trx) => {
    const appeal = await findAppeal(trx, input.applicationId);
    if (!appeal || !appeal.public_proposal)
      throw new DomainError('OTINISH_NOT_A_PUBLIC_PROPOSAL', 404);
    const application = await trx
      .selectFrom('services_application')
      .select('applicant_person_id')
      .where('id', '=', input.applicationId)
      .executeTakeFirstOrThrow();
    if (application.applicant_person_id === input.actor.personId)
      throw new DomainError('OTINISH_OWN_PROPOSAL', 409);
    return addSupporter(trx, input.applicationId, input.actor.personId, deps.now());
  });
  if (joined) {
    await deps.audit.append({
      action: 'e-otinish.join-proposal',
      outcome: 'success',
      actorAccountId: input.actor.accountId,
      subject: input.applicationId,
    });
  }
  return joined;
}

/**
 * The applicant comments on the intended adverse decision (Art. 73) while the hearing is open.
 * Outcomes: recorded; OTINISH_COMMENT_EMPTY (422, field `comment`); OTINISH_NOT_IN_HEARING (409)
 * when no hearing notice is pending (none sent, or already decided); 404 for anyone else.
 */
export async function commentOnHearing(
  deps: OtinishDeps,
  input: { applicationId: string; actor: Actor; text: string },
): Promise<void> {
  const text = input.text.trim();
  if (text === '' || text.length > 10_000) {
    throw new DomainError('OTINISH_COMMENT_EMPTY', 422, {}, [
      { field: 'comment', code: 'OTINISH_COMMENT_EMPTY' },
    ]);
  }
  await deps.db.transaction().execute(async (trx) => {
    const own = await ownAppeal(deps, trx, input.applicationId, input.actor);
    if (own.state.hearingNoticeSentOn === undefined || own.state.decidedAt)
      throw new DomainError('OTINISH_NOT_IN_HEARING', 409);
    await trx
      .insertInto('otinish_hearing_comment')
      .values({ application_id: input.applicationId, body_code: own.body, text, at: deps.now() })
      .execute();
  });
  await deps.audit.append({
    action: 'e-otinish.hearing-comment',
    outcome: 'success',
    actorAccountId: input.actor.accountId,
    subject: input.applicationId,
  });
}
