import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { seedDemo } from '../../../cli/seed.js';
import { findRecord, findRecordsBy } from '../service/record-reads.js';
import { registriesDeps, type ReadContext } from '../service/deps.js';
import { SYSTEM_ACTOR } from '../service/actors.js';
import { KZ_REGISTRIES, readKzDefinition } from './seed-demo-registries.js';
import { parseDefinition } from '../domain/definition.js';

describe('demo registries of the Kazakhstan profile', () => {
  let test: TestApp;
  const context: ReadContext = { actor: SYSTEM_ACTOR, purpose: 'test of the demo data' };
  const versions = async () =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from registry_record_version`.execute(
          test.database.db,
        )
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemo(test.app.platform, test.app.log);
  });
  afterAll(() => test.close());

  it('ships definition files that parse', async () => {
    for (const name of KZ_REGISTRIES)
      expect(parseDefinition(await readKzDefinition(name)).ok, name).toBe(true);
  });

  it('gives the demo citizen a flat, and makes the flats, owners and encumbrances coherent', async () => {
    const deps = registriesDeps(test.app.platform);
    const owned = await findRecordsBy(deps.db, deps, context, 'flat-owners', {
      ownerIin: '850725400024',
    });
    expect(
      owned.map((record) => [
        record.data.cadastralNumber,
        record.data.shareNumerator,
        record.data.shareDenominator,
      ]),
    ).toEqual([['20:311:004:017:1/15', 1, 1]]);
    const shared = await findRecordsBy(deps.db, deps, context, 'flat-owners', {
      cadastralNumber: '20:311:004:017:1/42',
    });
    const total = shared.reduce(
      (sum, record) =>
        sum + Number(record.data.shareNumerator) / Number(record.data.shareDenominator),
      0,
    );
    expect(total).toBe(1);
    const mortgage = await findRecord(deps.db, deps, context, 'encumbrances', {
      cadastralNumber: '20:311:004:017:1/42',
    });
    expect(mortgage?.data).toMatchObject({
      kind: 'mortgage',
      status: 'active',
      authorityBin: '920140000103',
    });
    const arrest = await findRecord(deps.db, deps, context, 'encumbrances', { kind: 'arrest' });
    expect(arrest?.data.cadastralNumber).toBe('20:312:018:044:3/101');
    const deceased = await findRecord(deps.db, deps, context, 'population', {
      iin: '420101300402',
    });
    expect(deceased?.data.deceasedDate).toBe('2025-03-14');
    const business = await findRecord(deps.db, deps, context, 'legal-entities', {
      bin: '150440012344',
    });
    expect(business?.data.headIin).toBe('900101300017');
  });

  it('gives the demo notary and architect valid licences and accounts', async () => {
    const deps = registriesDeps(test.app.platform);
    for (const [iin, kind] of [
      ['750312400107', 'notary'],
      ['800915300200', 'architect'],
    ] as const) {
      const licence = await findRecord(deps.db, deps, context, 'licences', {
        holderIin: iin,
        kind,
      });
      expect(licence?.data.status).toBe('active');
    }
    const revoked = await findRecord(deps.db, deps, context, 'licences', {
      number: 'ARC-2015-00088',
    });
    expect(revoked?.data.status).toBe('revoked');
    const accounts = await test.database.db
      .selectFrom('identity_account')
      .select('username')
      .where('username', 'in', ['demo-notary', 'demo-architect'])
      .execute();
    expect(accounts).toHaveLength(2);
  });

  it('is idempotent: a second seed writes no version', async () => {
    const before = await versions();
    expect(before).toBeGreaterThan(30);
    await seedDemo(test.app.platform, test.app.log);
    expect(await versions()).toBe(before);
  });
});
