import type { LocalDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import type { AppealAction } from './appeal-actions.js';
import { complaintWindow } from './complaint.js';
import { EXTENDING_ROLES, latestExtendedLastDay } from './extension.js';
import { earliestAdverseDecisionDate, hearingAllowsAdverseDecision } from './hearing.js';
import { isWithinTerm, legalDateOf, type LegalCalendar, type LegalTerm } from './legal-calendar.js';

export type AppealStatus =
  | 'submitted'
  | 'registered'
  /** Anonymous, reporting neither a crime nor a threat: registered, not considered. */
  | 'not-considered'
  | 'forwarded'
  | 'extended'
  /** The applicant was told of an intended adverse decision and may comment. */
  | 'hearing'
  | 'decided'
  | 'deemed-refused'
  | 'complaint-filed';

/** Everything the history says about an appeal, derived by `deriveAppealState`. */
export interface AppealState {
  status: AppealStatus;
  submittedAt: Date;
  couponNumber?: string;
  considered?: boolean;
  /** The Art. 76 term as first set at registration. */
  originalTerm?: LegalTerm;
  /** The term in force (after extensions). */
  term?: LegalTerm;
  extensions: number;
  forwardedTo?: string;
  hearingNoticeSentOn?: LocalDate;
  decidedAt?: Date;
  adverse?: boolean;
  decidedOnTime?: boolean;
  deemedRefusedAt?: Date;
  rating?: number;
  complaintFiledAt?: Date;
  /** The instant of the last action. */
  lastActionAt: Date;
}

const refuse = (
  code: string,
  index: number,
  action: AppealAction,
  params: Record<string, string> = {},
): never => {
  throw new DomainError(code, 409, { ...params, index, action: action.type });
};

/**
 * One step of the history: the state after `action`, or a DomainError (409, params.index and
 * params.action) when the step is impossible after `state`:
 * - OTINISH_NOT_SUBMITTED: the history does not start with `submitted`;
 * - OTINISH_ALREADY_SUBMITTED; OTINISH_ALREADY_REGISTERED;
 * - OTINISH_ACTION_OUT_OF_ORDER: an action earlier than the one before it;
 * - OTINISH_NOT_REGISTERED: a step that needs the registration before it;
 * - OTINISH_NOT_CONSIDERED: a step of consideration on an appeal that is not considered;
 * - OTINISH_ALREADY_FORWARDED: any step at this body after the appeal left it;
 * - OTINISH_ALREADY_DECIDED: an extension, a hearing, a forwarding, a second decision or a
 *   deemed refusal after the decision;
 * - OTINISH_EXTENSION_ROLE, OTINISH_EXTENSION_NO_REASONS, OTINISH_EXTENSION_TERM_EXPIRED,
 *   OTINISH_EXTENSION_NOT_LATER, OTINISH_EXTENSION_TOO_LONG: as in extension.ts (the history
 *   holds only a reasoned extension by the head or deputy, within the 2 months);
 * - OTINISH_HEARING_REQUIRED: an adverse decision without a hearing notice (Art. 73);
 *   OTINISH_HEARING_TOO_SOON: one dated before three whole working days after the notice;
 * - OTINISH_TERM_NOT_EXPIRED: a deemed refusal before the term expired;
 *   OTINISH_ALREADY_DEEMED_REFUSED;
 * - OTINISH_NOT_DECIDED: a rating with no decision; OTINISH_ALREADY_RATED;
 * - OTINISH_NOTHING_TO_CONTEST: a complaint with neither a decision nor a deemed refusal;
 *   OTINISH_COMPLAINT_ALREADY_FILED; OTINISH_COMPLAINT_WINDOW_CLOSED: a complaint after the Art. 92
 *   window that is not marked late (admitted on a restoration reason).
 * A late decision after a deemed refusal is possible: the body still owes an answer.
 */
export function applyAppealAction(
  state: AppealState | undefined,
  action: AppealAction,
  index: number,
  legal: LegalCalendar,
): AppealState {
  if (!state) {
    if (action.type !== 'submitted') return refuse('OTINISH_NOT_SUBMITTED', index, action);
    return { status: 'submitted', submittedAt: action.at, extensions: 0, lastActionAt: action.at };
  }
  if (action.at.getTime() < state.lastActionAt.getTime()) {
    return refuse('OTINISH_ACTION_OUT_OF_ORDER', index, action);
  }
  if (action.type === 'submitted') return refuse('OTINISH_ALREADY_SUBMITTED', index, action);
  if (action.type === 'registered') {
    if (state.couponNumber !== undefined)
      return refuse('OTINISH_ALREADY_REGISTERED', index, action);
    return withStatus({
      ...state,
      couponNumber: action.couponNumber,
      considered: action.considered,
      ...(action.considered ? { originalTerm: action.term, term: action.term } : {}),
      lastActionAt: action.at,
    });
  }
  if (state.couponNumber === undefined) return refuse('OTINISH_NOT_REGISTERED', index, action);
  if (state.forwardedTo !== undefined) return refuse('OTINISH_ALREADY_FORWARDED', index, action);
  if (!state.considered || !state.term || !state.originalTerm) {
    return refuse('OTINISH_NOT_CONSIDERED', index, action);
  }
  const decided = state.decidedAt !== undefined;
  const next: AppealState = { ...state, lastActionAt: action.at };

  switch (action.type) {
    case 'forwarded':
      if (decided) return refuse('OTINISH_ALREADY_DECIDED', index, action);
      next.forwardedTo = action.toBodyCode;
      break;
    case 'extended': {
      if (decided) return refuse('OTINISH_ALREADY_DECIDED', index, action);
      if (!(EXTENDING_ROLES as readonly string[]).includes(action.deciderRole)) {
        return refuse('OTINISH_EXTENSION_ROLE', index, action);
      }
      if (action.reasons.trim() === '') {
        return refuse('OTINISH_EXTENSION_NO_REASONS', index, action);
      }
      if (!isWithinTerm(action.at, state.term)) {
        return refuse('OTINISH_EXTENSION_TERM_EXPIRED', index, action, {
          lastDay: state.term.lastDay,
        });
      }
      if (action.term.lastDay <= state.term.lastDay) {
        return refuse('OTINISH_EXTENSION_NOT_LATER', index, action, {
          lastDay: state.term.lastDay,
        });
      }
      const latest = latestExtendedLastDay(state.originalTerm.lastDay, legal);
      if (action.term.lastDay > latest) {
        return refuse('OTINISH_EXTENSION_TOO_LONG', index, action, { latest });
      }
      next.term = action.term;
      next.extensions = state.extensions + 1;
      break;
    }
    case 'hearing-notified':
      if (decided) return refuse('OTINISH_ALREADY_DECIDED', index, action);
      next.hearingNoticeSentOn = action.noticeSentOn;
      break;
    case 'decided':
      if (decided) return refuse('OTINISH_ALREADY_DECIDED', index, action);
      if (action.adverse) {
        if (state.hearingNoticeSentOn === undefined) {
          return refuse('OTINISH_HEARING_REQUIRED', index, action);
        }
        const decisionDate = legalDateOf(action.at, legal);
        if (!hearingAllowsAdverseDecision(state.hearingNoticeSentOn, decisionDate, legal)) {
          return refuse('OTINISH_HEARING_TOO_SOON', index, action, {
            earliest: earliestAdverseDecisionDate(state.hearingNoticeSentOn, legal),
          });
        }
      }
      next.decidedAt = action.at;
      next.adverse = action.adverse;
      next.decidedOnTime = isWithinTerm(action.at, state.term);
      break;
    case 'deemed-refused':
      if (decided) return refuse('OTINISH_ALREADY_DECIDED', index, action);
      if (state.deemedRefusedAt) return refuse('OTINISH_ALREADY_DEEMED_REFUSED', index, action);
      if (isWithinTerm(action.at, state.term)) {
        return refuse('OTINISH_TERM_NOT_EXPIRED', index, action);
      }
      next.deemedRefusedAt = action.at;
      break;
    case 'rated':
      if (!decided) return refuse('OTINISH_NOT_DECIDED', index, action);
      if (state.rating !== undefined) return refuse('OTINISH_ALREADY_RATED', index, action);
      next.rating = action.score;
      break;
    case 'complaint-filed': {
      const contested = state.decidedAt ?? state.deemedRefusedAt;
      if (!contested) return refuse('OTINISH_NOTHING_TO_CONTEST', index, action);
      if (state.complaintFiledAt) return refuse('OTINISH_COMPLAINT_ALREADY_FILED', index, action);
      const window = complaintWindow(contested, legal);
      if (!action.late && !isWithinTerm(action.at, window)) {
        return refuse('OTINISH_COMPLAINT_WINDOW_CLOSED', index, action, {
          lastDay: window.lastDay,
        });
      }
      next.complaintFiledAt = action.at;
      break;
    }
  }
  return withStatus(next);
}

/** The status is read off the state, most final first, never stored on its own. */
const withStatus = (state: AppealState): AppealState => ({ ...state, status: statusOf(state) });

function statusOf(state: AppealState): AppealStatus {
  if (state.forwardedTo !== undefined) return 'forwarded';
  if (state.complaintFiledAt) return 'complaint-filed';
  if (state.decidedAt) return 'decided';
  if (state.deemedRefusedAt) return 'deemed-refused';
  if (state.considered === false) return 'not-considered';
  if (state.hearingNoticeSentOn !== undefined) return 'hearing';
  if (state.extensions > 0) return 'extended';
  return state.couponNumber !== undefined ? 'registered' : 'submitted';
}

/**
 * The state of an appeal from its whole history, or the DomainError of its first impossible
 * step (see applyAppealAction). An empty history is refused with OTINISH_NOT_SUBMITTED.
 */
export function deriveAppealState(
  actions: readonly AppealAction[],
  legal: LegalCalendar,
): AppealState {
  let state: AppealState | undefined;
  actions.forEach((action, index) => {
    state = applyAppealAction(state, action, index, legal);
  });
  if (!state) throw new DomainError('OTINISH_NOT_SUBMITTED', 409, { index: 0, action: 'none' });
  return state;
}
