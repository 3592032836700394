import {
  performTransition,
  type Actor,
  type RequestFacts,
} from '../../../blocks/services/index.js';
import { DomainError } from '../../../platform/errors.js';
import type { AnswerDraft } from '../domain/answer-requirements.js';
import { requireCompleteAnswer } from '../domain/answer-requirements.js';
import { EXTENSION_STEPS, extensionTransition, T } from '../definition/appeal-service.js';
import type { OtinishDeps } from './deps.js';
import { officerDecision } from './officer-context.js';

/*
 * The officer's steps on an appeal. Each is one engine transition (role and state checked, audited
 * when refused, clocks moved) with the APPC step recorded by the notifier in the same
 * transaction. Outcomes of every one: the engine's (SERVICES_APPLICATION_NOT_FOUND 404,
 * SERVICES_ROLE_NOT_ALLOWED 403 audited, SERVICES_TRANSITION_NOT_AVAILABLE 409,
 * SERVICES_REASON_REQUIRED 400) and the domain's refusals named on each function.
 */

interface Step {
  applicationId: string;
  actor: Actor;
}

const run = (
  deps: OtinishDeps,
  step: Step,
  transitionId: string,
  extra: { reason?: string; agencyCode?: string },
  facts: RequestFacts,
  decision: object = {},
) =>
  officerDecision.run({ applicationId: step.applicationId, ...decision }, () =>
    performTransition(
      deps.engine,
      { applicationId: step.applicationId, transitionId, actor: step.actor, ...extra },
      facts,
    ),
  );

/** Art. 65: forwards to the competent body with the reason told to the applicant. */
export async function forwardAppeal(
  deps: OtinishDeps,
  step: Step & { toBodyCode: string; reason: string },
  facts: RequestFacts = {},
) {
  return run(deps, step, T.forward, { reason: step.reason, agencyCode: step.toBodyCode }, facts, {
    toBodyCode: step.toBodyCode,
  });
}

/**
 * Extends the term by `days` working days (one of EXTENSION_STEPS) on the head's or deputy's
 * reasoned decision. Further outcomes: OTINISH_EXTENSION_STEP (400) for another length; the
 * domain's OTINISH_EXTENSION_TOO_LONG (422), OTINISH_EXTENSION_TERM_EXPIRED (409).
 */
export async function extendTerm(
  deps: OtinishDeps,
  step: Step & { days: number; reasons: string },
  facts: RequestFacts = {},
) {
  if (!(EXTENSION_STEPS as readonly number[]).includes(step.days)) {
    throw new DomainError('OTINISH_EXTENSION_STEP', 400, {}, [
      { field: 'days', code: 'OTINISH_EXTENSION_STEP' },
    ]);
  }
  return run(deps, step, extensionTransition(step.days), { reason: step.reasons }, facts, {
    deciderRoles: step.actor.roles,
  });
}

/** Art. 73: tells the applicant of the intended adverse decision and its reasons. */
export async function notifyHearing(
  deps: OtinishDeps,
  step: Step & { reasons: string },
  facts: RequestFacts = {},
) {
  return run(deps, step, T.hearing, { reason: step.reasons }, facts);
}

/**
 * Answers the appeal. Further outcomes: OTINISH_ANSWER_INCOMPLETE (422) with each missing part
 * (text, legal grounds, appeal route) as a field problem, checked before anything is attempted;
 * OTINISH_HEARING_REQUIRED / OTINISH_HEARING_TOO_SOON (409) for an adverse answer.
 */
export async function answerAppeal(
  deps: OtinishDeps,
  step: Step & { answer: AnswerDraft; adverse: boolean },
  facts: RequestFacts = {},
) {
  const answer = requireCompleteAnswer(step.answer);
  return run(
    deps,
    step,
    step.adverse ? T.decideAdverse : T.decide,
    { reason: answer.text.slice(0, 4000) },
    facts,
    { answer },
  );
}
