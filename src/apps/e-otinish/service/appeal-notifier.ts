import type { ApplicantNotice, ApplicantNotifier } from '../../../blocks/services/index.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import type { AppealAction } from '../domain/appeal-actions.js';
import { deriveAppealState, type AppealState } from '../domain/appeal-state.js';
import { requireCompleteAnswer } from '../domain/answer-requirements.js';
import { EXTENDING_ROLES, extendDecisionTerm } from '../domain/extension.js';
import { registrationAtReceivingBody } from '../domain/forwarding.js';
import { earliestAdverseDecisionDate } from '../domain/hearing.js';
import { isWithinTerm, legalDateOf } from '../domain/legal-calendar.js';
import { issueCoupon } from '../domain/coupon.js';
import { yearOf } from '../../../platform/calendar/local-date.js';
import { APPEAL_SERVICES, T } from '../definition/appeal-service.js';
import {
  actionsAt,
  appendActions,
  insertCoupon,
  nextCouponSequence,
} from '../repo/appeals-repo.js';
import type { OtinishDeps } from './deps.js';
import { officerDecision } from './officer-context.js';
import { bodyName, tellApplicant } from './status.js';

/**
 * The engine's notifier port for the appeal services. Each message output of an appeal
 * transition is where the app records the step in the APPC history (checked by the domain
 * first: a step the law does not allow throws, and the engine rolls the whole transition back)
 * and tells the applicant through the messaging feed. Other services' notices go to `next`, the
 * notifier wired before (ports are one per engine).
 */
export function appealNotifier(deps: OtinishDeps, next?: ApplicantNotifier): ApplicantNotifier {
  return {
    notify: async (trx, notice) => {
      if (!APPEAL_SERVICES.includes(notice.serviceId)) {
        if (next) await next.notify(trx, notice);
        return;
      }
      await recordStep(deps, trx, notice);
    },
  };
}

const extensionDays = (action: string): number | undefined => {
  const match = /^extend-(\d+)$/.exec(action);
  return match ? Number(match[1]) : undefined;
};

async function recordStep(
  deps: OtinishDeps,
  trx: Database,
  notice: ApplicantNotice,
): Promise<void> {
  const now = deps.now();
  const application = await trx
    .selectFrom('services_application')
    .select(['agency_code'])
    .where('id', '=', notice.applicationId)
    .executeTakeFirstOrThrow();
  const body = application.agency_code;
  const history = await actionsAt(trx, notice.applicationId, body);
  if (history.length === 0)
    throw new DomainError('OTINISH_NOT_REGISTERED', 409, { index: 0, action: notice.action });
  const state = deriveAppealState(history, deps.legal);
  const context = officerDecision.getStore();
  const decision = context?.applicationId === notice.applicationId ? context : undefined;
  const number = state.couponNumber!;
  const append = async (action: AppealAction, at = body) => {
    // The domain refuses a step the history does not allow (throws, rolling back the engine's).
    deriveAppealState(
      [...(at === body ? history : await actionsAt(trx, notice.applicationId, at)), action],
      deps.legal,
    );
    await appendActions(trx, notice.applicationId, at, [action]);
  };
  const tell = (status: string, params: Record<string, string | number>, template = status) =>
    tellApplicant(trx, {
      applicationId: notice.applicationId,
      personId: notice.applicantPersonId,
      status,
      template,
      params,
      at: now,
    });

  const days = extensionDays(notice.action);
  if (days !== undefined) {
    const term = requireTerm(state, notice);
    const extension = extendDecisionTerm(
      {
        originalTerm: state.originalTerm!,
        currentTerm: term,
        newLastDay: deps.legal.calendar.addWorkingDays(term.lastDay, days),
        // The engine let only the head or a deputy of the holding body perform this transition.
        deciderRoles: decision?.deciderRoles ?? [EXTENDING_ROLES[0]],
        reasons: notice.reason ?? '',
        decidedAt: now,
      },
      deps.legal,
    );
    const deciderRole = (decision?.deciderRoles ?? [EXTENDING_ROLES[0]]).find((role) =>
      (EXTENDING_ROLES as readonly string[]).includes(role),
    )!;
    await append({
      type: 'extended',
      at: now,
      term: extension.term,
      deciderRole,
      reasons: notice.reason ?? '',
    });
    await tell('extended', {
      number,
      lastDay: extension.term.lastDay,
      reasons: notice.reason ?? '',
    });
    return;
  }
  switch (notice.action) {
    case T.forward: {
      const toBodyCode = decision?.toBodyCode;
      if (!toBodyCode) throw new DomainError('OTINISH_USE_APPEAL_PAGE', 409);
      await append({ type: 'forwarded', at: now, toBodyCode });
      const arrival = registrationAtReceivingBody(now, deps.legal);
      const sequence = await nextCouponSequence(trx, toBodyCode, yearOf(arrival.registrationDate));
      const coupon = issueCoupon({
        bodyCode: toBodyCode,
        sequence,
        receivedAt: now,
        registrationDate: arrival.registrationDate,
      });
      await insertCoupon(trx, {
        number: coupon.number,
        applicationId: notice.applicationId,
        bodyCode: toBodyCode,
        receivedAt: now,
        registrationDate: arrival.registrationDate,
      });
      await append({ type: 'submitted', at: now }, toBodyCode);
      await append(
        {
          type: 'registered',
          at: now,
          couponNumber: coupon.number,
          considered: true,
          term: arrival.decisionTerm,
        },
        toBodyCode,
      );
      await tell('forwarded', {
        number: coupon.number,
        from: await bodyName(trx, body),
        agency: await bodyName(trx, toBodyCode),
        reason: notice.reason ?? '',
        lastDay: arrival.decisionTerm.lastDay,
      });
      return;
    }
    case T.hearing: {
      const noticeSentOn = legalDateOf(now, deps.legal);
      await append({ type: 'hearing-notified', at: now, noticeSentOn });
      await tell('hearing', {
        number,
        reasons: notice.reason ?? '',
        earliest: earliestAdverseDecisionDate(noticeSentOn, deps.legal),
      });
      return;
    }
    case T.decide:
    case T.decideAdverse: {
      // An answer without legal grounds and an appeal route is never sent (the engine's generic
      // form carries neither, so it is refused there with the fields to fill).
      const answer = requireCompleteAnswer(
        decision?.answer ?? { text: notice.reason ?? '', legalGrounds: '', appealRoute: '' },
      );
      const action = {
        type: 'decided',
        at: now,
        adverse: notice.action === T.decideAdverse,
        answer,
      } as AppealAction;
      await append(action);
      await tell('decided', { number, agency: await bodyName(trx, body) });
      return;
    }
    case T.deemRefused: {
      const term = requireTerm(state, notice);
      // The engine's clock and the law agree by construction; should they ever not, the law
      // wins: refusing here rolls the expiry back and the engine's sweep tries again later.
      if (isWithinTerm(now, term))
        throw new DomainError('OTINISH_TERM_NOT_EXPIRED', 409, {
          index: history.length,
          action: 'deemed-refused',
        });
      await append({ type: 'deemed-refused', at: now });
      await tell('deemed-refused', { number, lastDay: term.lastDay });
      return;
    }
    default:
      throw new Error(`No APPC step for the appeal transition ${notice.action}`);
  }
}

function requireTerm(state: AppealState, notice: ApplicantNotice) {
  if (!state.term || !state.originalTerm)
    throw new DomainError('OTINISH_NOT_CONSIDERED', 409, { index: 0, action: notice.action });
  return state.term;
}
