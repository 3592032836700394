import { DomainError } from '../../../platform/errors.js';
import type { ActKind } from './act-kinds.js';
import type { ChecksRun } from './checks/run-checks.js';
import type { PartyId } from './facts.js';

/*
 * An act's status is derived from its append-only list of actions, never stored and overwritten.
 *
 *   drafted ─► draft ──signed──► signed
 *               │ ▲  └─cancelled─► cancelled
 *  owner-reported│ │review-cleared
 *     -not-me    ▼ │
 *              frozen ──review-cancelled──► cancelled
 *
 * Choices where the law is silent:
 * - Checks older than SIGNING_CHECKS_MAX_AGE_MINUTES, or older than the newest change in the
 *   facts they read, are stale: the notary re-runs them. 15 minutes covers reading the act aloud
 *   to the parties and signing it, and is short enough that an arrest or a revocation entered in
 *   between is caught (the facts' own time stamp catches it at once).
 * - A cleared review invalidates earlier checks: whatever made the owner object may have changed
 *   the facts.
 * - A sale is signed only after the registered owners were alerted (at least one alert recorded).
 * - A report "this is not me" after signing cannot freeze a signed act (only a court annuls it);
 *   it is recorded and marks the act disputed.
 * - The reviewer who clears or cancels a frozen act is never the act's own notary, and gives a
 *   reason either way: the act's file must say why a reported deal went on or was stopped.
 */

export const SIGNING_CHECKS_MAX_AGE_MINUTES = 15;

/** The longest reason a notary or a reviewer may give for a decision (kept whole in the file). */
export const REASON_MAX_LENGTH = 1000;

export type ActAction =
  | { type: 'drafted'; at: Date; kind: ActKind; notaryIin: string }
  | { type: 'checks-run'; at: Date; checks: ChecksRun }
  | { type: 'owner-alerted'; at: Date; owner: PartyId }
  | { type: 'owner-reported-not-me'; at: Date; owner: PartyId }
  | { type: 'review-cleared'; at: Date; reviewerIin: string; reason: string }
  | { type: 'review-cancelled'; at: Date; reviewerIin: string; reason: string }
  | { type: 'signed'; at: Date; notaryIin: string; factsAsOf: Date }
  | { type: 'cancelled'; at: Date; notaryIin: string; reason: string };

export type ActStatus = 'draft' | 'frozen' | 'signed' | 'cancelled';

export interface ActState {
  status: ActStatus;
  kind: ActKind;
  notaryIin: string;
  draftedAt: Date;
  /** The latest checks that still count (null before any, and after a cleared review). */
  checks: ChecksRun | null;
  alertedOwners: PartyId[];
  reports: { owner: PartyId; at: Date }[];
  /** An owner reported "this is not me" after the act was signed. */
  disputed: boolean;
  signedAt: Date | null;
  cancelledAt: Date | null;
  lastActionAt: Date;
}

export type SigningVerdict =
  { allowed: true } | { allowed: false; code: string; params: Record<string, string | number> };

const samePartyId = (a: PartyId, b: PartyId) => a.kind === b.kind && a.id === b.id;

/**
 * May the act be signed at `at`, given the newest change in the facts (`factsAsOf`)? Refusals,
 * in order: ENOTARY_ACT_ALREADY_SIGNED, ENOTARY_ACT_CLOSED (cancelled), ENOTARY_ACT_FROZEN,
 * ENOTARY_ACT_OWNER_NOT_ALERTED (a sale), ENOTARY_ACT_CHECKS_MISSING,
 * ENOTARY_ACT_CHECKS_STALE {reason: facts-changed | too-old, minutes}, ENOTARY_ACT_CHECKS_BLOCKING.
 */
export function signingVerdict(state: ActState, at: Date, factsAsOf: Date): SigningVerdict {
  const refuse = (code: string, params: Record<string, string | number> = {}): SigningVerdict => ({
    allowed: false,
    code,
    params,
  });
  if (state.status === 'signed') return refuse('ENOTARY_ACT_ALREADY_SIGNED');
  if (state.status === 'cancelled') return refuse('ENOTARY_ACT_CLOSED');
  if (state.status === 'frozen') return refuse('ENOTARY_ACT_FROZEN');
  if (state.kind === 'real-estate-sale' && state.alertedOwners.length === 0) {
    return refuse('ENOTARY_ACT_OWNER_NOT_ALERTED');
  }
  const checks = state.checks;
  if (!checks) return refuse('ENOTARY_ACT_CHECKS_MISSING');
  if (checks.factsAsOf.getTime() < factsAsOf.getTime()) {
    return refuse('ENOTARY_ACT_CHECKS_STALE', {
      reason: 'facts-changed',
      minutes: SIGNING_CHECKS_MAX_AGE_MINUTES,
    });
  }
  if (at.getTime() - checks.ranAt.getTime() > SIGNING_CHECKS_MAX_AGE_MINUTES * 60_000) {
    return refuse('ENOTARY_ACT_CHECKS_STALE', {
      reason: 'too-old',
      minutes: SIGNING_CHECKS_MAX_AGE_MINUTES,
    });
  }
  if (!checks.signingAllowed) return refuse('ENOTARY_ACT_CHECKS_BLOCKING');
  return { allowed: true };
}

/**
 * The state after one more action. Outcomes: the new state, or a DomainError naming why the
 * action is refused here:
 * - ENOTARY_ACT_NOT_DRAFTED (409): the first action is not `drafted`;
 * - ENOTARY_ACT_ALREADY_DRAFTED (409): `drafted` again;
 * - ENOTARY_ACT_ACTION_OUT_OF_ORDER (409): an action dated before the previous one;
 * - ENOTARY_ACT_CLOSED (409): anything but a late report on a cancelled or signed act;
 * - ENOTARY_ACT_CHECKS_WRONG_KIND (400): checks run for another kind of act;
 * - ENOTARY_ACT_NO_OWNER_ALERT (400): an owner alert on an act that is not a sale;
 * - ENOTARY_ACT_REPORTER_NOT_ALERTED (403): a report from someone who was never alerted;
 * - ENOTARY_ACT_NOT_FROZEN (409): a review outcome for an act that is not frozen;
 * - ENOTARY_ACT_REVIEWER_IS_NOTARY (403): the act's own notary reviews it;
 * - ENOTARY_ACT_REVIEW_REASON_REQUIRED (400): a review outcome without a reason;
 * - ENOTARY_ACT_NOT_ITS_NOTARY (403): another notary signs or cancels;
 * - ENOTARY_ACT_CANCEL_REASON_REQUIRED (400): cancelling without a reason;
 * - any refusal of signingVerdict for `signed` (status 409).
 */
export function applyActAction(state: ActState | undefined, action: ActAction): ActState {
  if (!state) {
    if (action.type !== 'drafted') throw new DomainError('ENOTARY_ACT_NOT_DRAFTED', 409);
    return {
      status: 'draft',
      kind: action.kind,
      notaryIin: action.notaryIin,
      draftedAt: action.at,
      checks: null,
      alertedOwners: [],
      reports: [],
      disputed: false,
      signedAt: null,
      cancelledAt: null,
      lastActionAt: action.at,
    };
  }
  if (action.type === 'drafted') throw new DomainError('ENOTARY_ACT_ALREADY_DRAFTED', 409);
  if (action.at.getTime() < state.lastActionAt.getTime()) {
    throw new DomainError('ENOTARY_ACT_ACTION_OUT_OF_ORDER', 409);
  }
  const next = { ...state, lastActionAt: action.at };
  const open = state.status === 'draft' || state.status === 'frozen';
  const closed = () => new DomainError('ENOTARY_ACT_CLOSED', 409, { status: state.status });

  switch (action.type) {
    case 'checks-run':
      if (!open) throw closed();
      if (action.checks.kind !== state.kind) {
        throw new DomainError('ENOTARY_ACT_CHECKS_WRONG_KIND', 400);
      }
      return { ...next, checks: action.checks };

    case 'owner-alerted':
      if (!open) throw closed();
      if (state.kind !== 'real-estate-sale')
        throw new DomainError('ENOTARY_ACT_NO_OWNER_ALERT', 400);
      return { ...next, alertedOwners: [...state.alertedOwners, action.owner] };

    case 'owner-reported-not-me': {
      if (state.status === 'cancelled') throw closed();
      if (!state.alertedOwners.some((owner) => samePartyId(owner, action.owner))) {
        throw new DomainError('ENOTARY_ACT_REPORTER_NOT_ALERTED', 403);
      }
      const reports = [...state.reports, { owner: action.owner, at: action.at }];
      if (state.status === 'signed') return { ...next, reports, disputed: true };
      return { ...next, reports, status: 'frozen' };
    }

    case 'review-cleared':
    case 'review-cancelled':
      if (state.status !== 'frozen') {
        throw new DomainError('ENOTARY_ACT_NOT_FROZEN', 409, { status: state.status });
      }
      if (action.reviewerIin === state.notaryIin) {
        throw new DomainError('ENOTARY_ACT_REVIEWER_IS_NOTARY', 403);
      }
      if ((action.reason ?? '').trim() === '') {
        throw new DomainError('ENOTARY_ACT_REVIEW_REASON_REQUIRED', 400, {}, [
          { field: 'reason', code: 'ENOTARY_ACT_REVIEW_REASON_REQUIRED' },
        ]);
      }
      return action.type === 'review-cleared'
        ? { ...next, status: 'draft', checks: null }
        : { ...next, status: 'cancelled', cancelledAt: action.at };

    case 'signed': {
      if (action.notaryIin !== state.notaryIin) {
        throw new DomainError('ENOTARY_ACT_NOT_ITS_NOTARY', 403);
      }
      const verdict = signingVerdict(state, action.at, action.factsAsOf);
      if (!verdict.allowed) throw new DomainError(verdict.code, 409, verdict.params);
      return { ...next, status: 'signed', signedAt: action.at };
    }

    case 'cancelled':
      if (state.status === 'signed') throw new DomainError('ENOTARY_ACT_ALREADY_SIGNED', 409);
      if (!open) throw closed();
      if (action.notaryIin !== state.notaryIin) {
        throw new DomainError('ENOTARY_ACT_NOT_ITS_NOTARY', 403);
      }
      if (action.reason.trim() === '') {
        throw new DomainError('ENOTARY_ACT_CANCEL_REASON_REQUIRED', 400, {}, [
          { field: 'reason', code: 'ENOTARY_ACT_CANCEL_REASON_REQUIRED' },
        ]);
      }
      return { ...next, status: 'cancelled', cancelledAt: action.at };
  }
}

/**
 * True when this owner's "this is not me" already stands: the act is frozen and the owner is
 * among those who reported, or it is signed and the owner disputed it since. Choice: a report sent
 * again (a double click, a reload, a replayed request) then changes nothing, rather than adding a
 * report to the file and another message to the notary's inbox.
 */
export function reportStands(state: ActState, owner: PartyId): boolean {
  const mine = state.reports.filter((report) => samePartyId(report.owner, owner));
  if (state.status === 'frozen') return mine.length > 0;
  if (state.status === 'signed' && state.signedAt)
    return mine.some((report) => report.at.getTime() >= state.signedAt!.getTime());
  return false;
}

/**
 * The state an append-only history leads to. Outcomes: the state, or ENOTARY_ACT_NOT_DRAFTED for
 * an empty history, or the first refusal applyActAction meets (a stored history that breaks the
 * rules is corrupt, and the error says where).
 */
export function actStateOf(actions: readonly ActAction[]): ActState {
  let state: ActState | undefined;
  for (const action of actions) state = applyActAction(state, action);
  if (!state) throw new DomainError('ENOTARY_ACT_NOT_DRAFTED', 409);
  return state;
}
