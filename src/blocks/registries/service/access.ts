import {
  checkAccessRecord,
  recordAccess,
  type AccessRecordInput,
} from '../../../platform/audit/access/access-records.js';
import { GroupCommit } from '../../../platform/db/group-commit.js';
import type { Database } from '../../../platform/db/database.js';
import { isSealed } from '../domain/definition.js';
import { personalFieldsIn } from '../domain/record-values.js';
import type { Condition } from '../domain/record-values.js';
import {
  findAndNote,
  insertAccessLinks,
  insertAccessRecords,
  type NotedLookUp,
  type StoredRecord,
} from '../repo/records-repo.js';
import type { Registry } from '../repo/registries-repo.js';
import type { ReadContext, RegistriesDeps } from './deps.js';

/** One access record to write, and the registry record it is linked to. */
export interface AccessNote {
  at: Date;
  input: AccessRecordInput;
  registryId: number;
  recordId: string;
}

/**
 * Writes the access records a read causes: one per record that is about a person and holds
 * personal data, naming the personal fields read (all of the record's, or only `fields`). A
 * record of a sealed class gets a sealed access record, hidden from the person until a recorded
 * decision lifts the seal (liftSeals). Each is linked to the registry record.
 *
 * Inside a caller's transaction they are written in it, so the read and its record commit
 * together or not at all. Otherwise they are group-committed (AccessRecordWriter): this resolves
 * once they are committed, so no personal data leaves before its record exists; it rejects when
 * they could not be written, and the read must then fail.
 */
export async function noteReads(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  registry: Registry,
  records: StoredRecord[],
  fields?: string[],
): Promise<void> {
  const { definition } = registry;
  const notes: AccessNote[] = [];
  for (const record of records) {
    if (!record.subjectPersonId) continue;
    const personal = personalFieldsIn(definition, record.data);
    const read = fields ? personal.filter((field) => fields.includes(field)) : personal;
    if (read.length === 0) continue;
    const sealed = isSealed(definition, record.data);
    notes.push({
      at: deps.now(),
      input: {
        personId: record.subjectPersonId,
        accessorAccountId: context.actor.accountId,
        accessorName: context.actor.name,
        accessorOrganisation: context.actor.organisation,
        purpose: context.purpose,
        legalBasis: context.legalBasis?.trim() || definition.legalBasis,
        fields: read,
        source: `${registry.name}@${registry.version}`,
        ...(sealed && definition.sealed
          ? { seal: { legalBasis: definition.sealed.legalBasis, decidedByAccountId: null } }
          : {}),
      },
      registryId: registry.id,
      recordId: record.id,
    });
  }
  if (notes.length === 0) return;
  if (db.isTransaction) await writeNotes(db, notes);
  else await deps.accessWriter.write(notes);
}

/** Writes access records and their links in the caller's transaction, each checked. */
async function writeNotes(trx: Database, notes: AccessNote[]): Promise<void> {
  const links = [];
  for (const note of notes) {
    const { id } = await recordAccess(trx, note.at, note.input);
    links.push({ accessRecordId: id, registryId: note.registryId, recordId: note.recordId });
  }
  await insertAccessLinks(trx, links);
}

/**
 * A batch of every reader's notes: unsealed ones in one statement (its own transaction, one
 * round trip); when some are sealed (their seal decision is audited), all in one transaction.
 */
async function writeBatch(db: Database, notes: AccessNote[]): Promise<void> {
  // Checked as recordAccess checks, so a bad record fails with its own translated reason.
  for (const note of notes) checkAccessRecord(note.input);
  const plain = notes
    .filter((note) => !note.input.seal)
    .map(({ at, input, registryId, recordId }) => ({ at, ...input, registryId, recordId }));
  if (plain.length === notes.length) return insertAccessRecords(db, plain);
  await db.transaction().execute(async (trx) => {
    await insertAccessRecords(trx, plain);
    await writeNotes(
      trx,
      notes.filter((note) => note.input.seal),
    );
  });
}

/**
 * Group commit for the access records of reads made outside a transaction that the NotedReader
 * does not make (lists, exists, read-value, history, sealed classes). Up to `writers` batches are
 * written at once (2 by default): a read whose writer is free goes out at once; when both are
 * busy, the records queued meanwhile are written together by the next free writer, in one
 * statement, so concurrent reads share one commit (and its WAL flush) and one round trip instead
 * of a transaction of three statements each. Few writers make large batches: a commit costs far
 * more than a row (measured on 2 cores: about 1 ms of PostgreSQL's CPU for the statement and its
 * flush against 0.1 ms a row), and with 4 writers most batches held one read. A read's promise
 * resolves once its records are committed. If a batch fails, its reads are written again one by
 * one, so one bad record (e.g. a purpose too long) fails its own read only.
 */
export class AccessRecordWriter {
  private readonly group: GroupCommit<AccessNote[]>;

  constructor(db: Database, options: { writers?: number; maxBatch?: number } = {}) {
    this.group = new GroupCommit(
      async (reads): Promise<void[]> => {
        await writeBatch(db, reads.flat());
        return reads.map(() => undefined);
      },
      { writers: options.writers ?? 2, maxBatch: options.maxBatch ?? 500 },
    );
  }

  /** Outcomes: resolves once committed; rejects with the error that stopped the write. */
  write(notes: AccessNote[]): Promise<void> {
    return this.group.submit(notes);
  }
}

/**
 * Point reads made outside a transaction (the GovStack Data API's read) of registries whose
 * access records need no seal decision: each read is queued, and up to `writers` batches go out
 * at once, each one statement that looks up every queued read and writes their access records
 * (findAndNote), so a read costs no round trip of its own, and concurrent reads share one commit.
 * A read's promise resolves once that statement committed. If a batch fails, its reads are made
 * again one by one, so one bad read fails alone.
 */
export class NotedReader {
  private readonly group: GroupCommit<NotedLookUp, StoredRecord | undefined>;

  constructor(db: Database, options: { writers?: number; maxBatch?: number } = {}) {
    this.group = new GroupCommit((lookUps) => findAndNote(db, lookUps), {
      writers: options.writers ?? 2,
      maxBatch: options.maxBatch ?? 200,
    });
  }

  /** Outcomes: the record or undefined, once its access record is committed; the database error. */
  read(lookUp: NotedLookUp): Promise<StoredRecord | undefined> {
    return this.group.submit(lookUp);
  }
}

/**
 * The first live record matching, read with its access record by the NotedReader when the read
 * is outside a transaction and its registry's records are about people and never sealed; undefined
 * when another path must read it (a transaction, a sealed class, no personal data).
 *
 * Outcomes: `{ record }` (maybe undefined); AUDIT_ACCESS_RECORD_INVALID (400) for a bad purpose,
 * name or legal basis, before anything is read; undefined when not applicable.
 */
export async function readNoted(
  db: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  registry: Registry,
  query: { conditions: Condition[]; recordId?: string },
): Promise<{ record: StoredRecord | undefined } | undefined> {
  const { definition } = registry;
  if (db.isTransaction || !definition.subject || definition.sealed) return undefined;
  const fields = definition.fields.filter((field) => field.personal).map((field) => field.name);
  if (fields.length === 0) return undefined;
  const input = {
    accessorAccountId: context.actor.accountId,
    accessorName: context.actor.name,
    accessorOrganisation: context.actor.organisation,
    purpose: context.purpose,
    legalBasis: context.legalBasis?.trim() || definition.legalBasis,
    source: `${registry.name}@${registry.version}`,
  };
  // Checked as recordAccess checks (the person is the record's, found by the same statement).
  checkAccessRecord({ ...input, personId: PLACEHOLDER_PERSON, fields });
  if (query.recordId !== undefined && !UUID.test(query.recordId)) return { record: undefined };
  const record = await deps.notedReader.read({
    registryId: registry.id,
    conditions: query.conditions,
    ...(query.recordId !== undefined ? { recordId: query.recordId } : {}),
    note: {
      at: deps.now(),
      accessorAccountId: input.accessorAccountId,
      accessorName: input.accessorName.trim(),
      accessorOrganisation: input.accessorOrganisation.trim(),
      purpose: input.purpose.trim(),
      legalBasis: input.legalBasis.trim(),
      source: input.source,
      fields,
    },
  });
  return { record };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Stands for the record's subject when the reader's part of an access record is checked.
const PLACEHOLDER_PERSON = '00000000-0000-4000-8000-000000000000';
