import { findRecordsBy } from '../../../blocks/registries/index.js';
import type { Actor } from '../../../blocks/services/index.js';
import { verificationUrl } from '../../../blocks/trust/index.js';
import { DomainError } from '../../../platform/errors.js';
import type { FlatFacts, Owner } from '../repo/tables.js';
import { personOf, readContext, readerOf } from './architect.js';
import { isInspector } from './audits.js';
import { consentsOf, keysAnsweredBy, type FilingConsents } from './consents.js';
import type { RedevDeps } from './deps.js';

export interface FilingSummary {
  id: string;
  reference: string;
  cadastralNumber: string;
  state: string;
  filedAt: Date;
  registration: string | null;
  auditPicked: boolean;
  auditDecision: string | null;
}

const summaries = (deps: RedevDeps) =>
  deps.db
    .selectFrom('redev_filing as f')
    .innerJoin('services_application as a', 'a.id', 'f.application_id')
    .leftJoin('redev_registration as r', 'r.application_id', 'f.application_id')
    .leftJoin('redev_audit_decision as d', 'd.application_id', 'f.application_id')
    .select([
      'f.application_id as id',
      'a.reference',
      'f.cadastral_number',
      'a.state',
      'f.filed_at',
      'r.number',
      'r.audit_picked',
      'd.decision',
    ])
    .orderBy('f.filed_at', 'desc');

const toSummary = (row: {
  id: string;
  reference: string;
  cadastral_number: string;
  state: string;
  filed_at: Date;
  number: string | null;
  audit_picked: boolean | null;
  decision: string | null;
}): FilingSummary => ({
  id: row.id,
  reference: row.reference,
  cadastralNumber: row.cadastral_number,
  state: row.state,
  filedAt: row.filed_at,
  registration: row.number,
  auditPicked: row.audit_picked === true,
  auditDecision: row.decision,
});

/** The architect's filings with their registrations and audit outcomes, newest first. */
export async function myFilings(deps: RedevDeps, actor: Actor): Promise<FilingSummary[]> {
  const rows = await summaries(deps).where('f.architect_person_id', '=', actor.personId).execute();
  return rows.map(toSummary);
}

export interface FilingView {
  summary: FilingSummary;
  flat: FlatFacts;
  owners: Owner[];
  encumbrances: { kind: string; authority: string }[];
  route: string;
  expertReasons: string[];
  licence: string;
  consents: FilingConsents;
  /** The owner keys the viewer answers for, and which of them are still open. */
  mine: { keys: string[]; open: string[] };
  audience: 'architect' | 'owner' | 'inspector';
  document: { code: string; url: string } | null;
  auditReasons: string[];
}

/**
 * A filing as its architect, an owner it asks, or an inspector sees it. Outcomes: the view;
 * REDEV_FILING_NOT_FOUND (404) for anyone else (the same answer as for no filing at all).
 */
export async function filingView(deps: RedevDeps, actor: Actor, id: string): Promise<FilingView> {
  const row = /^[0-9a-f-]{36}$/.test(id)
    ? await summaries(deps).where('f.application_id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError('REDEV_FILING_NOT_FOUND', 404);
  const filing = await deps.db
    .selectFrom('redev_filing')
    .selectAll()
    .where('application_id', '=', id)
    .executeTakeFirstOrThrow();
  const consents = await consentsOf(deps.db, id);
  const keys = await keysAnsweredBy(deps.db, deps.platform.country.id, actor.personId, [
    ...consents.asked,
    ...filing.flat_owners,
  ]);
  const audience =
    filing.architect_person_id === actor.personId
      ? 'architect'
      : keys.length > 0
        ? 'owner'
        : (await isInspector(deps, actor))
          ? 'inspector'
          : undefined;
  if (!audience) throw new DomainError('REDEV_FILING_NOT_FOUND', 404);
  const askedKeys = new Set(consents.asked.map((o) => `${o.kind}:${o.id}`));
  const document = await deps.db
    .selectFrom('redev_registration_document')
    .select('verification_code')
    .where('application_id', '=', id)
    .executeTakeFirst();
  const registration = await deps.db
    .selectFrom('redev_registration')
    .select('audit_reasons')
    .where('application_id', '=', id)
    .executeTakeFirst();
  return {
    summary: toSummary(row),
    flat: filing.flat,
    owners: filing.flat_owners,
    encumbrances: filing.encumbrances,
    route: filing.route,
    expertReasons: filing.expert_reasons,
    licence: filing.licence_number,
    consents,
    mine: {
      keys: keys.filter((k) => askedKeys.has(k)),
      open: keys.filter((k) => askedKeys.has(k) && !consents.answers.has(k)),
    },
    audience,
    document: document
      ? {
          code: document.verification_code,
          url: verificationUrl(deps.trust, document.verification_code),
        }
      : null,
    auditReasons: audience === 'owner' ? [] : (registration?.audit_reasons ?? []),
  };
}

/** Filings waiting for the person's consent (as an owner, or the director of an owner). */
export async function consentsAwaiting(deps: RedevDeps, actor: Actor): Promise<FilingSummary[]> {
  const rows = await summaries(deps).where('a.state', '=', 'awaiting-consents').execute();
  const waiting: FilingSummary[] = [];
  for (const row of rows) {
    const consents = await consentsOf(deps.db, row.id);
    const keys = await keysAnsweredBy(
      deps.db,
      deps.platform.country.id,
      actor.personId,
      consents.asked,
    );
    if (keys.some((key) => !consents.answers.has(key))) waiting.push(toSummary(row));
  }
  return waiting;
}

export interface FlatHistory {
  cadastralNumber: string;
  filings: FilingSummary[];
}

/** The plan history of every flat the person owns (read from the registry, recorded). */
export async function myPlanHistory(
  deps: RedevDeps,
  actor: Actor & { name: string },
): Promise<FlatHistory[]> {
  const person = await personOf(deps.db, actor);
  const rights = await findRecordsBy(
    deps.db,
    deps.registries,
    readContext(
      readerOf({ accountId: actor.accountId, name: actor.name }, 'Меншік иесі / Собственник'),
      'Redevelopment: my flats’ plan history',
    ),
    'flat-owners',
    { ownerIin: person.iin },
    100,
  );
  const flats = [...new Set(rights.map((r) => String(r.data.cadastralNumber)))].sort();
  const history: FlatHistory[] = [];
  for (const cadastralNumber of flats) {
    const rows = await summaries(deps).where('f.cadastral_number', '=', cadastralNumber).execute();
    history.push({ cadastralNumber, filings: rows.map(toSummary) });
  }
  return history;
}

/** Registrations picked for inspection, undecided first. */
export async function inspections(deps: RedevDeps, actor: Actor): Promise<FilingSummary[]> {
  if (!(await isInspector(deps, actor))) throw new DomainError('REDEV_NOT_INSPECTOR', 403);
  const rows = await summaries(deps).where('r.audit_picked', '=', true).execute();
  return rows
    .map(toSummary)
    .sort((a, b) => Number(a.auditDecision !== null) - Number(b.auditDecision !== null));
}
