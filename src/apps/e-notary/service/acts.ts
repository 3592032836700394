import crypto from 'node:crypto';
import { publishStatus } from '../../../blocks/messaging/index.js';
import { findRecord } from '../../../blocks/registries/index.js';
import {
  appendToLedger,
  findSigningCertificate,
  issueCertificate,
  issueDocument,
  type SummaryItem,
} from '../../../blocks/trust/index.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { appendEntries, prepareEvent } from '../../../platform/audit/append-entries.js';
import { localDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { actDraftProblems, type ActDraft, type Party } from '../domain/act-draft.js';
import { ACT_KIND_NAMES } from '../domain/act-kinds.js';
import {
  actStateOf,
  applyActAction,
  REASON_MAX_LENGTH,
  reportStands,
  SIGNING_CHECKS_MAX_AGE_MINUTES,
  type ActAction,
  type ActState,
} from '../domain/act-lifecycle.js';
import { runPreDealChecks, type ChecksRun } from '../domain/checks/run-checks.js';
import type { Facts, PartyId } from '../domain/facts.js';
import { ownersToAlert } from '../domain/owner-alerts.js';
import { powerOfAttorneyValidUntil } from '../domain/power-of-attorney.js';
import { newRegisterNumber } from '../domain/register-number.js';
import { sameAct } from '../domain/same-act.js';
import { holdsPermission, REVIEW_PERMISSION } from '../permissions.js';
import {
  appendAction,
  findAct,
  findReportedUnsignedActs,
  findUnsignedActsLike,
  insertAct,
  insertActEntry,
  listActsOfNotary,
  listActsOfParty,
  lockOpeningsOf,
  nextSequence,
  type ActListItem,
  type StoredAct,
} from '../repo/acts-repo.js';
import { insertPowerOfAttorney } from '../repo/powers-of-attorney-repo.js';
import { ACTS_LEDGER, momentOf, transaction, type ENotaryDeps } from './deps.js';
import { parseActInput, type ActInput } from './act-input.js';
import {
  callerOf,
  findNotaryLicence,
  NOTARY_LEGAL_BASIS,
  notaryActor,
  readerActor,
  requireNotary,
  type Caller,
  type Notary,
} from './notary.js';
import { personIdsOf, recipientOf } from './people.js';
import { loadFacts } from './registry-facts.js';
import { actFrozenTemplate, actReviewedTemplate, saleOpenedTemplate } from './templates.js';

/** The act as the app shows it: what was drafted, and the state its file leads to. */
export interface ActView {
  act: StoredAct;
  state: ActState;
  /** How the viewer relates to the act. */
  viewerIs: 'notary' | 'party' | 'alerted-owner';
}

export const alertPath = (actId: string) => `/e-notary/alerts/${actId}`;
export const actPath = (actId: string) => `/e-notary/acts/${actId}`;

const context = (notary: Caller & { licence?: { number: string } }, purpose: string) => ({
  actor: notary.licence ? notaryActor(notary as Notary) : readerActor(notary, 'Нотариус'),
  purpose,
  legalBasis: NOTARY_LEGAL_BASIS,
});

/** One problem per field, the first found (a bad share is not also a missing one). */
const firstPerField = (problems: FieldProblem[]) =>
  problems.filter(
    (problem, index) => problems.findIndex((other) => other.field === problem.field) === index,
  );

const samePartyId = (a: PartyId, b: PartyId) => a.kind === b.kind && a.id === b.id;

/**
 * The bad input a draft can hold that only the registers reveal: a party, representative or
 * power of attorney nobody knows, a flat not in the register, a seller who is not a registered
 * owner. Each is a field problem; the act is refused whole.
 */
function unknownInRegisters(draft: ActDraft, facts: Facts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  draft.parties.forEach((party, index) => {
    const known =
      party.kind === 'person' ? facts.people.has(party.id) : facts.organisations.has(party.id);
    if (!known) {
      problems.push({
        field: `parties.${index}.id`,
        code: party.kind === 'person' ? 'ENOTARY_IIN_UNKNOWN' : 'ENOTARY_BIN_UNKNOWN',
      });
    }
    if (party.representative) {
      if (!facts.people.has(party.representative.iin)) {
        problems.push({
          field: `parties.${index}.representative.iin`,
          code: 'ENOTARY_IIN_UNKNOWN',
        });
      }
      if (!facts.powersOfAttorney.has(party.representative.powerOfAttorney)) {
        problems.push({
          field: `parties.${index}.representative.powerOfAttorney`,
          code: 'ENOTARY_POA_UNKNOWN',
        });
      }
    }
  });
  if (draft.kind === 'real-estate-sale' || draft.cadastralNumber !== undefined) {
    if (!facts.property) {
      problems.push({ field: 'cadastralNumber', code: 'ENOTARY_PROPERTY_UNKNOWN' });
    } else if (draft.kind === 'real-estate-sale') {
      draft.parties.forEach((party, index) => {
        const owner = facts.property!.owners.some((line) => samePartyId(line.owner, party));
        if (party.role === 'seller' && !owner) {
          problems.push({ field: `parties.${index}.id`, code: 'ENOTARY_SELLER_NOT_OWNER' });
        }
      });
    }
  }
  return problems;
}

/**
 * A notary opens an act. In one transaction: the notary's licence is read and must be in force,
 * the draft is checked (identifiers by the country profile, roles, shares, the cadastral number
 * spelled as the register spells it), the parties, representatives, powers of attorney and flat
 * are looked up in the registers, the act and its first action are written, and for a sale every
 * registered owner is alerted through messaging (inbox message and status notice) with a link to
 * the alert page. Nothing is written when anything fails, not even the access records.
 *
 * Outcomes: the new act's id; ENOTARY_NOT_A_NOTARY (403); a licence refusal (403:
 * ENOTARY_CHECK_LICENCE_NOT_ACTIVE, _NOT_YET_VALID, _EXPIRED); ENOTARY_ACT_DRAFT_INVALID (400)
 * listing every field problem (ENOTARY_INVALID_IIN, ENOTARY_INVALID_BIN, ENOTARY_IIN_UNKNOWN,
 * ENOTARY_BIN_UNKNOWN, ENOTARY_POA_UNKNOWN, ENOTARY_PROPERTY_UNKNOWN, ENOTARY_SELLER_NOT_OWNER,
 * ENOTARY_CADASTRAL_INVALID_FORMAT, ENOTARY_SHARE_INVALID, …); ENOTARY_ACT_ALREADY_OPEN (409)
 * when the notary already has this very deal open (`sameAct`: a form sent twice, a replayed
 * request), so a second draft is never written and its owners are not alerted twice.
 */
export async function openAct(
  deps: ENotaryDeps,
  principal: Principal,
  input: ActInput,
): Promise<{ actId: string; alerted: number }> {
  return transaction(deps, async (trx) => {
    const notary = await requireNotary(trx, deps, principal);
    const { draft, problems: inputProblems } = parseActInput(input, notary.iin);
    const draftProblems = firstPerField([
      ...inputProblems,
      ...actDraftProblems(deps.platform.country, draft),
    ]);
    if (draftProblems.length > 0) {
      throw new DomainError('ENOTARY_ACT_DRAFT_INVALID', 400, {}, draftProblems);
    }
    // Before any registry read: a refused duplicate leaves no access record either.
    await lockOpeningsOf(trx, notary.personId);
    const candidates = await findUnsignedActsLike(
      trx,
      notary.personId,
      draft.kind,
      draft.cadastralNumber ?? null,
    );
    const same = candidates.find(
      (other) => isOpen(actStateOf(other.actions)) && sameAct(other.draft, draft),
    );
    if (same) throw new DomainError('ENOTARY_ACT_ALREADY_OPEN', 409, { actId: same.id });
    const actId = crypto.randomUUID();
    const facts = await loadFacts(
      trx,
      deps,
      context(notary, `e-Notary: opening notarial act ${actId}`),
      draft,
      notary.licence,
    );
    const problems = unknownInRegisters(draft, facts);
    if (problems.length > 0) throw new DomainError('ENOTARY_ACT_DRAFT_INVALID', 400, {}, problems);

    const now = deps.platform.now();
    await insertAct(trx, {
      id: actId,
      notaryPersonId: notary.personId,
      notaryLicence: notary.licence.number,
      draft,
      createdAt: now,
    });
    let state = applyActAction(undefined, {
      type: 'drafted',
      at: now,
      kind: draft.kind,
      notaryIin: notary.iin,
    });
    await appendAction(
      trx,
      actId,
      { type: 'drafted', at: now, kind: draft.kind, notaryIin: notary.iin },
      notary.accountId,
    );

    let alerted = 0;
    const address = facts.property ? await flatAddress(trx, deps, notary, draft) : '';
    for (const owner of ownersToAlert(draft, facts)) {
      const recipient = await recipientOf(trx, deps.platform.country.id, owner);
      // An owner the platform does not know has no inbox; the others are still told.
      if (!recipient) continue;
      await publishStatus(trx, {
        subject: { kind: 'notarial-act', id: actId },
        recipient,
        status: 'sale-opened',
        template: saleOpenedTemplate.id,
        params: {
          cadastralNumber: draft.cadastralNumber ?? '',
          address,
          notary: notary.name,
        },
        link: alertPath(actId),
        at: now,
      });
      const action: ActAction = { type: 'owner-alerted', at: now, owner };
      state = applyActAction(state, action);
      await appendAction(trx, actId, action, null);
      alerted += 1;
    }
    return { actId, alerted };
  });
}

const isOpen = (state: ActState) => state.status === 'draft' || state.status === 'frozen';

async function flatAddress(trx: Database, deps: ENotaryDeps, notary: Notary, draft: ActDraft) {
  const flat = await findRecord(
    trx,
    deps.registries,
    context(notary, 'e-Notary: address of the flat for the owners’ alert'),
    'flats',
    { cadastralNumber: draft.cadastralNumber },
  );
  return String(flat?.data.address ?? draft.cadastralNumber ?? '');
}

/**
 * The act and its state, its row locked until the transaction ends unless `lock` is false (a
 * read). Outcomes: ENOTARY_ACT_NOT_FOUND (404).
 */
async function actAndState(
  db: Database,
  actId: string,
  { lock = true }: { lock?: boolean } = {},
): Promise<{ act: StoredAct; state: ActState }> {
  const act = await findAct(db, actId, { lock });
  if (!act) throw new DomainError('ENOTARY_ACT_NOT_FOUND', 404);
  return { act, state: actStateOf(act.actions) };
}

/**
 * The act's notary runs the pre-deal checks over fresh registry facts; every check, passed or
 * not, goes into the act's file as one `checks-run` action. A licence that lapsed since the act
 * was opened is a failed check here (recorded), not a refusal.
 *
 * Outcomes: the checks run; ENOTARY_ACT_NOT_FOUND (404) for an unknown act or someone else's;
 * ENOTARY_ACT_CLOSED (409) for a signed or cancelled act.
 */
export async function runChecks(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
): Promise<ChecksRun> {
  return transaction(deps, async (trx) => {
    const { act, state } = await actAndState(trx, actId);
    const caller = await callerOf(trx, principal);
    if (caller.iin !== act.notaryIin) throw new DomainError('ENOTARY_ACT_NOT_FOUND', 404);
    const licence = await findNotaryLicence(trx, deps, caller);
    const facts = await loadFacts(
      trx,
      deps,
      context(
        licence ? { ...caller, licence } : caller,
        `e-Notary: pre-deal checks of act ${actId}`,
      ),
      act.draft,
      licence,
    );
    const checks = runPreDealChecks(act.draft, facts, momentOf(deps));
    const action: ActAction = { type: 'checks-run', at: checks.ranAt, checks };
    applyActAction(state, action);
    await appendAction(trx, actId, action, caller.accountId);
    return checks;
  });
}

export interface SignedAct {
  registerNumber: string;
  documentId: string;
  verificationCode: string;
  verificationUrl: string;
}

/**
 * The act's notary signs it. In one transaction: the licence must be in force; the facts are
 * re-read so checks older than the newest change are stale; the lifecycle's signing verdict
 * decides; the act gets the next number of register A for the notary's licence and year; the
 * trust block issues the signed document with the notary's certificate (issued on first
 * signing), whose QR opens the public verification page; the act is appended to the
 * `e-notary-acts` ledger; a power of attorney enters the PoA register.
 *
 * Outcomes: the register number and verification code; ENOTARY_ACT_NOT_FOUND (404); a licence
 * refusal (403); the verdict's refusal (409): ENOTARY_ACT_ALREADY_SIGNED, ENOTARY_ACT_CLOSED,
 * ENOTARY_ACT_FROZEN, ENOTARY_ACT_OWNER_NOT_ALERTED, ENOTARY_ACT_CHECKS_MISSING,
 * ENOTARY_ACT_CHECKS_STALE, ENOTARY_ACT_CHECKS_BLOCKING. Nothing is written on a refusal.
 */
export async function signAct(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
): Promise<SignedAct> {
  return transaction(deps, async (trx) => {
    const { act, state } = await actAndState(trx, actId);
    const notary = await requireNotary(trx, deps, principal);
    if (notary.iin !== act.notaryIin) throw new DomainError('ENOTARY_ACT_NOT_FOUND', 404);
    const facts = await loadFacts(
      trx,
      deps,
      context(notary, `e-Notary: signing act ${actId}`),
      act.draft,
      notary.licence,
    );
    const now = deps.platform.now();
    const signed: ActAction = {
      type: 'signed',
      at: now,
      notaryIin: notary.iin,
      factsAsOf: facts.asOf,
    };
    applyActAction(state, signed);
    // The facts are read again in this very transaction: a revocation or an arrest recorded in
    // the same millisecond as the checks escapes the time comparison, not a fresh run.
    const moment = momentOf(deps, now);
    if (!runPreDealChecks(act.draft, facts, moment).signingAllowed) {
      throw new DomainError('ENOTARY_ACT_CHECKS_STALE', 409, {
        reason: 'facts-changed',
        minutes: SIGNING_CHECKS_MAX_AGE_MINUTES,
      });
    }

    const year = Number(localDate(now, moment.timeZone).slice(0, 4));
    const sequence = await nextSequence(trx, 'A', notary.licenceSegment, year);
    const registerNumber = newRegisterNumber('acts', notary.licenceSegment, sequence, moment);
    const trustContext = { deps: deps.trust, actorAccountId: notary.accountId, trx };
    const holder = { kind: 'notary' as const, id: notary.personId };
    const certificate =
      (await findSigningCertificate(trx, holder, now)) ??
      (await issueCertificate(trustContext, {
        holderKind: 'notary',
        holderId: notary.personId,
        holderName: notary.name,
      }));
    const people = act.draft.parties.filter((party) => party.kind === 'person');
    const document = await issueDocument(trustContext, {
      issuerCertificateId: certificate.id,
      kind: `notary.${act.kind}`,
      title: { code: ACT_KIND_NAMES[act.kind] },
      content: actContent(act, registerNumber, state),
      summary: actSummary(act, notary),
      registerNumber,
      subjectPersonIds: await personIdsOf(
        trx,
        deps.platform.country.id,
        people.map((party) => party.id),
      ),
    });
    const ledger = await appendToLedger(
      trx,
      ACTS_LEDGER,
      {
        kind: 'act.registered',
        actorAccountId: notary.accountId,
        subject: registerNumber,
        details: { act: act.id, kind: act.kind, document: document.id },
      },
      now,
    );
    await insertActEntry(trx, {
      actId,
      registerNumber,
      documentId: document.id,
      verificationCode: document.verificationCode,
      signedAt: now,
      ledgerSeq: ledger.seq,
    });
    await appendAction(trx, actId, signed, notary.accountId);
    if (act.kind === 'power-of-attorney')
      await registerPowerOfAttorney(trx, act, registerNumber, moment);
    return {
      registerNumber,
      documentId: document.id,
      verificationCode: document.verificationCode,
      verificationUrl: document.verificationUrl,
    };
  });
}

async function registerPowerOfAttorney(
  trx: Database,
  act: StoredAct,
  registerNumber: string,
  moment: { now: Date; timeZone: string },
) {
  const principal = act.draft.parties.find((party) => party.role === 'principal')!;
  const representative = act.draft.parties.find((party) => party.role === 'representative')!;
  const issuedOn = localDate(moment.now, moment.timeZone);
  await insertPowerOfAttorney(
    trx,
    {
      registerNumber,
      principal: { kind: principal.kind, id: principal.id },
      representativeIin: representative.id,
      issuedOn,
      validUntil: powerOfAttorneyValidUntil(
        issuedOn,
        act.draft.powerOfAttorney?.validUntil ?? null,
      ),
      revokedAt: null,
      scope: act.draft.powerOfAttorney!.scope,
    },
    moment.now,
  );
}

/** What the signed document holds: the act as drafted and the checks it was signed on. */
function actContent(act: StoredAct, registerNumber: string, state: ActState) {
  return {
    act: act.id,
    registerNumber,
    kind: act.kind,
    parties: act.draft.parties.map((party: Party) => ({
      role: party.role,
      kind: party.kind,
      id: party.id,
      ...(party.share ? { share: `${party.share.numerator}/${party.share.denominator}` } : {}),
      ...(party.representative ? { representative: party.representative } : {}),
    })),
    cadastralNumber: act.draft.cadastralNumber ?? null,
    ...(act.draft.powerOfAttorney ? { powerOfAttorney: act.draft.powerOfAttorney } : {}),
    checks:
      state.checks?.results.map((result) => ({ check: result.check, passed: result.passed })) ?? [],
  };
}

/**
 * The public summary: the object and the notary's licence; the register number is the
 * document's own field (the trust block refuses it here: its digits read like an identifier).
 */
function actSummary(act: StoredAct, notary: Notary): SummaryItem[] {
  return [
    ...(act.draft.cadastralNumber
      ? [{ label: { code: 'enotary.summary.object' }, value: act.draft.cadastralNumber }]
      : []),
    { label: { code: 'enotary.summary.licence' }, value: notary.licence.number },
  ];
}

/**
 * A registered owner reports "this is not me" on a sale they were alerted to: the act is frozen
 * pending review (after signing, the report is recorded and marks the act disputed), and the
 * notary is told through messaging.
 *
 * Outcomes: the act's new state (unchanged, and nothing written, when this owner's report already
 * stands: a repeated report); ENOTARY_ACT_NOT_FOUND (404); ENOTARY_ACT_REPORTER_NOT_ALERTED (403)
 * for someone who was not alerted; ENOTARY_ACT_CLOSED (409) for a cancelled act.
 */
export async function reportNotMe(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
): Promise<ActState> {
  return transaction(deps, async (trx) => {
    const { act, state } = await actAndState(trx, actId);
    const caller = await callerOf(trx, principal);
    const owner: PartyId = { kind: 'person', id: caller.iin };
    if (reportStands(state, owner)) return state;
    const action: ActAction = {
      type: 'owner-reported-not-me',
      at: deps.platform.now(),
      owner,
    };
    const next = applyActAction(state, action);
    await appendAction(trx, actId, action, caller.accountId);
    await publishStatus(trx, {
      subject: { kind: 'notarial-act', id: actId },
      recipient: { personId: act.notaryPersonId },
      status: next.status === 'frozen' ? 'frozen' : 'disputed',
      template: actFrozenTemplate.id,
      params: { cadastralNumber: act.cadastralNumber ?? '' },
      link: actPath(actId),
      at: action.at,
    });
    return next;
  });
}

/** Outcomes: nothing, or AUTH_FORBIDDEN (403) for one without e-notary.acts.review. */
function requireReviewer(principal: Principal): void {
  if (!holdsPermission(principal, REVIEW_PERMISSION)) throw new DomainError('AUTH_FORBIDDEN', 403);
}

function reasonProblem(reason: string): void {
  if (reason.length > REASON_MAX_LENGTH)
    throw new DomainError('ENOTARY_REASON_TOO_LONG', 400, { max: REASON_MAX_LENGTH }, [
      { field: 'reason', code: 'ENOTARY_REASON_TOO_LONG', params: { max: REASON_MAX_LENGTH } },
    ]);
}

/**
 * A reviewer holding `e-notary.acts.review` (never the act's notary) releases a frozen act (back
 * to draft, its checks discarded: the notary runs them again) or cancels it, giving the reason,
 * which goes into the act's file. The decision is audited (`e-notary.act-review`) in the same
 * transaction, and the notary is told through messaging.
 *
 * Outcomes: the new state; AUTH_FORBIDDEN (403) without the permission; ENOTARY_ACT_NOT_FOUND
 * (404); ENOTARY_ACT_NOT_FROZEN (409) for an act not (or no longer) frozen, e.g. a decision sent
 * twice; ENOTARY_ACT_REVIEWER_IS_NOTARY (403); ENOTARY_ACT_REVIEW_REASON_REQUIRED or
 * ENOTARY_REASON_TOO_LONG (400). Nothing is written on a refusal.
 */
export async function reviewAct(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
  decision: { outcome: 'cleared' | 'cancelled'; reason: string },
): Promise<ActState> {
  requireReviewer(principal);
  const reason = decision.reason.trim();
  reasonProblem(reason);
  return transaction(deps, async (trx) => {
    const { act, state } = await actAndState(trx, actId);
    const caller = await callerOf(trx, principal);
    const action: ActAction = {
      type: decision.outcome === 'cleared' ? 'review-cleared' : 'review-cancelled',
      at: deps.platform.now(),
      reviewerIin: caller.iin,
      reason,
    };
    const next = applyActAction(state, action);
    await appendAction(trx, actId, action, caller.accountId);
    await publishStatus(trx, {
      subject: { kind: 'notarial-act', id: actId },
      recipient: { personId: act.notaryPersonId },
      status: next.status === 'cancelled' ? 'review-cancelled' : 'review-released',
      template: actReviewedTemplate.id,
      params: { cadastralNumber: act.cadastralNumber ?? '', reason },
      link: actPath(actId),
      at: action.at,
    });
    // Last, as the trust block advises: the audit chain's lock is held until the commit.
    await appendEntries(trx, [
      prepareEvent(
        {
          action: 'e-notary.act-review',
          outcome: 'success',
          actorAccountId: caller.accountId,
          subject: actId,
          details: { decision: decision.outcome, status: next.status },
        },
        action.at,
      ),
    ]);
    return next;
  });
}

/** A frozen act as its reviewer sees it: the act, its state and who reported it when. */
export interface FrozenAct {
  act: StoredAct;
  state: ActState;
}

/**
 * The acts frozen by an owner's "this is not me" and not yet reviewed, oldest report first, for a
 * reviewer holding `e-notary.acts.review`. Acts the reviewer notarised are left out (they may
 * not review them).
 *
 * Outcomes: the list; AUTH_FORBIDDEN (403) without the permission.
 */
export async function listFrozenActs(
  deps: ENotaryDeps,
  principal: Principal,
): Promise<FrozenAct[]> {
  requireReviewer(principal);
  const caller = await callerOf(deps.db, principal);
  const frozen: FrozenAct[] = [];
  for (const act of await findReportedUnsignedActs(deps.db)) {
    const state = actStateOf(act.actions);
    if (state.status === 'frozen' && act.notaryIin !== caller.iin) frozen.push({ act, state });
  }
  return frozen;
}

/**
 * A frozen act for its reviewer. Outcomes: the act and state; AUTH_FORBIDDEN (403) without the
 * permission; ENOTARY_ACT_NOT_FOUND (404) for an unknown act.
 */
export async function viewFrozenAct(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
): Promise<FrozenAct> {
  requireReviewer(principal);
  return actAndState(deps.db, actId, { lock: false });
}

/**
 * The act's notary cancels an act that is not signed (a draft, or a frozen one), with a reason
 * that goes into the act's file: e.g. the parties withdrew, or the draft was a mistake and a
 * corrected one is to be opened (an open act blocks opening the same deal again).
 *
 * Outcomes: the new state; ENOTARY_ACT_NOT_FOUND (404) for an unknown act or someone else's;
 * ENOTARY_ACT_ALREADY_SIGNED or ENOTARY_ACT_CLOSED (409); ENOTARY_ACT_CANCEL_REASON_REQUIRED or
 * ENOTARY_REASON_TOO_LONG (400).
 */
export async function cancelAct(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
  reason: string,
): Promise<ActState> {
  reasonProblem(reason.trim());
  return transaction(deps, async (trx) => {
    const { act, state } = await actAndState(trx, actId);
    const caller = await callerOf(trx, principal);
    if (caller.iin !== act.notaryIin) throw new DomainError('ENOTARY_ACT_NOT_FOUND', 404);
    const action: ActAction = {
      type: 'cancelled',
      at: deps.platform.now(),
      notaryIin: caller.iin,
      reason: reason.trim(),
    };
    const next = applyActAction(state, action);
    await appendAction(trx, actId, action, caller.accountId);
    return next;
  });
}

/**
 * An act for one who may see it: its notary, a party or representative, or an owner alerted to
 * it. Outcomes: the view; ENOTARY_ACT_NOT_FOUND (404) for anyone else (an act's existence is not
 * disclosed to strangers).
 */
export async function viewAct(
  deps: ENotaryDeps,
  principal: Principal,
  actId: string,
): Promise<ActView> {
  const act = await findAct(deps.db, actId);
  if (!act) throw new DomainError('ENOTARY_ACT_NOT_FOUND', 404);
  const caller = await callerOf(deps.db, principal);
  const state = actStateOf(act.actions);
  const viewerIs =
    caller.iin === act.notaryIin
      ? 'notary'
      : act.draft.parties.some(
            (party) =>
              (party.kind === 'person' && party.id === caller.iin) ||
              party.representative?.iin === caller.iin,
          )
        ? 'party'
        : state.alertedOwners.some((owner) => owner.kind === 'person' && owner.id === caller.iin)
          ? 'alerted-owner'
          : null;
  if (!viewerIs) throw new DomainError('ENOTARY_ACT_NOT_FOUND', 404);
  return { act, state, viewerIs };
}

/** The acts the signed-in person opened as notary, and those they are party to. */
export async function listMyActs(
  deps: ENotaryDeps,
  principal: Principal,
): Promise<{ asNotary: ActListItem[]; asParty: ActListItem[] }> {
  const caller = await callerOf(deps.db, principal);
  return {
    asNotary: await listActsOfNotary(deps.db, caller.personId),
    asParty: await listActsOfParty(deps.db, [caller.iin]),
  };
}
