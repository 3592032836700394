import { sql } from 'kysely';
import { findRecord, updateRecord } from '../../../blocks/registries/index.js';
import type { Actor } from '../../../blocks/services/index.js';
import { withdrawDocument } from '../../../blocks/trust/index.js';
import { DomainError } from '../../../platform/errors.js';
import { standingOn, type Sanction } from '../domain/sanctions.js';
import { PLANS_REGISTRY, REDEV_AGENCY } from '../definition/redevelopment-service.js';
import { readContext, REDEV_SCOPES } from './architect.js';
import { todayOf, type RedevDeps } from './deps.js';
import { recipientOf, tell } from './notify.js';
import { TEMPLATES } from './templates.js';

/** Is the actor an inspector: an officer of the agency that inspects redevelopments? */
export async function isInspector(deps: RedevDeps, actor: Actor): Promise<boolean> {
  if (!actor.roles.includes('officer') || !actor.agencyId) return false;
  const agency = await deps.db
    .selectFrom('identity_agency')
    .select('code')
    .where('id', '=', actor.agencyId)
    .executeTakeFirst();
  return agency?.code === REDEV_AGENCY;
}

export const REASONS_MAX = 4000;

/**
 * An inspector confirms or revokes a registration picked for the post-registration audit, with
 * reasons. A revocation withdraws the signed document (verification says so from then on), marks
 * the plan version revoked in the registry, tells the architect and the owners, and counts on
 * the architect's sanction ladder.
 *
 * Outcomes: done; REDEV_NOT_INSPECTOR (403); REDEV_REGISTRATION_NOT_FOUND (404) for one not
 * picked for audit; REDEV_AUDIT_ALREADY_DECIDED (409); REDEV_REASONS_REQUIRED (400).
 */
export async function decideAudit(
  deps: RedevDeps,
  actor: Actor,
  applicationId: string,
  decision: 'confirmed' | 'revoked',
  reasons: string,
): Promise<void> {
  if (!(await isInspector(deps, actor))) throw new DomainError('REDEV_NOT_INSPECTOR', 403);
  const text = reasons.trim();
  if (text === '' || text.length > REASONS_MAX)
    throw new DomainError('REDEV_REASONS_REQUIRED', 400, { max: REASONS_MAX }, [
      { field: 'reasons', code: 'REDEV_REASONS_REQUIRED', params: { max: REASONS_MAX } },
    ]);
  await deps.db.transaction().execute(async (trx) => {
    const registration = await trx
      .selectFrom('redev_registration as r')
      .innerJoin('redev_filing as f', 'f.application_id', 'r.application_id')
      .leftJoin('redev_registration_document as d', 'd.application_id', 'r.application_id')
      .select([
        'r.number',
        'r.audit_picked',
        'f.architect_person_id',
        'f.flat_owners',
        'f.cadastral_number',
        'd.document_id',
      ])
      .where('r.application_id', '=', applicationId)
      .forUpdate('r')
      .executeTakeFirst();
    if (!registration?.audit_picked) throw new DomainError('REDEV_REGISTRATION_NOT_FOUND', 404);
    const decided = await trx
      .selectFrom('redev_audit_decision')
      .select('decision')
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (decided) throw new DomainError('REDEV_AUDIT_ALREADY_DECIDED', 409);
    const now = deps.platform.now();
    await trx
      .insertInto('redev_audit_decision')
      .values({
        application_id: applicationId,
        decision,
        reasons: text,
        inspector_account_id: actor.accountId,
        architect_person_id: registration.architect_person_id,
        decided_at: now,
        decided_on: todayOf(deps, now),
      })
      .execute();
    if (decision !== 'revoked') return;
    if (registration.document_id)
      await withdrawDocument(
        { deps: deps.trust, actorAccountId: actor.accountId, trx },
        { documentId: registration.document_id, reason: text.slice(0, 1000) },
      );
    const appActor = {
      accountId: actor.accountId,
      name: 'Redevelopment',
      organisation: 'Қайта жоспарлау / Перепланировка',
      roles: [],
      scopes: REDEV_SCOPES,
    };
    const record = await findRecord(
      trx,
      deps.registries,
      readContext(appActor, `Redevelopment ${registration.number}: revocation`),
      PLANS_REGISTRY,
      { registrationNumber: registration.number },
    );
    if (record)
      await updateRecord(
        trx,
        deps.registries,
        appActor,
        PLANS_REGISTRY,
        record.id,
        { status: 'revoked' },
        {
          reason: `Revoked after inspection: ${text.slice(0, 200)}`,
        },
      );
    const params = { number: registration.number, reason: text };
    await tell(
      trx,
      applicationId,
      { personId: registration.architect_person_id },
      'revoked',
      TEMPLATES.revoked.id,
      params,
      now,
    );
    for (const owner of registration.flat_owners) {
      const recipient = await recipientOf(trx, deps.platform.country.id, owner);
      if (recipient)
        await tell(trx, applicationId, recipient, 'revoked', TEMPLATES.revoked.id, params, now);
    }
  });
}

export interface RestrictedArchitect {
  name: string;
  licence: string;
  sanction: Sanction;
  until: string;
}

/**
 * The public list of restricted architects: those whose standing today is `restricted`, by
 * name and licence number (never a national identifier), with the end of the restriction.
 */
export async function restrictedArchitects(deps: RedevDeps): Promise<RestrictedArchitect[]> {
  const rows = await deps.db
    .selectFrom('redev_audit_decision as d')
    .innerJoin('identity_person as p', 'p.id', 'd.architect_person_id')
    .select([
      'd.architect_person_id',
      sql<string>`to_char(d.decided_on, 'YYYY-MM-DD')`.as('decided_on'),
      'p.family_name',
      'p.given_name',
    ])
    .where('d.decision', '=', 'revoked')
    .execute();
  const today = todayOf(deps);
  const byArchitect = new Map<string, { name: string; days: string[] }>();
  for (const row of rows) {
    const entry = byArchitect.get(row.architect_person_id) ?? {
      name: `${row.family_name} ${row.given_name}`,
      days: [],
    };
    entry.days.push(row.decided_on);
    byArchitect.set(row.architect_person_id, entry);
  }
  const list: RestrictedArchitect[] = [];
  for (const [personId, entry] of byArchitect) {
    const standing = standingOn(entry.days, today);
    if (standing.standing !== 'restricted') continue;
    const licence = await deps.db
      .selectFrom('redev_filing')
      .select('licence_number')
      .where('architect_person_id', '=', personId)
      .orderBy('filed_at', 'desc')
      .executeTakeFirst();
    list.push({
      name: entry.name,
      licence: licence?.licence_number ?? '',
      sanction: standing.sanction,
      until: standing.until,
    });
  }
  return list.sort((a, b) => a.name.localeCompare(b.name));
}
