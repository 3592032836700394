import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { DomainError } from '../../errors.js';
import { verifyAuditLog } from '../verify.js';
import {
  listAccessForPerson,
  recordAccess,
  sealAccessRecord,
  unsealAccessRecord,
  type AccessRecordInput,
} from './access-records.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const officer = crypto.randomUUID();
const read = (personId: string, purpose: string): AccessRecordInput => ({
  personId,
  accessorAccountId: officer,
  accessorName: 'Aigerim Sadykova',
  accessorOrganisation: 'Ministry of Labour',
  purpose,
  legalBasis: 'Social Code, art. 12',
  fields: ['address', 'birthDate'],
  source: 'population-registry',
});
const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 9, minute));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe('access records', () => {
  it('lists a person’s records newest first, page by page, and no one else’s', async () => {
    const person = crypto.randomUUID();
    for (let minute = 0; minute < 25; minute++)
      await recordAccess(database.db, at(minute), read(person, `case ${minute}`));
    await recordAccess(database.db, at(30), read(crypto.randomUUID(), 'someone else'));

    const first = await listAccessForPerson(database.db, person, 1, 10);
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: 25 });
    expect(first.records.map((record) => record.purpose)).toEqual(
      Array.from({ length: 10 }, (_, index) => `case ${24 - index}`),
    );
    expect(first.records[0]).toMatchObject({
      accessorName: 'Aigerim Sadykova',
      accessorOrganisation: 'Ministry of Labour',
      legalBasis: 'Social Code, art. 12',
      fields: ['address', 'birthDate'],
      source: 'population-registry',
      accessedAt: at(24),
    });
    const last = await listAccessForPerson(database.db, person, 3, 10);
    expect(last.records.map((record) => record.purpose)).toEqual([
      'case 4',
      'case 3',
      'case 2',
      'case 1',
      'case 0',
    ]);
    expect((await listAccessForPerson(database.db, person, 4, 10)).records).toEqual([]);
  });

  it('refuses an incomplete record, naming the fields, and writes nothing', async () => {
    const person = crypto.randomUUID();
    const error = await recordAccess(database.db, at(0), {
      ...read(person, ' '),
      fields: [],
      personId: 'not-a-uuid',
    }).catch((caught: unknown) => caught as DomainError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'AUDIT_ACCESS_RECORD_INVALID', status: 400 });
    expect((error as DomainError).fields.map((field) => field.field).sort()).toEqual([
      'fields',
      'personId',
      'purpose',
    ]);
    expect((await listAccessForPerson(database.db, person, 1)).total).toBe(0);
  });

  it('commits with the caller’s transaction, and not without it', async () => {
    const person = crypto.randomUUID();
    await database.db
      .transaction()
      .execute(async (trx) => {
        await recordAccess(trx, at(0), read(person, 'rolled back'));
        throw new Error('the read failed');
      })
      .catch(() => undefined);
    expect((await listAccessForPerson(database.db, person, 1)).total).toBe(0);
  });

  it('hides a sealed record until a decision lifts the seal, auditing both decisions', async () => {
    const person = crypto.randomUUID();
    await recordAccess(database.db, at(0), read(person, 'visible'));
    const covert = await recordAccess(database.db, at(1), {
      ...read(person, 'covert investigation'),
      seal: { legalBasis: 'Law on Operational Search, art. 7', decidedByAccountId: officer },
    });
    const later = await recordAccess(database.db, at(2), read(person, 'sealed later'));
    const purposes = async () =>
      (await listAccessForPerson(database.db, person, 1)).records.map((record) => record.purpose);
    expect(await purposes()).toEqual(['sealed later', 'visible']);

    await sealAccessRecord(database.db, at(3), later.id, {
      legalBasis: 'Criminal Procedure Code, art. 232',
      decidedByAccountId: officer,
    });
    expect(await purposes()).toEqual(['visible']);
    expect(
      await codeOf(
        sealAccessRecord(database.db, at(3), later.id, {
          legalBasis: 'again',
          decidedByAccountId: officer,
        }),
      ),
    ).toBe('AUDIT_ACCESS_ALREADY_SEALED');

    await unsealAccessRecord(database.db, at(4), covert.id, {
      legalBasis: 'Investigation closed, decision 15/2025',
      decidedByAccountId: officer,
    });
    expect(await purposes()).toEqual(['covert investigation', 'visible']);
    expect(
      await codeOf(
        unsealAccessRecord(database.db, at(4), covert.id, {
          legalBasis: 'again',
          decidedByAccountId: officer,
        }),
      ),
    ).toBe('AUDIT_ACCESS_NOT_SEALED');

    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'actor', 'details'])
      .where('action', 'like', 'access.%')
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      {
        action: 'access.seal',
        subject: covert.id,
        actor: officer,
        details: { legalBasis: 'Law on Operational Search, art. 7' },
      },
      {
        action: 'access.seal',
        subject: later.id,
        actor: officer,
        details: { legalBasis: 'Criminal Procedure Code, art. 232' },
      },
      {
        action: 'access.unseal',
        subject: covert.id,
        actor: officer,
        details: { legalBasis: 'Investigation closed, decision 15/2025' },
      },
    ]);
    expect((await verifyAuditLog(database.url, new Map())).problem).toBeUndefined();
  });

  it('answers a seal decision on an unknown record or without a legal basis', async () => {
    const decision = { legalBasis: 'x', decidedByAccountId: null };
    expect(await codeOf(sealAccessRecord(database.db, at(0), crypto.randomUUID(), decision))).toBe(
      'AUDIT_ACCESS_RECORD_NOT_FOUND',
    );
    expect(await codeOf(sealAccessRecord(database.db, at(0), 'nonsense', decision))).toBe(
      'AUDIT_ACCESS_RECORD_NOT_FOUND',
    );
    const { id } = await recordAccess(database.db, at(0), read(crypto.randomUUID(), 'p'));
    expect(
      await codeOf(
        sealAccessRecord(database.db, at(0), id, { legalBasis: ' ', decidedByAccountId: null }),
      ),
    ).toBe('AUDIT_ACCESS_RECORD_INVALID');
  });

  it('keeps records and decisions append-only', async () => {
    await expect(
      database.db.updateTable('access_record').set({ purpose: 'rewritten' }).execute(),
    ).rejects.toThrow(/access_record is append-only: UPDATE/);
    await expect(database.db.deleteFrom('access_seal_decision').execute()).rejects.toThrow(
      /access_seal_decision is append-only: DELETE/,
    );
  });
});
