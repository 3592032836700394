import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { listAccessForPerson } from '../../../platform/audit/access/access-records.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import { defineTestRegistries, ID, peopleDefinition, reader, writer } from '../test/fixtures.js';
import { AccessRecordWriter, type AccessNote } from './access.js';
import { SYSTEM_ACTOR } from './actors.js';
import { registriesDeps, type RegistriesDeps } from './deps.js';
import { findRecord, getRecord } from './record-reads.js';
import { createRecord } from './record-writes.js';
import { defineRegistry, getRegistry } from './registries.js';

describe('access records of reads outside a transaction (batched with the look-ups)', () => {
  let test: TestApp;
  let deps: RegistriesDeps;
  let personId: string;
  const context = { actor: reader, purpose: 'Group commit test' };
  const count = async (table: 'access_record' | 'registry_access_link' | 'access_seal_decision') =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(deps.db))
        .rows[0]!.n,
    );

  beforeAll(async () => {
    test = await createTestApp();
    deps = registriesDeps(test.app.platform);
    await defineTestRegistries(test.app);
    await deps.db.transaction().execute(async (trx) => {
      await createRecord(
        trx,
        deps,
        writer,
        'people',
        { iin: ID.citizen, familyName: 'Садықова', givenName: 'Әйгерім', city: 'Almaty' },
        { reason: 'test' },
      );
      await createRecord(
        trx,
        deps,
        writer,
        'wills',
        { number: 'W-1', testatorIin: ID.citizen, status: 'sealed', person: ID.citizen },
        { reason: 'test' },
      );
    });
    personId = (await findPersonByNationalId(deps.db, 'kz', ID.citizen))!.id;
  });
  afterAll(() => test.close());

  it('answers each of many concurrent reads only once its access record and link are committed', async () => {
    const [records, links] = [await count('access_record'), await count('registry_access_link')];
    const reads = await Promise.all(
      Array.from({ length: 40 }, () =>
        findRecord(deps.db, deps, context, 'people', { iin: ID.citizen }).then(async (found) => {
          // Committed by the time the read returns: another connection sees it.
          const seen = await count('access_record');
          return { found, seen };
        }),
      ),
    );
    for (const { found, seen } of reads) {
      expect(found?.data.iin).toBe(ID.citizen);
      expect(seen).toBeGreaterThan(records);
    }
    expect(await count('access_record')).toBe(records + 40);
    expect(await count('registry_access_link')).toBe(links + 40);
    const page = await listAccessForPerson(deps.db, personId, 1);
    expect(page.records[0]).toMatchObject({
      accessorName: reader.name,
      purpose: 'Group commit test',
      legalBasis: peopleDefinition.legalBasis,
      source: 'people@1.0',
    });
  });

  it('reads look-ups of different shapes together, each recorded for its own reader and fields, a miss for nobody', async () => {
    await deps.db
      .transaction()
      .execute((trx) =>
        createRecord(
          trx,
          deps,
          writer,
          'people',
          { iin: ID.other, familyName: 'Омаров', givenName: 'Қайрат', city: 'Astana' },
          { reason: 'test' },
        ),
      );
    const citizen = await findRecord(deps.db, deps, context, 'people', { iin: ID.citizen });
    const other = (await findPersonByNationalId(deps.db, 'kz', ID.other))!.id;
    const before = await count('access_record');
    const as = (purpose: string) => ({ actor: reader, purpose });
    const reads = await Promise.all([
      findRecord(deps.db, deps, as('by iin'), 'people', { iin: ID.citizen }),
      findRecord(deps.db, deps, as('other by iin'), 'people', { iin: ID.other }),
      findRecord(deps.db, deps, as('by city'), 'people', { city: 'Astana' }),
      getRecord(deps.db, deps, as('by id'), 'people', citizen!.id),
      findRecord(deps.db, deps, as('two fields'), 'people', { iin: ID.citizen, city: 'Almaty' }),
      findRecord(deps.db, deps, as('two fields, no match'), 'people', {
        iin: ID.citizen,
        city: 'Astana',
      }),
      findRecord(deps.db, deps, as('nobody'), 'people', { iin: ID.unknown }),
    ]);
    expect(reads.map((read) => read?.data.iin)).toEqual([
      ID.citizen,
      ID.other,
      ID.other,
      ID.citizen,
      ID.citizen,
      undefined,
      undefined,
    ]);
    expect(await count('access_record')).toBe(before + 5);
    const written = await sql<{ purpose: string; person_id: string; fields: string[] }>`
      select r.purpose, r.person_id, r.fields from access_record r
      join registry_access_link l on l.access_record_id = r.id
      where r.purpose in ('by iin', 'other by iin', 'by city', 'by id', 'two fields')
      order by r.purpose`.execute(deps.db);
    expect(written.rows).toEqual([
      { purpose: 'by city', person_id: other, fields: ['iin', 'familyName', 'givenName'] },
      { purpose: 'by id', person_id: personId, fields: ['iin', 'familyName', 'givenName'] },
      { purpose: 'by iin', person_id: personId, fields: ['iin', 'familyName', 'givenName'] },
      { purpose: 'other by iin', person_id: other, fields: ['iin', 'familyName', 'givenName'] },
      { purpose: 'two fields', person_id: personId, fields: ['iin', 'familyName', 'givenName'] },
    ]);
  });

  it('seals the access record of a sealed class read in the same batch as plain ones', async () => {
    const will = await findRecord(deps.db, deps, context, 'wills', { number: 'W-1' });
    const [visible, decisions] = [
      (await listAccessForPerson(deps.db, personId, 1)).total,
      await count('access_seal_decision'),
    ];
    await Promise.all([
      ...Array.from({ length: 5 }, () =>
        findRecord(deps.db, deps, context, 'people', { iin: ID.citizen }),
      ),
      getRecord(deps.db, deps, context, 'wills', will!.id),
      getRecord(deps.db, deps, context, 'wills', will!.id),
    ]);
    expect((await listAccessForPerson(deps.db, personId, 1)).total).toBe(visible + 5);
    expect(await count('access_seal_decision')).toBe(decisions + 2);
  });

  it('fails only the read whose access record cannot be written, not its batch', async () => {
    const people = await getRegistry(deps, 'people');
    const found = await findRecord(deps.db, deps, context, 'people', { iin: ID.citizen });
    const note = (purpose: string): AccessNote => ({
      at: new Date(),
      input: {
        personId,
        accessorAccountId: null,
        accessorName: reader.name,
        accessorOrganisation: reader.organisation,
        purpose,
        legalBasis: peopleDefinition.legalBasis,
        fields: ['iin'],
        source: 'people@1.0',
      },
      registryId: people.id,
      recordId: found!.id,
    });
    // One writer: the first write goes out alone, the next four are queued into one batch.
    const writer1 = new AccessRecordWriter(deps.db, { writers: 1 });
    const before = await count('access_record');
    const outcomes = await Promise.allSettled([
      writer1.write([note('first')]),
      writer1.write([note('good 1')]),
      writer1.write([note('x'.repeat(2000))]),
      writer1.write([note('good 2')]),
      writer1.write([note('')]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({
      code: 'AUDIT_ACCESS_RECORD_INVALID',
    });
    expect(await count('access_record')).toBe(before + 3);
  });
});

describe('registry definitions cache', () => {
  let test: TestApp;
  let deps: RegistriesDeps;
  beforeAll(async () => {
    test = await createTestApp();
    deps = registriesDeps(test.app.platform);
    await defineTestRegistries(test.app);
  });
  afterAll(() => test.close());

  it('serves a changed definition at once after it is written', async () => {
    const first = await getRegistry(deps, 'people');
    expect(await getRegistry(deps, 'people')).toBe(first);
    await expect(
      findRecord(deps.db, deps, { actor: reader, purpose: 't' }, 'people', { phone: '1' }),
    ).rejects.toMatchObject({ code: 'REGISTRY_RECORD_INVALID' });
    await defineRegistry(
      deps,
      SYSTEM_ACTOR,
      {
        ...peopleDefinition,
        fields: [...peopleDefinition.fields, { name: 'phone', type: 'string', indexed: true }],
      },
      'phones',
    );
    const second = await getRegistry(deps, 'people');
    expect(second.revision).toBe(first.revision + 1);
    expect(
      await findRecord(deps.db, deps, { actor: reader, purpose: 't' }, 'people', { phone: '1' }),
    ).toBeUndefined();
  });
});
