import type { Endpoint } from './endpoint-pattern.js';
import { matchesEndpoint } from './endpoint-pattern.js';

/*
 * An access contract: a consumer's subsystem may call a provider's service (a passport) for a
 * stated purpose and legal basis. The consumer requests it; the owner of the passport approves
 * or refuses with reasons; an approved contract can be suspended (and resumed) or revoked for
 * good. Like every legal record of the platform it is append-only: its state is derived from
 * the history of these actions, never overwritten.
 */

export type ContractState = 'requested' | 'approved' | 'refused' | 'suspended' | 'revoked';

export type ContractAction =
  | { action: 'request'; by: 'consumer' }
  | { action: 'approve'; by: 'owner'; grant: Grant }
  | { action: 'refuse'; by: 'owner'; reason: string }
  | { action: 'suspend'; by: 'owner'; reason: string }
  | { action: 'resume'; by: 'owner' }
  | { action: 'revoke'; by: 'owner' | 'consumer'; reason: string };

/** What an approval grants: the whole service, or some of its endpoints. */
export type Grant = { scope: 'service' } | { scope: 'endpoints'; endpoints: Endpoint[] };

export interface ContractStatus {
  state: ContractState;
  /** The grant of the approval in force (kept through a suspension). */
  grant?: Grant;
}

/** Why an action does not apply, as a stable code the HTTP layer translates. */
export type ContractRefusal =
  | 'BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER'
  | 'BRIDGE_CONTRACT_NOT_YOURS'
  | 'BRIDGE_CONTRACT_REASON_REQUIRED'
  | 'BRIDGE_CONTRACT_EMPTY_GRANT';

/** From which states each action may be taken. */
const ALLOWED_FROM: Record<ContractAction['action'], readonly (ContractState | 'none')[]> = {
  request: ['none'],
  approve: ['requested'],
  refuse: ['requested'],
  suspend: ['approved'],
  resume: ['suspended'],
  revoke: ['approved', 'suspended', 'requested'],
};

const ACTORS: Record<ContractAction['action'], readonly ContractAction['by'][]> = {
  request: ['consumer'],
  approve: ['owner'],
  refuse: ['owner'],
  suspend: ['owner'],
  resume: ['owner'],
  revoke: ['owner', 'consumer'],
};

/**
 * May `next` follow the history so far? Outcomes: undefined when it may, else the refusal. A
 * consumer may withdraw its own request or give up an approved contract (revoke), never approve.
 */
export function refusalOf(
  history: readonly ContractAction[],
  next: ContractAction,
): ContractRefusal | undefined {
  const current = history.length === 0 ? 'none' : deriveContract(history).state;
  if (!ACTORS[next.action].includes(next.by)) return 'BRIDGE_CONTRACT_NOT_YOURS';
  if (!ALLOWED_FROM[next.action].includes(current)) return 'BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER';
  if ('reason' in next && next.reason.trim() === '') return 'BRIDGE_CONTRACT_REASON_REQUIRED';
  if (next.action === 'approve' && next.grant.scope === 'endpoints') {
    if (next.grant.endpoints.length === 0) return 'BRIDGE_CONTRACT_EMPTY_GRANT';
  }
  return undefined;
}

/** The contract's state after its history (which refusalOf has let through, action by action). */
export function deriveContract(history: readonly ContractAction[]): ContractStatus {
  let status: ContractStatus = { state: 'requested' };
  for (const entry of history) {
    switch (entry.action) {
      case 'request':
        status = { state: 'requested' };
        break;
      case 'approve':
        status = { state: 'approved', grant: entry.grant };
        break;
      case 'refuse':
        status = { state: 'refused' };
        break;
      case 'suspend':
        status = { ...status, state: 'suspended' };
        break;
      case 'resume':
        status = { ...status, state: 'approved' };
        break;
      case 'revoke':
        status = { state: 'revoked' };
        break;
    }
  }
  return status;
}

/** Does the contract let its consumer make this call now? Only an approved one, within its grant. */
export function contractAllows(status: ContractStatus, method: string, path: string): boolean {
  if (status.state !== 'approved' || !status.grant) return false;
  if (status.grant.scope === 'service') return true;
  return status.grant.endpoints.some((endpoint) => matchesEndpoint(endpoint, method, path));
}
