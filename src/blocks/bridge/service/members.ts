import { DomainError } from '../../../platform/errors.js';
import type { Database } from '../../../platform/db/database.js';
import {
  issueCertificate,
  listHolderCertificates,
  type CertificateView,
} from '../../trust/index.js';
import { holderKeyLabel } from '../../trust/service/certificates.js';
import '../../trust/repo/tables.js';
import { IDENTIFIER_PART, type SubsystemId } from '../domain/member-id.js';
import '../repo/tables.js';
import {
  audit,
  inTransaction,
  isUniqueViolation,
  UUID,
  type Actor,
  type BridgeDeps,
} from './deps.js';
import { federationInForce } from './federation.js';

export interface Member {
  id: string;
  instance: string;
  memberClass: string;
  memberCode: string;
  name: string;
  registeredAt: Date;
  subsystems: { id: string; code: string }[];
}

/** Member classes only an administrator registers: the state's own organisations. */
const STATE_CLASSES = new Set(['GOV']);

/**
 * Registers an organisation as a member of this deployment's instance; the registering account
 * becomes its first manager. Audited as `bridge.member-register`. With `instance` naming a
 * federated deployment, an administrator registers a member of that deployment (a foreign
 * member): it gets no certificate here (its own CA vouches for it) and publishes nothing here,
 * but it may be the consumer of a contract, which its calls through its own gateway then use.
 *
 * Outcomes: the member; BRIDGE_MEMBER_INVALID (400) naming each bad field;
 * BRIDGE_MEMBER_CLASS_FORBIDDEN (403) for a state class, or a foreign member, without the
 * administrator role; BRIDGE_FEDERATION_NOT_FOUND (409) for an instance not federated now;
 * BRIDGE_MEMBER_EXISTS (409) when the identifier is taken.
 */
export async function registerMember(
  deps: BridgeDeps,
  actor: Actor,
  input: { memberClass: string; memberCode: string; name: string; instance?: string },
): Promise<Member> {
  const instance = input.instance ?? deps.instance;
  const problems = [];
  if (!IDENTIFIER_PART.test(input.memberClass))
    problems.push({ field: 'memberClass', code: 'BRIDGE_ID_PART_INVALID' });
  if (!IDENTIFIER_PART.test(input.memberCode))
    problems.push({ field: 'memberCode', code: 'BRIDGE_ID_PART_INVALID' });
  if (input.name.trim() === '' || input.name.length > 300)
    problems.push({ field: 'name', code: 'VALIDATION_INVALID_VALUE' });
  if (problems.length > 0) throw new DomainError('BRIDGE_MEMBER_INVALID', 400, {}, problems);
  if ((STATE_CLASSES.has(input.memberClass) || instance !== deps.instance) && !actor.admin)
    throw new DomainError('BRIDGE_MEMBER_CLASS_FORBIDDEN', 403);
  const now = deps.now();
  if (instance !== deps.instance && !(await federationInForce(deps.db, instance, now)).ok)
    throw new DomainError('BRIDGE_FEDERATION_NOT_FOUND', 409);
  try {
    const id = await inTransaction(deps.db, async (trx) => {
      const row = await trx
        .insertInto('bridge_member')
        .values({
          instance,
          member_class: input.memberClass,
          member_code: input.memberCode,
          name: input.name.trim(),
          registered_at: now,
          registered_by_account_id: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('bridge_member_manager')
        .values({ member_id: row.id, account_id: actor.accountId, added_at: now })
        .execute();
      await audit(trx, now, {
        action: 'bridge.member-register',
        outcome: 'success',
        actorAccountId: actor.accountId,
        subject: row.id,
        details: { memberClass: input.memberClass, instance },
      });
      return row.id;
    });
    return (await findMember(deps.db, id))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('BRIDGE_MEMBER_EXISTS', 409);
    throw error;
  }
}

/** A member with its subsystems. Outcomes: the member; undefined when there is none. */
export async function findMember(db: Database, id: string): Promise<Member | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db
    .selectFrom('bridge_member')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const subsystems = await db
    .selectFrom('bridge_subsystem')
    .select(['id', 'code'])
    .where('member_id', '=', id)
    .orderBy('code')
    .execute();
  return {
    id: row.id,
    instance: row.instance,
    memberClass: row.member_class,
    memberCode: row.member_code,
    name: row.name,
    registeredAt: row.registered_at,
    subsystems,
  };
}

/** Every member of this instance with its subsystems, by class and code (the directory). */
export async function listMembers(db: Database, instance: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('bridge_member as m')
    .leftJoin('bridge_subsystem as s', 's.member_id', 'm.id')
    .select([
      'm.id',
      'm.instance',
      'm.member_class',
      'm.member_code',
      'm.name',
      'm.registered_at',
      's.id as subsystem_id',
      's.code as subsystem_code',
    ])
    .where('m.instance', '=', instance)
    .orderBy('m.member_class')
    .orderBy('m.member_code')
    .orderBy('s.code')
    .execute();
  const members = new Map<string, Member>();
  for (const row of rows) {
    let member = members.get(row.id);
    if (!member) {
      member = {
        id: row.id,
        instance: row.instance,
        memberClass: row.member_class,
        memberCode: row.member_code,
        name: row.name,
        registeredAt: row.registered_at,
        subsystems: [],
      };
      members.set(row.id, member);
    }
    if (row.subsystem_id && row.subsystem_code)
      member.subsystems.push({ id: row.subsystem_id, code: row.subsystem_code });
  }
  return [...members.values()];
}

/**
 * May the actor act for the member? Its managers may, and administrators.
 * Outcomes: returns; BRIDGE_MEMBER_NOT_FOUND (404); BRIDGE_NOT_MEMBER_MANAGER (403).
 */
export async function assertManager(db: Database, actor: Actor, memberId: string): Promise<void> {
  if (!UUID.test(memberId)) throw new DomainError('BRIDGE_MEMBER_NOT_FOUND', 404);
  const member = await db
    .selectFrom('bridge_member')
    .select('id')
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) throw new DomainError('BRIDGE_MEMBER_NOT_FOUND', 404);
  if (actor.admin) return;
  if (!(await isManager(db, actor.accountId, memberId)))
    throw new DomainError('BRIDGE_NOT_MEMBER_MANAGER', 403);
}

export async function isManager(db: Database, accountId: string, memberId: string) {
  const row = await db
    .selectFrom('bridge_member_manager')
    .select('member_id')
    .where('member_id', '=', memberId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Adds a subsystem (one information system) to a member. Audited as `bridge.subsystem-add`.
 *
 * Outcomes: the member with its subsystems; BRIDGE_SUBSYSTEM_INVALID (400);
 * BRIDGE_MEMBER_NOT_FOUND (404); BRIDGE_NOT_MEMBER_MANAGER (403); BRIDGE_SUBSYSTEM_EXISTS (409).
 */
export async function addSubsystem(
  deps: BridgeDeps,
  actor: Actor,
  memberId: string,
  code: string,
): Promise<Member> {
  await assertManager(deps.db, actor, memberId);
  if (!IDENTIFIER_PART.test(code)) throw new DomainError('BRIDGE_SUBSYSTEM_INVALID', 400);
  const now = deps.now();
  try {
    await inTransaction(deps.db, async (trx) => {
      const row = await trx
        .insertInto('bridge_subsystem')
        .values({ member_id: memberId, code, added_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, now, {
        action: 'bridge.subsystem-add',
        outcome: 'success',
        actorAccountId: actor.accountId,
        subject: row.id,
        details: { memberId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('BRIDGE_SUBSYSTEM_EXISTS', 409);
    throw error;
  }
  return (await findMember(deps.db, memberId))!;
}

/** A subsystem by id, with its member's identifier. Outcomes: it; undefined when unknown. */
export async function findSubsystem(
  db: Database,
  id: string,
): Promise<(SubsystemId & { id: string; memberId: string; memberName: string }) | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db
    .selectFrom('bridge_subsystem as s')
    .innerJoin('bridge_member as m', 'm.id', 's.member_id')
    .select([
      's.id',
      's.code',
      'm.id as member_id',
      'm.name',
      'm.instance',
      'm.member_class',
      'm.member_code',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row && subsystemOf(row);
}

/** A subsystem by its identifier `KZ/COM/…/crm`. Outcomes: it; undefined when unknown. */
export async function findSubsystemById(db: Database, id: SubsystemId) {
  const row = await db
    .selectFrom('bridge_subsystem as s')
    .innerJoin('bridge_member as m', 'm.id', 's.member_id')
    .select([
      's.id',
      's.code',
      'm.id as member_id',
      'm.name',
      'm.instance',
      'm.member_class',
      'm.member_code',
    ])
    .where('m.instance', '=', id.instance)
    .where('m.member_class', '=', id.memberClass)
    .where('m.member_code', '=', id.memberCode)
    .where('s.code', '=', id.subsystem)
    .executeTakeFirst();
  return row && subsystemOf(row);
}

const subsystemOf = (row: {
  id: string;
  code: string;
  member_id: string;
  name: string;
  instance: string;
  member_class: string;
  member_code: string;
}) => ({
  id: row.id,
  memberId: row.member_id,
  memberName: row.name,
  instance: row.instance,
  memberClass: row.member_class,
  memberCode: row.member_code,
  subsystem: row.code,
});

export interface IssuedMemberCertificate {
  certificate: CertificateView;
  /** PKCS#8 PEM of the certificate's private key: in this answer only, never again. */
  privateKeyPem: string;
}

/**
 * Issues a certificate from the deployment CA to a member (holder kind `bridge-member`, holder id
 * the member's id). The member's systems sign requests with its key and name the certificate's
 * id as `keyid`. The private key is in this answer and no other: the trust block keeps it only
 * sealed (AES-256-GCM under the deployment key), and no route opens it again. Audited as
 * `trust.certificate-issue` and `bridge.certificate-issue`, in one transaction.
 *
 * Outcomes: the certificate and its key; BRIDGE_MEMBER_NOT_FOUND (404);
 * BRIDGE_NOT_MEMBER_MANAGER (403); BRIDGE_MEMBER_FOREIGN (409) for a member of another instance.
 */
export async function issueMemberCertificate(
  deps: BridgeDeps,
  actor: Actor,
  memberId: string,
): Promise<IssuedMemberCertificate> {
  await assertManager(deps.db, actor, memberId);
  const member = (await findMember(deps.db, memberId))!;
  if (member.instance !== deps.instance) throw new DomainError('BRIDGE_MEMBER_FOREIGN', 409);
  return inTransaction(deps.db, async (trx) => {
    const certificate = await issueCertificate(
      { deps: deps.trust, actorAccountId: actor.accountId, trx },
      { holderKind: 'bridge-member', holderId: member.id, holderName: member.name },
    );
    const row = await trx
      .selectFrom('trust_certificate')
      .select('sealed_private_key')
      .where('id', '=', certificate.id)
      .executeTakeFirstOrThrow();
    const pkcs8 = deps.trust.sealer.open(
      row.sealed_private_key,
      holderKeyLabel(certificate.serial),
    );
    await audit(trx, deps.now(), {
      action: 'bridge.certificate-issue',
      outcome: 'success',
      actorAccountId: actor.accountId,
      subject: certificate.id,
      details: { memberId },
    });
    const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n')}\n-----END PRIVATE KEY-----\n`;
    return { certificate, privateKeyPem };
  });
}

/** The member's certificates, newest first, without keys. */
export async function listMemberCertificates(
  deps: BridgeDeps,
  actor: Actor,
  memberId: string,
): Promise<CertificateView[]> {
  await assertManager(deps.db, actor, memberId);
  return listHolderCertificates(deps.db, { kind: 'bridge-member', id: memberId }, deps.now());
}
