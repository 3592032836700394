import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractAllows,
  deriveContract,
  refusalOf,
  type ContractAction,
} from './access-contract.js';

const request: ContractAction = { action: 'request', by: 'consumer' };
const approveAll: ContractAction = { action: 'approve', by: 'owner', grant: { scope: 'service' } };
const approveOne: ContractAction = {
  action: 'approve',
  by: 'owner',
  grant: { scope: 'endpoints', endpoints: [{ method: 'GET', path: '/people/{iin}' }] },
};

/** Applies actions the way the service does: each only if refusalOf lets it through. */
function run(actions: ContractAction[]) {
  const history: ContractAction[] = [];
  const refusals = [];
  for (const action of actions) {
    const refusal = refusalOf(history, action);
    if (refusal) refusals.push(refusal);
    else history.push(action);
  }
  return { status: deriveContract(history), refusals };
}

describe('access contracts', () => {
  it('grant nothing until the owner approves, then what the approval names', () => {
    expect(contractAllows(run([request]).status, 'GET', '/people/1')).toBe(false);
    const one = run([request, approveOne]).status;
    expect(contractAllows(one, 'GET', '/people/1')).toBe(true);
    expect(contractAllows(one, 'DELETE', '/people/1')).toBe(false);
    expect(contractAllows(run([request, approveAll]).status, 'DELETE', '/x')).toBe(true);
  });

  it('stop granting while suspended, again after a resume, and never after a revocation', () => {
    const suspend: ContractAction = { action: 'suspend', by: 'owner', reason: 'quota abuse' };
    const suspended = run([request, approveOne, suspend]).status;
    expect(suspended.state).toBe('suspended');
    expect(contractAllows(suspended, 'GET', '/people/1')).toBe(false);
    const resumed = run([request, approveOne, suspend, { action: 'resume', by: 'owner' }]).status;
    expect(contractAllows(resumed, 'GET', '/people/1')).toBe(true);
    const revoked = run([
      request,
      approveOne,
      { action: 'revoke', by: 'owner', reason: 'contract ended' },
      { action: 'resume', by: 'owner' },
    ]);
    expect(revoked.status.state).toBe('revoked');
    expect(revoked.refusals).toEqual(['BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER']);
  });

  it('refuse an action out of order, by the wrong party, or without its reason', () => {
    expect(refusalOf([], approveAll)).toBe('BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER');
    expect(refusalOf([request], { ...approveAll, by: 'consumer' } as never)).toBe(
      'BRIDGE_CONTRACT_NOT_YOURS',
    );
    expect(refusalOf([request], { action: 'refuse', by: 'owner', reason: '  ' })).toBe(
      'BRIDGE_CONTRACT_REASON_REQUIRED',
    );
    expect(
      refusalOf([request], {
        action: 'approve',
        by: 'owner',
        grant: { scope: 'endpoints', endpoints: [] },
      }),
    ).toBe('BRIDGE_CONTRACT_EMPTY_GRANT');
    expect(refusalOf([request, approveAll], request)).toBe('BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER');
  });

  it('property: whatever is attempted, a contract grants calls only in the approved state', () => {
    const anyAction = fc.constantFrom<ContractAction>(
      request,
      approveAll,
      approveOne,
      { action: 'refuse', by: 'owner', reason: 'no legal basis' },
      { action: 'suspend', by: 'owner', reason: 'incident' },
      { action: 'resume', by: 'owner' },
      { action: 'revoke', by: 'consumer', reason: 'no longer needed' },
      { action: 'revoke', by: 'owner', reason: 'breach' },
    );
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 12 }), (actions) => {
        const { status } = run(actions);
        if (status.state !== 'approved') {
          expect(contractAllows(status, 'GET', '/people/1')).toBe(false);
        }
        // Refused and revoked are final: nothing after them changes the state.
        const history: ContractAction[] = [];
        for (const action of actions) if (!refusalOf(history, action)) history.push(action);
        const finalAt = history.findIndex((a) => a.action === 'refuse' || a.action === 'revoke');
        if (finalAt >= 0) expect(history.length).toBe(finalAt + 1);
      }),
    );
  });
});
