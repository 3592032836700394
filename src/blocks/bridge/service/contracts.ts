import { sql } from 'kysely';
import { DomainError } from '../../../platform/errors.js';
import type { Database } from '../../../platform/db/database.js';
import {
  deriveContract,
  refusalOf,
  type ContractAction,
  type ContractStatus,
  type Grant,
} from '../domain/access-contract.js';
import { isEndpoint } from '../domain/endpoint-pattern.js';
import { formatSubsystemId } from '../domain/member-id.js';
import '../repo/tables.js';
import { announce, contractKey } from './caches.js';
import { audit, UUID, type Actor, type BridgeDeps } from './deps.js';
import { assertManager, findSubsystem, isManager } from './members.js';
import { endpointsOf, findPassport } from './passports.js';

export interface Contract {
  id: string;
  passportId: string;
  service: string;
  consumerSubsystemId: string;
  consumer: string;
  purpose: string;
  legalBasis: string;
  expectedVolume: string;
  requestedAt: Date;
  status: ContractStatus;
  history: (ContractAction & { at: Date })[];
}

const REFUSAL_STATUS: Record<string, number> = {
  BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER: 409,
  BRIDGE_CONTRACT_NOT_YOURS: 403,
  BRIDGE_CONTRACT_REASON_REQUIRED: 400,
  BRIDGE_CONTRACT_EMPTY_GRANT: 400,
};

/**
 * A consumer subsystem asks for access to a passport, for a purpose under a legal basis, with
 * its expected volume. Audited as `bridge.contract-request`. Only the consumer member's
 * managers ask.
 *
 * Outcomes: the contract, `requested`; BRIDGE_CONTRACT_INVALID (400); BRIDGE_PASSPORT_NOT_FOUND
 * or BRIDGE_SUBSYSTEM_NOT_FOUND (404); BRIDGE_NOT_MEMBER_MANAGER (403); BRIDGE_CONTRACT_EXISTS
 * (409) while another contract of the same pair is requested, approved or suspended.
 */
export async function requestContract(
  deps: BridgeDeps,
  actor: Actor,
  input: {
    passportId: string;
    consumerSubsystemId: string;
    purpose: string;
    legalBasis: string;
    expectedVolume: string;
  },
): Promise<Contract> {
  const passport = await findPassport(deps.db, input.passportId);
  if (!passport) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
  const consumer = await findSubsystem(deps.db, input.consumerSubsystemId);
  if (!consumer) throw new DomainError('BRIDGE_SUBSYSTEM_NOT_FOUND', 404);
  await assertManager(deps.db, actor, consumer.memberId);
  const problems = (['purpose', 'legalBasis', 'expectedVolume'] as const)
    .filter((field) => input[field].trim() === '' || input[field].length > 1000)
    .map((field) => ({ field, code: 'VALIDATION_INVALID_VALUE' }));
  if (problems.length > 0) throw new DomainError('BRIDGE_CONTRACT_INVALID', 400, {}, problems);
  const now = deps.now();
  const key = contractKey(passport.id, consumer.id);
  const id = await announce(deps.caches.contracts, key, deps.db, async (trx) => {
    // One request at a time per pair: the check below and the insert see the same contracts.
    await sql`select pg_advisory_xact_lock(hashtext(${`bridge.contract:${passport.id}:${consumer.id}`}))`.execute(
      trx,
    );
    const open = await currentContract(trx, passport.id, consumer.id);
    if (open && ['requested', 'approved', 'suspended'].includes(open.status.state))
      throw new DomainError('BRIDGE_CONTRACT_EXISTS', 409);
    const row = await trx
      .insertInto('bridge_contract')
      .values({
        passport_id: passport.id,
        consumer_subsystem_id: consumer.id,
        purpose: input.purpose.trim(),
        legal_basis: input.legalBasis.trim(),
        expected_volume: input.expectedVolume.trim(),
        requested_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertEvent(trx, row.id, 1, { action: 'request', by: 'consumer' }, now, actor);
    return row.id;
  });
  return (await findContract(deps.db, id))!;
}

export type ContractDecision =
  | { action: 'approve'; grant: Grant }
  | { action: 'refuse' | 'suspend'; reason: string }
  | { action: 'resume' }
  | { action: 'revoke'; reason: string };

/**
 * The passport's owner approves (with a grant), refuses, suspends, resumes or revokes a
 * contract; the consumer may revoke its own. The actor's side is the member it manages: the
 * owner's managers act as owner, the consumer's as consumer. Audited as `bridge.contract-<action>`.
 *
 * Outcomes: the contract after the action; BRIDGE_CONTRACT_NOT_FOUND (404);
 * BRIDGE_CONTRACT_NOT_YOURS (403) for anyone else, or a consumer doing an owner's action;
 * BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER (409); BRIDGE_CONTRACT_REASON_REQUIRED,
 * BRIDGE_CONTRACT_EMPTY_GRANT, BRIDGE_CONTRACT_GRANT_INVALID (400).
 */
export async function decideContract(
  deps: BridgeDeps,
  actor: Actor,
  contractId: string,
  decision: ContractDecision,
): Promise<Contract> {
  const contract = await findContract(deps.db, contractId);
  if (!contract) throw new DomainError('BRIDGE_CONTRACT_NOT_FOUND', 404);
  const passport = (await findPassport(deps.db, contract.passportId))!;
  const consumer = (await findSubsystem(deps.db, contract.consumerSubsystemId))!;
  const by = (await isManager(deps.db, actor.accountId, passport.ownerMemberId))
    ? 'owner'
    : (await isManager(deps.db, actor.accountId, consumer.memberId))
      ? 'consumer'
      : undefined;
  if (!by) throw new DomainError('BRIDGE_CONTRACT_NOT_YOURS', 403);
  if (decision.action === 'approve' && decision.grant.scope === 'endpoints') {
    const known = endpointsOf(passport.openapi);
    const unknown = decision.grant.endpoints.some(
      (e) => !isEndpoint(e) || !known.some((k) => k.method === e.method && k.path === e.path),
    );
    if (unknown) throw new DomainError('BRIDGE_CONTRACT_GRANT_INVALID', 400);
  }
  const action = { ...decision, by } as ContractAction;
  const now = deps.now();
  const key = contractKey(contract.passportId, contract.consumerSubsystemId);
  await announce(deps.caches.contracts, key, deps.db, async (trx) => {
    await sql`select 1 from bridge_contract where id = ${contractId} for update`.execute(trx);
    const history = await loadHistory(trx, contractId);
    const refusal = refusalOf(history, action);
    if (refusal) throw new DomainError(refusal, REFUSAL_STATUS[refusal] ?? 400);
    await insertEvent(trx, contractId, history.length + 1, action, now, actor);
  });
  return (await findContract(deps.db, contractId))!;
}

async function insertEvent(
  trx: Database,
  contractId: string,
  seq: number,
  action: ContractAction,
  now: Date,
  actor: Actor,
) {
  await trx
    .insertInto('bridge_contract_event')
    .values({
      contract_id: contractId,
      seq,
      action: action.action,
      actor: action.by,
      grant_scope: action.action === 'approve' ? JSON.stringify(action.grant) : null,
      reason: 'reason' in action ? action.reason.trim() : null,
      at: now,
      account_id: actor.accountId,
    })
    .execute();
  await audit(trx, now, {
    action: `bridge.contract-${action.action}`,
    outcome: 'success',
    actorAccountId: actor.accountId,
    subject: contractId,
    details: { by: action.by },
  });
}

async function loadHistory(db: Database, contractId: string) {
  const rows = await db
    .selectFrom('bridge_contract_event')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => {
    const base = { at: row.at };
    switch (row.action) {
      case 'approve':
        return { ...base, action: 'approve', by: 'owner', grant: row.grant_scope as Grant };
      case 'request':
        return { ...base, action: 'request', by: 'consumer' };
      case 'resume':
        return { ...base, action: 'resume', by: 'owner' };
      default:
        return { ...base, action: row.action, by: row.actor, reason: row.reason ?? '' };
    }
  }) as (ContractAction & { at: Date })[];
}

/** A contract with its history and derived status. Outcomes: it; undefined when unknown. */
export async function findContract(db: Database, id: string): Promise<Contract | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db
    .selectFrom('bridge_contract as c')
    .innerJoin('bridge_subsystem as s', 's.id', 'c.consumer_subsystem_id')
    .innerJoin('bridge_member as m', 'm.id', 's.member_id')
    .selectAll('c')
    .select(['s.code', 'm.instance', 'm.member_class', 'm.member_code'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const passport = (await findPassport(db, row.passport_id))!;
  const history = await loadHistory(db, id);
  return {
    id: row.id,
    passportId: row.passport_id,
    service: passport.service,
    consumerSubsystemId: row.consumer_subsystem_id,
    consumer: formatSubsystemId({
      instance: row.instance,
      memberClass: row.member_class,
      memberCode: row.member_code,
      subsystem: row.code,
    }),
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    expectedVolume: row.expected_volume,
    requestedAt: row.requested_at,
    status: deriveContract(history),
    history,
  };
}

export interface CurrentContract {
  id: string;
  purpose: string;
  legalBasis: string;
  status: ContractStatus;
}

/**
 * The latest contract between a passport and a consumer subsystem, with its derived status: the
 * one the gateway checks. Outcomes: it; undefined when they never had one.
 */
export async function currentContract(
  db: Database,
  passportId: string,
  consumerSubsystemId: string,
): Promise<CurrentContract | undefined> {
  const row = await db
    .selectFrom('bridge_contract')
    .select(['id', 'purpose', 'legal_basis'])
    .where('passport_id', '=', passportId)
    .where('consumer_subsystem_id', '=', consumerSubsystemId)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const history = await loadHistory(db, row.id);
  return {
    id: row.id,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    status: deriveContract(history),
  };
}

/** The contracts of a passport (its owner's view) or of a consumer subsystem, newest first. */
export async function listContracts(
  deps: BridgeDeps,
  actor: Actor,
  filter: { passportId: string } | { consumerSubsystemId: string },
): Promise<Contract[]> {
  let memberId: string | undefined;
  if ('passportId' in filter)
    memberId = (await findPassport(deps.db, filter.passportId))?.ownerMemberId;
  else memberId = (await findSubsystem(deps.db, filter.consumerSubsystemId))?.memberId;
  if (!memberId) return [];
  await assertManager(deps.db, actor, memberId);
  const rows = await deps.db
    .selectFrom('bridge_contract')
    .select('id')
    .where(
      'passportId' in filter ? 'passport_id' : 'consumer_subsystem_id',
      '=',
      'passportId' in filter ? filter.passportId : filter.consumerSubsystemId,
    )
    .orderBy('requested_at', 'desc')
    .execute();
  const contracts = await Promise.all(rows.map((row) => findContract(deps.db, row.id)));
  return contracts.filter((c): c is Contract => c !== undefined);
}

/**
 * A contract as one of its parties (or an administrator) sees it. Outcomes: the contract;
 * BRIDGE_CONTRACT_NOT_FOUND (404) when there is none or the actor is neither party.
 */
export async function getContractFor(
  deps: BridgeDeps,
  actor: Actor,
  contractId: string,
): Promise<Contract> {
  const contract = await findContract(deps.db, contractId);
  if (!contract) throw new DomainError('BRIDGE_CONTRACT_NOT_FOUND', 404);
  if (actor.admin) return contract;
  const passport = (await findPassport(deps.db, contract.passportId))!;
  const consumer = (await findSubsystem(deps.db, contract.consumerSubsystemId))!;
  if (
    (await isManager(deps.db, actor.accountId, passport.ownerMemberId)) ||
    (await isManager(deps.db, actor.accountId, consumer.memberId))
  )
    return contract;
  throw new DomainError('BRIDGE_CONTRACT_NOT_FOUND', 404);
}
