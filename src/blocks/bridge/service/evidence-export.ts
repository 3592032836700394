import type { EvidenceFile } from '../domain/evidence.js';
import { isIdentifierProblem, parseSubsystemId } from '../domain/member-id.js';
import { DomainError } from '../../../platform/errors.js';
import type { Actor, BridgeDeps } from './deps.js';
import { isManager } from './members.js';
import { exportEvidence } from './message-log.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The evidence file of one exchange, for a party to it: a manager of the calling member or of
 * the provider's member, or an administrator. Anyone else is told the exchange does not exist.
 *
 * Outcomes: the file (verifiable offline with `ortaq bridge evidence-verify`);
 * BRIDGE_EXCHANGE_NOT_FOUND (404); BRIDGE_EXCHANGE_NOT_SEALED (409): its batch is not sealed yet
 * (the log is sealed every minute).
 */
export async function evidenceFor(
  deps: BridgeDeps,
  actor: Actor,
  exchangeId: string,
): Promise<EvidenceFile> {
  if (!UUID.test(exchangeId)) throw new DomainError('BRIDGE_EXCHANGE_NOT_FOUND', 404);
  const exchange = await deps.db
    .selectFrom('bridge_exchange')
    .select(['client', 'service'])
    .where('id', '=', exchangeId)
    .executeTakeFirst();
  if (!exchange || !(actor.admin || (await isParty(deps, actor, exchange))))
    throw new DomainError('BRIDGE_EXCHANGE_NOT_FOUND', 404);
  const evidence = await exportEvidence(deps.db, exchangeId);
  if (!evidence) throw new DomainError('BRIDGE_EXCHANGE_NOT_SEALED', 409);
  return evidence;
}

/** Does the actor manage the calling member or the provider's member? */
async function isParty(
  deps: BridgeDeps,
  actor: Actor,
  exchange: { client: string; service: string },
): Promise<boolean> {
  // The service id starts with its provider's subsystem id: instance/class/code/subsystem.
  const provider = exchange.service.split('/').slice(0, 4).join('/');
  for (const text of [exchange.client, provider]) {
    const id = parseSubsystemId(text);
    if (isIdentifierProblem(id)) continue;
    const member = await deps.db
      .selectFrom('bridge_member')
      .select('id')
      .where('instance', '=', id.instance)
      .where('member_class', '=', id.memberClass)
      .where('member_code', '=', id.memberCode)
      .executeTakeFirst();
    if (member && (await isManager(deps.db, actor.accountId, member.id))) return true;
  }
  return false;
}
