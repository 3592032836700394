import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import type { Tables } from '../../../platform/db/tables.js';
import type { ActDraft } from '../domain/act-draft.js';
import type { ActAction } from '../domain/act-lifecycle.js';
import { actionFromRow, actionPayload, draftFromJson, draftToJson } from './act-json.js';
import './tables.js';

export interface StoredAct {
  id: string;
  kind: ActDraft['kind'];
  notaryPersonId: string;
  notaryIin: string;
  notaryLicence: string;
  cadastralNumber: string | null;
  draft: ActDraft;
  createdAt: Date;
  actions: ActAction[];
  entry: ActEntry | undefined;
}

export interface ActEntry {
  registerNumber: string;
  documentId: string;
  verificationCode: string;
  signedAt: Date;
}

export interface NewAct {
  id: string;
  notaryPersonId: string;
  notaryLicence: string;
  draft: ActDraft;
  createdAt: Date;
}

/** Writes an act and its parties (its first action is appended by the caller). */
export async function insertAct(trx: Database, act: NewAct): Promise<void> {
  await trx
    .insertInto('enotary_act')
    .values({
      id: act.id,
      kind: act.draft.kind,
      notary_person_id: act.notaryPersonId,
      notary_iin: act.draft.notaryIin,
      notary_licence: act.notaryLicence,
      cadastral_number: act.draft.cadastralNumber ?? null,
      draft: JSON.stringify(draftToJson(act.draft)),
      created_at: act.createdAt,
    })
    .execute();
  if (act.draft.parties.length === 0) return;
  await trx
    .insertInto('enotary_act_party')
    .values(
      act.draft.parties.map((party, position) => ({
        act_id: act.id,
        position,
        role: party.role,
        party_kind: party.kind,
        party_id: party.id,
        representative_iin: party.representative?.iin ?? null,
        power_of_attorney: party.representative?.powerOfAttorney ?? null,
      })),
    )
    .execute();
}

/** Appends an action to the act's file, as its next entry. The caller holds the act's lock. */
export async function appendAction(
  trx: Database,
  actId: string,
  action: ActAction,
  actorAccountId: string | null,
): Promise<void> {
  await sql`
    insert into enotary_act_action (act_id, seq, type, at, actor_account_id, payload)
    select ${actId}, coalesce(max(seq), 0) + 1, ${action.type}, ${action.at}, ${actorAccountId},
           ${JSON.stringify(actionPayload(action))}::jsonb
    from enotary_act_action where act_id = ${actId}`.execute(trx);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An act with its file and register entry; with `lock`, its row is locked until the transaction
 * ends, so actions on one act are taken one at a time. Undefined for an unknown id.
 */
export async function findAct(
  db: Database,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredAct | undefined> {
  if (!UUID.test(id)) return undefined;
  let query = db.selectFrom('enotary_act').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const actions = await db
    .selectFrom('enotary_act_action')
    .select(['type', 'at', 'payload'])
    .where('act_id', '=', id)
    .orderBy('seq')
    .execute();
  const entry = await db
    .selectFrom('enotary_act_entry')
    .selectAll()
    .where('act_id', '=', id)
    .executeTakeFirst();
  return {
    id: row.id,
    kind: row.kind as ActDraft['kind'],
    notaryPersonId: row.notary_person_id,
    notaryIin: row.notary_iin,
    notaryLicence: row.notary_licence,
    cadastralNumber: row.cadastral_number,
    draft: draftFromJson(row.draft),
    createdAt: row.created_at,
    actions: actions.map(actionFromRow),
    entry: entry && {
      registerNumber: entry.register_number,
      documentId: entry.document_id,
      verificationCode: entry.verification_code,
      signedAt: entry.signed_at,
    },
  };
}

export interface ActListItem {
  id: string;
  kind: ActDraft['kind'];
  cadastralNumber: string | null;
  createdAt: Date;
  registerNumber: string | null;
}

function listQuery(db: Database) {
  return db
    .selectFrom('enotary_act as a')
    .leftJoin('enotary_act_entry as e', 'e.act_id', 'a.id')
    .select([
      'a.id',
      'a.kind',
      'a.cadastral_number as cadastralNumber',
      'a.created_at as createdAt',
      'e.register_number as registerNumber',
    ])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(200);
}

/** The acts a notary opened, newest first (at most 200). */
export async function listActsOfNotary(db: Database, personId: string): Promise<ActListItem[]> {
  const rows = await listQuery(db).where('a.notary_person_id', '=', personId).execute();
  return rows as ActListItem[];
}

/** The acts an IIN or BIN is party to or represents a party in, newest first (at most 200). */
export async function listActsOfParty(db: Database, ids: string[]): Promise<ActListItem[]> {
  if (ids.length === 0) return [];
  const rows = await listQuery(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('enotary_act_party as p')
          .select('p.act_id')
          .whereRef('p.act_id', '=', 'a.id')
          .where((inner) =>
            inner.or([inner('p.party_id', 'in', ids), inner('p.representative_iin', 'in', ids)]),
          ),
      ),
    )
    .execute();
  return rows as ActListItem[];
}

/**
 * The next number in a register for a licence and year, taken in the caller's transaction: the
 * counter row stays locked until it ends, so two signings never get the same number and a
 * rolled-back one gives its number back.
 */
export async function nextSequence(
  trx: Database,
  register: 'A' | 'W' | 'I',
  licence: string,
  year: number,
): Promise<number> {
  const { rows } = await sql<{ last: number }>`
    insert into enotary_register_counter (register, licence, year, last)
    values (${register}, ${licence}, ${year}, 1)
    on conflict (register, licence, year)
    do update set last = enotary_register_counter.last + 1
    returning last`.execute(trx);
  return rows[0]!.last;
}

export async function insertActEntry(
  trx: Database,
  entry: ActEntry & { actId: string; ledgerSeq: number },
): Promise<void> {
  await trx
    .insertInto('enotary_act_entry')
    .values({
      act_id: entry.actId,
      register_number: entry.registerNumber,
      document_id: entry.documentId,
      verification_code: entry.verificationCode,
      signed_at: entry.signedAt,
      ledger_seq: entry.ledgerSeq,
    })
    .execute();
}

/** A signed act by its register number (for attached consents). */
export async function findActIdByRegisterNumber(
  db: Database,
  registerNumber: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('enotary_act_entry')
    .select('act_id')
    .where('register_number', '=', registerNumber)
    .executeTakeFirst();
  return row?.act_id;
}

// Two-key advisory lock (this constant, hashtext(notary)): one opening at a time per notary, so
// a form submitted twice at once cannot slip two drafts of one deal past the duplicate look-up.
const OPENING_LOCK_CLASS = 7_160_031;

/** Serialises the openings of one notary until the caller's transaction ends. */
export async function lockOpeningsOf(trx: Database, notaryPersonId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${OPENING_LOCK_CLASS}, hashtext(${notaryPersonId}))`.execute(
    trx,
  );
}

/** Acts with no entry in register A yet: drafts, frozen and cancelled acts. */
const unsigned = (eb: ExpressionBuilder<Tables, 'enotary_act'>) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('enotary_act_entry')
        .select('enotary_act_entry.act_id')
        .whereRef('enotary_act_entry.act_id', '=', 'enotary_act.id'),
    ),
  );

async function actsById(db: Database, ids: readonly string[]): Promise<StoredAct[]> {
  const acts: StoredAct[] = [];
  for (const id of ids) {
    const act = await findAct(db, id);
    if (act) acts.push(act);
  }
  return acts;
}

/**
 * The unsigned acts of a notary of one kind about one object (or about none), newest first: the
 * candidates for "the same act, still open". At most 50: a notary has few drafts of one deal.
 */
export async function findUnsignedActsLike(
  trx: Database,
  notaryPersonId: string,
  kind: ActDraft['kind'],
  cadastralNumber: string | null,
): Promise<StoredAct[]> {
  const rows = await trx
    .selectFrom('enotary_act')
    .select('id')
    .where('notary_person_id', '=', notaryPersonId)
    .where('kind', '=', kind)
    .where((eb) =>
      cadastralNumber === null
        ? eb('cadastral_number', 'is', null)
        : eb('cadastral_number', '=', cadastralNumber),
    )
    .where(unsigned)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return actsById(
    trx,
    rows.map((row) => row.id),
  );
}

/**
 * Unsigned acts an owner reported "this is not me" on, oldest report first: the candidates for
 * review (the caller keeps those whose state is still frozen). At most 200.
 */
export async function findReportedUnsignedActs(db: Database): Promise<StoredAct[]> {
  const rows = await db
    .selectFrom('enotary_act')
    .innerJoin('enotary_act_action as r', 'r.act_id', 'enotary_act.id')
    .select('enotary_act.id')
    .select((eb) => eb.fn.min('r.at').as('reportedAt'))
    .where('r.type', '=', 'owner-reported-not-me')
    .where(unsigned)
    .groupBy('enotary_act.id')
    .orderBy('reportedAt')
    .orderBy('enotary_act.id')
    .limit(200)
    .execute();
  return actsById(
    db,
    rows.map((row) => row.id),
  );
}
