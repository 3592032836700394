import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { ASSIGN } from '../domain/application-status.js';
import type { Transition } from '../domain/definition.js';
import {
  agencyCodeOf,
  agencyExists,
  isOfficerOf,
  lockApplication,
} from '../repo/applications-repo.js';
import { syncDeadlines } from './clocks.js';
import type { Actor, RequestFacts } from './deps.js';
import type { ServicesEngine } from './engine.js';
import { factsOf, loadHistory, record, type LoadedApplication } from './history.js';
import { runOutputs } from './outputs.js';

export interface TransitionInput {
  applicationId: string;
  transitionId: string;
  actor: Actor;
  reason?: string;
  /** For a forwarding transition: the agency that takes the application over. */
  agencyCode?: string;
  /**
   * Performed by the system on an app's rule (e.g. the last consent came in): allowed only for a
   * transition whose roles include `system`, recorded with the role `system` and the account of
   * the actor whose step caused it. Never taken from a request: the HTTP routes do not set it.
   */
  asSystem?: boolean;
}

const MAX_REASON = 4000;

/**
 * Performs a transition of the service's workflow on an application, as the actor.
 *
 * Outcomes:
 * - the new state;
 * - SERVICES_APPLICATION_NOT_FOUND (404): no such application, or the actor may not see it;
 * - SERVICES_TRANSITION_UNKNOWN (404): the service has no such transition;
 * - SERVICES_TRANSITION_NOT_AVAILABLE (409): not possible from the application's current state;
 * - SERVICES_ROLE_NOT_ALLOWED (403): the actor holds none of the roles the step allows (for
 *   officers: in the agency that holds the application); the refusal is written to the audit log;
 * - SERVICES_REASON_REQUIRED (400) / SERVICES_REASON_TOO_LONG (400);
 * - SERVICES_AGENCY_UNKNOWN (400): a forward names no agency, or the one already holding it.
 * The action, its outputs (documents, registry writes, notices) and the clock changes commit
 * together or not at all.
 */
export async function performTransition(
  engine: ServicesEngine,
  input: TransitionInput,
  facts: RequestFacts = {},
): Promise<{ state: string }> {
  const { deps } = engine;
  const now = deps.now();
  const reason = input.reason?.trim() || null;
  let refusal: { code: string; state: string } | undefined;
  try {
    const { state, document } = await deps.db.transaction().execute(async (trx) => {
      const row = await lockApplication(trx, input.applicationId);
      if (!row) throw new DomainError('SERVICES_APPLICATION_NOT_FOUND', 404);
      let loaded = await loadHistory(trx, engine, row);
      const transition = loaded.definition.transitions.find((t) => t.id === input.transitionId);
      if (!transition) throw new DomainError('SERVICES_TRANSITION_UNKNOWN', 404);
      const role =
        input.asSystem === true
          ? transition.roles.includes('system')
            ? 'system'
            : undefined
          : await roleFor(trx, input.actor, loaded, transition);
      if (!role) {
        refusal = { code: 'SERVICES_ROLE_NOT_ALLOWED', state: loaded.status.state };
        throw new DomainError('SERVICES_ROLE_NOT_ALLOWED', 403);
      }
      if (!transition.from.includes(loaded.status.state)) {
        throw new DomainError('SERVICES_TRANSITION_NOT_AVAILABLE', 409);
      }
      if (transition.requiresReason && !reason) {
        throw new DomainError('SERVICES_REASON_REQUIRED', 400, {}, [
          { field: 'reason', code: 'SERVICES_REASON_REQUIRED' },
        ]);
      }
      if (reason && reason.length > MAX_REASON) {
        throw new DomainError('SERVICES_REASON_TOO_LONG', 400, { max: MAX_REASON }, [
          { field: 'reason', code: 'SERVICES_REASON_TOO_LONG', params: { max: MAX_REASON } },
        ]);
      }
      const payload: Record<string, unknown> = {};
      if (transition.forwards) {
        const target = input.agencyCode ?? '';
        if (target === loaded.status.agencyCode || !(await agencyExists(trx, target))) {
          throw new DomainError('SERVICES_AGENCY_UNKNOWN', 400, {}, [
            { field: 'agencyCode', code: 'SERVICES_AGENCY_UNKNOWN' },
          ]);
        }
        payload.agencyCode = target;
        payload.fromAgencyCode = loaded.status.agencyCode;
      }
      if (isOfficerRole(role)) {
        payload.decisionDocument = await signDecision(trx, engine, loaded, transition, {
          actor: input.actor,
          role,
          reason,
          at: now,
        });
      }
      Object.assign(
        payload,
        await runOutputs(trx, engine, loaded, transition, {
          actorAccountId: input.actor.accountId,
          reason,
          nextState: transition.to,
        }),
      );
      loaded = await record(trx, engine, loaded, {
        action: transition.id,
        toState: transition.to,
        actorAccountId: input.actor.accountId,
        actorRole: role,
        at: now,
        payload,
        reason,
      });
      await syncDeadlines(trx, engine, loaded);
      return {
        state: loaded.status.state,
        document: (payload.decisionDocument as { documentId: string } | undefined)?.documentId,
      };
    });
    await deps.audit.append({
      action: 'services.transition',
      outcome: 'success',
      actorAccountId: input.actor.accountId,
      subject: input.applicationId,
      details: {
        transition: input.transitionId,
        state,
        ...(document ? { document } : {}),
        ...facts,
      },
    });
    return { state };
  } catch (error) {
    if (refusal) {
      // A decision by a role the step does not allow is refused and kept in the audit log.
      await deps.audit.append({
        action: 'services.transition',
        outcome: 'failure',
        actorAccountId: input.actor.accountId,
        subject: input.applicationId,
        details: {
          transition: input.transitionId,
          state: refusal.state,
          code: refusal.code,
          roles: [...input.actor.roles],
          ...facts,
        },
      });
    }
    throw error;
  }
}

const isOfficerRole = (role: string) => role !== 'applicant' && role !== 'system';

/**
 * Every officer's decision is signed by the officer's own certificate before it is recorded: the
 * signed decision is a document the applicant can verify publicly. Without a signer wired the
 * decision is not taken at all, rather than taken unsigned.
 */
async function signDecision(
  trx: Database,
  engine: ServicesEngine,
  loaded: LoadedApplication,
  transition: Transition,
  context: { actor: Actor; role: string; reason: string | null; at: Date },
): Promise<{ documentId: string; verificationCode: string }> {
  const signer = engine.ports.decisions;
  if (!signer) throw new Error('services: no decision signer is connected (ports.decisions)');
  return signer.sign(trx, {
    ...factsOf(loaded.row),
    decision: transition.id,
    decisionNames: transition.names,
    seq: loaded.row.last_seq + 1,
    toState: transition.to,
    agencyCode: loaded.status.agencyCode,
    officer: {
      accountId: context.actor.accountId,
      personId: context.actor.personId,
      role: context.role,
    },
    reason: context.reason,
    at: context.at,
  });
}

/** The role in which the actor may perform the transition on this application, if any. */
export async function roleFor(
  db: Database,
  actor: Actor,
  loaded: LoadedApplication,
  transition: Transition,
): Promise<string | undefined> {
  if (transition.roles.includes('applicant') && actor.personId === loaded.row.applicant_person_id) {
    return 'applicant';
  }
  const officerRoles = transition.roles.filter((r) => r !== 'applicant' && r !== 'system');
  const held = officerRoles.find((r) => actor.roles.includes(r));
  if (!held || !actor.agencyId) return undefined;
  return (await agencyCodeOf(db, actor.agencyId)) === loaded.status.agencyCode ? held : undefined;
}

/**
 * Assigns an application to an officer of the agency that holds it, or takes it. Any officer of
 * that agency may take an application; assigning it to someone else, or taking it from
 * a colleague, is for the agency's head or deputy.
 *
 * Outcomes: done; SERVICES_APPLICATION_NOT_FOUND (404); SERVICES_ROLE_NOT_ALLOWED (403, audited);
 * SERVICES_ASSIGNEE_NOT_OFFICER (400): the assignee is no officer of that agency;
 * SERVICES_APPLICATION_CLOSED (409): the application is in a final state.
 */
export async function assignApplication(
  engine: ServicesEngine,
  input: { applicationId: string; assigneeAccountId: string; actor: Actor },
  facts: RequestFacts = {},
): Promise<void> {
  const { deps } = engine;
  let refused = false;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockApplication(trx, input.applicationId);
      if (!row) throw new DomainError('SERVICES_APPLICATION_NOT_FOUND', 404);
      const loaded = await loadHistory(trx, engine, row);
      const agencyCode = loaded.status.agencyCode;
      const actorAgency = input.actor.agencyId
        ? await agencyCodeOf(trx, input.actor.agencyId)
        : undefined;
      const manages =
        input.actor.roles.includes('agency-head') || input.actor.roles.includes('agency-deputy');
      const self = input.assigneeAccountId === input.actor.accountId;
      const takesFromColleague =
        loaded.status.assigneeAccountId !== null &&
        loaded.status.assigneeAccountId !== input.actor.accountId;
      if (
        actorAgency !== agencyCode ||
        !input.actor.roles.includes('officer') ||
        ((!self || takesFromColleague) && !manages)
      ) {
        refused = true;
        throw new DomainError('SERVICES_ROLE_NOT_ALLOWED', 403);
      }
      if (loaded.status.final) throw new DomainError('SERVICES_APPLICATION_CLOSED', 409);
      if (!(await isOfficerOf(trx, input.assigneeAccountId, agencyCode))) {
        throw new DomainError('SERVICES_ASSIGNEE_NOT_OFFICER', 400, {}, [
          { field: 'assignee', code: 'SERVICES_ASSIGNEE_NOT_OFFICER' },
        ]);
      }
      await record(trx, engine, loaded, {
        action: ASSIGN,
        toState: null,
        actorAccountId: input.actor.accountId,
        actorRole: manages
          ? input.actor.roles.includes('agency-head')
            ? 'agency-head'
            : 'agency-deputy'
          : 'officer',
        at: deps.now(),
        payload: {
          assigneeAccountId: input.assigneeAccountId,
          previousAssigneeAccountId: loaded.status.assigneeAccountId,
        },
        reason: null,
      });
    });
  } catch (error) {
    if (refused) {
      await deps.audit.append({
        action: 'services.assign',
        outcome: 'failure',
        actorAccountId: input.actor.accountId,
        subject: input.applicationId,
        details: { code: 'SERVICES_ROLE_NOT_ALLOWED', ...facts },
      });
    }
    throw error;
  }
  await deps.audit.append({
    action: 'services.assign',
    outcome: 'success',
    actorAccountId: input.actor.accountId,
    subject: input.applicationId,
    details: { assignee: input.assigneeAccountId, ...facts },
  });
}
