import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { listAccessForPerson } from '../../../platform/audit/access/access-records.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import { defineTestRegistries, ID, peopleDefinition, reader, writer } from '../test/fixtures.js';
import { SYSTEM_ACTOR } from './actors.js';
import { registriesDeps, type RegistriesDeps } from './deps.js';
import {
  findRecord,
  findRecordsBy,
  getRecord,
  listRecords,
  readValue,
  recordExists,
  recordHistory,
} from './record-reads.js';
import { createRecord, deleteRecord, updateRecord, writeRecord } from './record-writes.js';
import { defineRegistry, getRegistry } from './registries.js';
import { liftSeals, personalDataUsage } from './seals.js';

describe('registry records', () => {
  let test: TestApp;
  let deps: RegistriesDeps;
  const context = { actor: reader, purpose: 'Pre-deal check' };
  const write = <T>(work: (trx: RegistriesDeps['db']) => Promise<T>) =>
    deps.db.transaction().execute(work);
  const count = async (table: 'access_record' | 'registry_record' | 'registry_record_version') =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(deps.db))
        .rows[0]!.n,
    );

  beforeAll(async () => {
    test = await createTestApp();
    deps = registriesDeps(test.app.platform);
    await defineTestRegistries(test.app);
  });
  afterAll(() => test.close());

  it('creates a record as version 1 and registers the person it is about', async () => {
    const record = await write((trx) =>
      createRecord(
        trx,
        deps,
        writer,
        'people',
        { IIN: ID.citizen, familyName: 'Садықова', given_name: 'Әйгерім', city: 'Almaty' },
        { reason: 'birth registration' },
      ),
    );
    expect(record).toMatchObject({ revision: 1, data: { iin: ID.citizen, givenName: 'Әйгерім' } });
    const person = await findPersonByNationalId(deps.db, 'kz', ID.citizen);
    expect(person).toMatchObject({ familyName: 'Садықова', birthDate: '1985-07-25' });
    expect(record.subjectPersonId).toBe(person!.id);
  });

  it('keeps every version with author, organisation, time and reason; delete is logical', async () => {
    const created = await write((trx) =>
      createRecord(
        trx,
        deps,
        writer,
        'people',
        { iin: ID.other, familyName: 'Бекұлы', givenName: 'Данияр' },
        { reason: 'r1' },
      ),
    );
    const updated = await write((trx) =>
      updateRecord(
        trx,
        deps,
        writer,
        'people',
        created.id,
        { city: 'Astana' },
        { reason: 'moved' },
      ),
    );
    expect(updated.revision).toBe(2);
    // The same data again writes no version.
    const again = await write((trx) =>
      updateRecord(
        trx,
        deps,
        writer,
        'people',
        created.id,
        { City: 'Astana' },
        { reason: 'again' },
      ),
    );
    expect(again.revision).toBe(2);
    await write((trx) =>
      deleteRecord(trx, deps, writer, 'people', created.id, { reason: 'error' }),
    );
    await write((trx) =>
      deleteRecord(trx, deps, writer, 'people', created.id, { reason: 'twice' }),
    );
    expect(await findRecord(deps.db, deps, context, 'people', { iin: ID.other })).toBeUndefined();
    const history = await recordHistory(deps.db, deps, context, 'people', created.id);
    expect(
      history.map((version) => [
        version.revision,
        version.operation,
        version.reason,
        version.data.city ?? null,
      ]),
    ).toEqual([
      [1, 'create', 'r1', null],
      [2, 'update', 'moved', 'Astana'],
      [3, 'delete', 'error', 'Astana'],
    ]);
    expect(history[0]).toMatchObject({
      authorName: writer.name,
      authorOrganisation: writer.organisation,
      authorAccountId: null,
    });
    expect(history[0]!.recordedAt).toBeInstanceOf(Date);
    // A deleted record's key is free again.
    const reborn = await write((trx) =>
      writeRecord(trx, deps, writer, 'people', {
        data: { iin: ID.other, familyName: 'Бекұлы', givenName: 'Данияр' },
        reason: 'again',
      }),
    );
    expect(reborn.id).not.toBe(created.id);
  });

  it('refuses a version history row change: the history is append-only', async () => {
    await expect(
      sql`update registry_record_version set reason = 'x'`.execute(deps.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from registry_record_version`.execute(deps.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses bad writes with stable codes and writes nothing', async () => {
    const before = [await count('registry_record'), await count('registry_record_version')];
    const attempt = (values: Record<string, unknown>, ref = 'people') =>
      write((trx) => createRecord(trx, deps, writer, ref, values, { reason: 'test' }));
    await expect(
      attempt({ iin: ID.citizen, familyName: 'X', givenName: 'Y' }),
    ).rejects.toMatchObject({ code: 'REGISTRY_DUPLICATE_KEY', status: 409 });
    await expect(
      attempt({ iin: '850725400025', familyName: 'X', givenName: 'Y' }),
    ).rejects.toMatchObject({
      code: 'REGISTRY_RECORD_INVALID',
      fields: [{ field: 'iin', code: 'IDENTITY_ID_BAD_CHECK_DIGIT', params: { label: 'IIN' } }],
    });
    await expect(
      attempt({ iin: ID.notary, familyName: 'X', givenName: 'Y', birthDate: '1975-03-13' }),
    ).rejects.toMatchObject({ code: 'IDENTITY_BIRTH_DATE_MISMATCH' });
    await expect(
      attempt({ number: 'W-1', testatorIin: ID.unknown, status: 'sealed' }, 'wills'),
    ).rejects.toMatchObject({ code: 'REGISTRY_SUBJECT_UNKNOWN' });
    await expect(
      attempt(
        { number: 'W-1', testatorIin: ID.citizen, status: 'sealed', person: ID.notary },
        'wills',
      ),
    ).rejects.toMatchObject({
      code: 'REGISTRY_RECORD_INVALID',
      fields: [
        { field: 'person', code: 'REGISTRY_REFERENCE_NOT_FOUND', params: { name: 'people.iin' } },
      ],
    });
    await expect(attempt({ iin: ID.notary }, 'nowhere')).rejects.toMatchObject({
      code: 'REGISTRY_NOT_FOUND',
      status: 404,
    });
    await expect(
      write((trx) =>
        createRecord(
          trx,
          deps,
          reader,
          'people',
          { iin: ID.notary, familyName: 'X', givenName: 'Y' },
          { reason: 'x' },
        ),
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_WRITE_FORBIDDEN', status: 403 });
    await expect(
      write((trx) =>
        createRecord(
          trx,
          deps,
          writer,
          'people',
          { iin: ID.notary, familyName: 'X', givenName: 'Y' },
          { reason: ' ' },
        ),
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_REASON_REQUIRED' });
    expect([await count('registry_record'), await count('registry_record_version')]).toEqual(
      before,
    );
    expect(await findPersonByNationalId(deps.db, 'kz', ID.notary)).toBeUndefined();
  });

  it('writes an access record for every read of personal data, in the same transaction', async () => {
    const person = (await findPersonByNationalId(deps.db, 'kz', ID.citizen))!;
    const before = (await listAccessForPerson(deps.db, person.id, 1)).total;
    const found = await findRecord(deps.db, deps, context, 'people', { iin: ID.citizen });
    expect(found?.data.familyName).toBe('Садықова');
    const after = await listAccessForPerson(deps.db, person.id, 1);
    expect(after.total).toBe(before + 1);
    expect(after.records[0]).toMatchObject({
      accessorName: reader.name,
      accessorOrganisation: reader.organisation,
      purpose: 'Pre-deal check',
      legalBasis: peopleDefinition.legalBasis,
      fields: ['iin', 'familyName', 'givenName'],
      source: 'people@1.0',
    });
    // read-value and exists record only the fields they read; a match on no personal field, none.
    await readValue(
      deps.db,
      deps,
      { ...context, legalBasis: 'Consent 42' },
      'people',
      found!.id,
      'Family_Name',
    );
    expect(await recordExists(deps.db, deps, context, 'people', { iin: ID.citizen })).toBe(true);
    expect(await recordExists(deps.db, deps, context, 'people', { city: 'Almaty' })).toBe(true);
    expect(await recordExists(deps.db, deps, context, 'people', { city: 'Nowhere' })).toBe(false);
    const latest = await listAccessForPerson(deps.db, person.id, 1);
    expect(latest.total).toBe(before + 3);
    expect(latest.records.slice(0, 2).map((record) => [record.fields, record.legalBasis])).toEqual([
      [['iin'], peopleDefinition.legalBasis],
      [['familyName'], 'Consent 42'],
    ]);
  });

  it('rolls the access record back with the read that failed, and vice versa', async () => {
    const person = (await findPersonByNationalId(deps.db, 'kz', ID.citizen))!;
    const before = (await listAccessForPerson(deps.db, person.id, 1)).total;
    await expect(
      deps.db.transaction().execute(async (trx) => {
        await findRecord(trx, deps, context, 'people', { iin: ID.citizen });
        throw new Error('the caller failed after reading');
      }),
    ).rejects.toThrow('the caller failed');
    expect((await listAccessForPerson(deps.db, person.id, 1)).total).toBe(before);
  });

  it('refuses a reader without the registry permission, and records nothing', async () => {
    const before = await count('access_record');
    await expect(
      findRecord(
        deps.db,
        deps,
        { ...context, actor: { ...reader, scopes: ['wills:read'] } },
        'people',
        { iin: ID.citizen },
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_READ_FORBIDDEN', status: 403 });
    expect(await count('access_record')).toBe(before);
    const officer = { ...reader, scopes: [], roles: ['citizen', 'officer'] };
    expect(
      await findRecord(deps.db, deps, { ...context, actor: officer }, 'people', {
        iin: ID.citizen,
      }),
    ).toBeDefined();
  });

  it('looks identifiers up through the per-registry expression index', async () => {
    const registry = await getRegistry(deps, 'people');
    const indexes = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where tablename = 'registry_record' and indexname like ${`registry_r${registry.id}_%`}
      order by indexname`.execute(deps.db);
    expect(indexes.rows.map((row) => row.indexname)).toEqual([
      `registry_r${registry.id}_city`,
      `registry_r${registry.id}_key_iin`,
    ]);
    expect(indexes.rows[1]!.indexdef).toMatch(
      /UNIQUE INDEX .*\(data ->> 'iin'::text\)+ WHERE \(\(registry_id = \d+\) AND \(NOT deleted\)\)/,
    );
    // Many rows of other registries and of this one: the plan still descends the index.
    await sql`insert into registry_record (registry_id, revision, data, created_at, updated_at)
      select ${registry.id}, 1, jsonb_build_object('iin', lpad(i::text, 12, '0'), 'city', 'X'), now(), now()
      from generate_series(1, 5000) i`.execute(deps.db);
    await sql`analyze registry_record`.execute(deps.db);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from registry_record
      where registry_id = ${sql.lit(registry.id)} and (data ->> 'iin') = ${ID.citizen} and not deleted`.execute(
      deps.db,
    );
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(
      `registry_r${registry.id}_key_iin`,
    );
  });

  it('lists a page, searches, and finds every record of a person', async () => {
    const page = await listRecords(deps.db, deps, context, 'people', {
      conditions: { city: 'X' },
      page: 2,
      pageSize: 10,
    });
    expect(page.records).toHaveLength(10);
    const searched = await listRecords(deps.db, deps, context, 'people', {
      search: 'садық',
      searchField: 'family_name',
      page: 1,
      pageSize: 10,
    });
    expect(searched.records.map((record) => record.data.iin)).toEqual([ID.citizen]);
    await expect(
      listRecords(deps.db, deps, context, 'people', {
        searchField: 'colour',
        page: 1,
        pageSize: 1,
      }),
    ).rejects.toMatchObject({ code: 'REGISTRY_RECORD_INVALID' });
    const all = await findRecordsBy(deps.db, deps, context, 'people', { city: 'Almaty' });
    expect(all.map((record) => record.data.iin)).toEqual([ID.citizen]);
    await expect(
      getRecord(deps.db, deps, context, 'people', '00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject({ code: 'REGISTRY_RECORD_NOT_FOUND' });
    await expect(getRecord(deps.db, deps, context, 'people', 'not-a-uuid')).rejects.toMatchObject({
      code: 'REGISTRY_RECORD_NOT_FOUND',
    });
  });

  it('seals access records of a sealed class until a recorded decision lifts them', async () => {
    const person = (await findPersonByNationalId(deps.db, 'kz', ID.citizen))!;
    const will = await write((trx) =>
      createRecord(
        trx,
        deps,
        writer,
        'wills',
        { number: 'W-7', testatorIin: ID.citizen, status: 'sealed', person: ID.citizen },
        { reason: 'will certified' },
      ),
    );
    const visibleBefore = (await listAccessForPerson(deps.db, person.id, 1)).total;
    await getRecord(deps.db, deps, context, 'wills', will.id);
    expect((await listAccessForPerson(deps.db, person.id, 1)).total).toBe(visibleBefore);
    expect((await personalDataUsage(deps, { nationalId: ID.citizen }, 'wills')).length).toBe(0);
    const audited = await sql<{
      n: string;
    }>`select count(*) as n from audit_log where action = 'access.seal'`.execute(deps.db);
    expect(Number(audited.rows[0]!.n)).toBeGreaterThan(0);

    await expect(liftSeals(deps, SYSTEM_ACTOR, 'wills', will.id, '')).rejects.toMatchObject({
      code: 'REGISTRY_REASON_REQUIRED',
    });
    const officer = { ...SYSTEM_ACTOR, system: false, accountId: null, name: 'Notary Zh.' };
    expect(
      await liftSeals(deps, officer, 'wills', will.id, 'Death registered, act 2026-14'),
    ).toEqual({ lifted: 1 });
    const usage = await personalDataUsage(deps, { personId: person.id }, 'wills');
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      recordId: will.id,
      record: { accessorName: reader.name, source: 'wills@1.0' },
    });
    await expect(liftSeals(deps, officer, 'wills', will.id, 'again')).rejects.toMatchObject({
      code: 'REGISTRY_NO_SEALED_ACCESS',
      status: 409,
    });

    // Once the will is opened, its reads are no longer sealed.
    await write((trx) =>
      updateRecord(trx, deps, writer, 'wills', will.id, { status: 'opened' }, { reason: 'opened' }),
    );
    await getRecord(deps.db, deps, context, 'wills', will.id);
    expect(await personalDataUsage(deps, { personId: person.id }, 'wills')).toHaveLength(2);
  });

  it('takes a new revision of a definition and refuses an incompatible one', async () => {
    const deps2 = deps;
    const added = {
      ...peopleDefinition,
      fields: [...peopleDefinition.fields, { name: 'phone', type: 'string', indexed: true }],
    };
    const result = await defineRegistry(deps2, SYSTEM_ACTOR, added, 'phones');
    expect(result).toMatchObject({ created: false, changed: true, registry: { revision: 2 } });
    expect((await defineRegistry(deps2, SYSTEM_ACTOR, added, 'same')).changed).toBe(false);
    await expect(
      defineRegistry(
        deps2,
        SYSTEM_ACTOR,
        {
          ...added,
          key: 'city',
          fields: added.fields.map((f) => (f.name === 'city' ? { ...f, required: true } : f)),
        },
        'x',
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_KEY_CHANGED', status: 409 });
    await expect(
      defineRegistry(
        deps2,
        SYSTEM_ACTOR,
        {
          ...added,
          fields: added.fields.map((f) => (f.name === 'city' ? { ...f, type: 'integer' } : f)),
        },
        'x',
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_FIELD_TYPE_CHANGED' });
    await expect(
      defineRegistry(
        deps2,
        SYSTEM_ACTOR,
        {
          ...peopleDefinition,
          name: 'x',
          fields: [
            ...peopleDefinition.fields,
            {
              name: 'y',
              type: 'reference',
              references: { registry: 'people', field: 'familyName' },
            },
          ],
        },
        'x',
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_REFERENCE_NOT_INDEXED' });
    await expect(defineRegistry(deps2, SYSTEM_ACTOR, { name: 'bad' }, 'x')).rejects.toMatchObject({
      code: 'REGISTRY_DEFINITION_INVALID',
      status: 400,
    });
    const versions = await sql<{
      n: string;
    }>`select count(*) as n from registry_definition_version`.execute(deps.db);
    expect(Number(versions.rows[0]!.n)).toBe(3);
  });
});
