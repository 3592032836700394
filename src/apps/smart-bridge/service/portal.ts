import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import {
  bridgeDeps,
  findMember,
  findPassport,
  getContractFor,
  isManager,
  listContracts,
  listMemberCertificates,
  listPassports,
  type BridgeActor,
  type BridgeDeps,
  type Contract,
  type Member,
  type Passport,
} from '../../../blocks/bridge/index.js';
import '../../../blocks/bridge/repo/tables.js';
import '../../../blocks/identity/repo/tables.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';

/** The bridge's services as the portal calls them, with this deployment's instance code. */
export function portalDeps(app: FastifyInstance): BridgeDeps {
  return bridgeDeps(app.platform, app.trust);
}

/** What one contract has done so far, from the gateway's message log. */
export interface Usage {
  requests: number;
  errors: number;
  lastAt: Date | null;
  /** Median and 95th percentile of the gateway's time per exchange, provider included (ms). */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

/**
 * Usage of a contract: the message log's exchanges between its consumer and its service since it
 * was requested (the log names client and service, not the contract: a pair has one open
 * contract at a time, so this is the contract's traffic, refusals included). Errors are answers
 * of status 400 or more, the gateway's refusals and the provider's own. Latency is the gateway's
 * time from the call to its answer (exchanges logged before it was recorded have none).
 */
export async function contractUsage(db: Database, contract: Contract): Promise<Usage> {
  const row = await db
    .selectFrom('bridge_exchange')
    .select([
      sql<string>`count(*)`.as('requests'),
      sql<string>`count(*) filter (where status >= 400)`.as('errors'),
      sql<Date | null>`max(received_at)`.as('last_at'),
      sql<number | null>`percentile_disc(0.5) within group (order by duration_ms)`.as('p50'),
      sql<number | null>`percentile_disc(0.95) within group (order by duration_ms)`.as('p95'),
    ])
    .where('client', '=', contract.consumer)
    .where('service', '=', contract.service)
    .where('received_at', '>=', contract.requestedAt)
    .executeTakeFirstOrThrow();
  return {
    requests: Number(row.requests),
    errors: Number(row.errors),
    lastAt: row.last_at,
    latencyP50Ms: row.p50,
    latencyP95Ms: row.p95,
  };
}

/** The members whose manager the account is, by name. */
export async function membersManagedBy(db: Database, accountId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('bridge_member_manager as mm')
    .innerJoin('bridge_member as m', 'm.id', 'mm.member_id')
    .select('m.id')
    .where('mm.account_id', '=', accountId)
    .orderBy('m.name')
    .execute();
  const members = await Promise.all(rows.map((row) => findMember(db, row.id)));
  return members.filter((m): m is Member => m !== undefined);
}

/** An organisation the signed-in person directs (identity block), and whether it is a member. */
export interface DirectedOrganisation {
  bin: string;
  name: string;
  memberId: string | null;
}

/**
 * The organisations the person is recorded as director of. The portal registers only these as
 * members: the bridge itself does not check that a registrant represents the BIN.
 */
export async function organisationsDirectedBy(
  db: Database,
  instance: string,
  personId: string,
): Promise<DirectedOrganisation[]> {
  const rows = await db
    .selectFrom('identity_organisation as o')
    .leftJoin('bridge_member as m', (join) =>
      join
        .onRef('m.member_code', '=', 'o.national_id')
        .on('m.member_class', '=', 'COM')
        .on('m.instance', '=', instance),
    )
    .select(['o.national_id', 'o.name', 'm.id as member_id'])
    .where('o.director_person_id', '=', personId)
    .orderBy('o.name')
    .execute();
  return rows.map((row) => ({ bin: row.national_id, name: row.name, memberId: row.member_id }));
}

export interface ContractLine {
  contract: Contract;
  passport: Passport;
  usage: Usage;
}

const lineOf = async (deps: BridgeDeps, contract: Contract): Promise<ContractLine> => ({
  contract,
  passport: (await findPassport(deps.db, contract.passportId))!,
  usage: await contractUsage(deps.db, contract),
});

/** A member as its manager sees it: subsystems, certificates, and its contracts as consumer. */
export async function memberOverview(deps: BridgeDeps, actor: BridgeActor, memberId: string) {
  // listMemberCertificates checks that the actor manages the member (404 / 403 otherwise).
  const certificates = await listMemberCertificates(deps, actor, memberId);
  const member = (await findMember(deps.db, memberId))!;
  const contracts: ContractLine[] = [];
  for (const subsystem of member.subsystems) {
    for (const contract of await listContracts(deps, actor, { consumerSubsystemId: subsystem.id }))
      contracts.push(await lineOf(deps, contract));
  }
  return { member, certificates, contracts };
}

/**
 * Access requests to the passports of the members the actor manages (the owner agency's
 * queue): open ones first (requested, then suspended and approved), then the closed.
 */
export async function incomingRequests(
  deps: BridgeDeps,
  actor: BridgeActor,
): Promise<ContractLine[]> {
  const members = new Set((await membersManagedBy(deps.db, actor.accountId)).map((m) => m.id));
  const lines: ContractLine[] = [];
  for (const passport of await listPassports(deps.db)) {
    if (!members.has(passport.ownerMemberId)) continue;
    for (const contract of await listContracts(deps, actor, { passportId: passport.id }))
      lines.push({ contract, passport, usage: await contractUsage(deps.db, contract) });
  }
  const order = ['requested', 'suspended', 'approved', 'refused', 'revoked'];
  return lines.sort(
    (a, b) =>
      order.indexOf(a.contract.status.state) - order.indexOf(b.contract.status.state) ||
      b.contract.requestedAt.getTime() - a.contract.requestedAt.getTime(),
  );
}

/** The subsystems the actor may request access for: those of the members it manages. */
export async function consumerSubsystems(db: Database, accountId: string) {
  return (await membersManagedBy(db, accountId)).flatMap((member) =>
    member.subsystems.map((subsystem) => ({
      id: subsystem.id,
      label: `${member.instance}/${member.memberClass}/${member.memberCode}/${subsystem.code} — ${member.name}`,
    })),
  );
}

/**
 * A contract as one of its parties sees it, with which side the actor is on. Outcomes: the
 * view; BRIDGE_CONTRACT_NOT_FOUND (404) for anyone else.
 */
export async function contractView(deps: BridgeDeps, actor: BridgeActor, contractId: string) {
  const contract = await getContractFor(deps, actor, contractId);
  const passport = await findPassport(deps.db, contract.passportId);
  if (!passport) throw new DomainError('BRIDGE_CONTRACT_NOT_FOUND', 404);
  const owner = await isManager(deps.db, actor.accountId, passport.ownerMemberId);
  return {
    contract,
    passport,
    side: owner ? ('owner' as const) : ('consumer' as const),
    usage: await contractUsage(deps.db, contract),
  };
}
