import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { listAccessForPerson } from '../../../platform/audit/access/access-records.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import { totpCode } from '../../identity/service/totp.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { PASSWORD, seedAgency, seedUser } from '../../identity/test/fixtures.js';
import { registriesDeps } from '../service/deps.js';
import { createRecord } from '../service/record-writes.js';
import { getRecord } from '../service/record-reads.js';
import { defineTestRegistries, ID, imClient, reader, writer } from '../test/fixtures.js';

const ADMIN_SYSTEM = 'KZ/GOV/990440000002/registry-admin';

describe('registries API and GovStack Database API', () => {
  let test: TestApp;
  let officer: TestBrowser;
  let citizen: TestBrowser;
  let adminKey: string;
  let willId: string;

  beforeAll(async () => {
    test = await createTestApp();
    await defineTestRegistries(test.app);
    await seedAgency(test.app, 'ministry-justice');
    const created = await seedUser(test.app, {
      nationalId: '950604400057',
      role: 'officer',
      agencyCode: 'ministry-justice',
      familyName: 'Омарова',
      givenName: 'Дана',
      username: 'officer',
    });
    officer = new TestBrowser(test.app);
    await officer.signIn('officer', PASSWORD);
    await officer.get('/sign-in/code');
    await officer.postForm('/sign-in/code', { code: totpCode(created.totpSecret!, new Date()) });
    await officer.get('/sign-in');
    await seedUser(test.app, { nationalId: ID.other, role: 'citizen', username: 'citizen' });
    citizen = new TestBrowser(test.app);
    await citizen.signIn('citizen', PASSWORD);
    await citizen.get('/sign-in');
    adminKey = await imClient(test.app, ADMIN_SYSTEM, ['registries:admin']);

    const deps = registriesDeps(test.app.platform);
    await deps.db.transaction().execute(async (trx) => {
      await createRecord(
        trx,
        deps,
        writer,
        'people',
        { iin: ID.citizen, familyName: 'Садықова', givenName: 'Әйгерім' },
        { reason: 'test' },
      );
      const will = await createRecord(
        trx,
        deps,
        writer,
        'wills',
        { number: 'W-1', testatorIin: ID.citizen, status: 'sealed' },
        { reason: 'test' },
      );
      willId = will.id;
    });
    await getRecord(deps.db, deps, { actor: reader, purpose: 'inheritance case' }, 'wills', willId);
  });
  afterAll(() => test.close());

  describe('import', () => {
    const body = (allOrNothing: boolean) => ({
      registry: 'people',
      format: 'json',
      allOrNothing,
      reason: 'Transfer from the old register',
      content: JSON.stringify([
        { iin: ID.notary, familyName: 'Жақыпова', givenName: 'Гүлнар' },
        { iin: '750312400108', familyName: 'X', givenName: 'Y' },
      ]),
    });

    it('with allOrNothing, refuses the whole file naming each rejected line', async () => {
      const response = await officer.json('POST', '/api/v1/registries/import', body(true));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'REGISTRY_IMPORT_REJECTED',
        errors: [{ field: 'line 1: iin', code: 'IDENTITY_ID_BAD_CHECK_DIGIT' }],
      });
      expect(await findPersonByNationalId(test.database.db, 'kz', ID.notary)).toBeUndefined();
    });

    it('without it, loads valid rows and reports the others, translated', async () => {
      const response = await officer.json('POST', '/api/v1/registries/import', body(false));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        rows: 2,
        created: 1,
        committed: true,
        rejected: [
          {
            row: 2,
            line: 1,
            problems: [
              {
                field: 'iin',
                code: 'IDENTITY_ID_BAD_CHECK_DIGIT',
                message: 'IIN қате енгізілген: бақылау цифры сәйкес келмейді',
              },
            ],
          },
        ],
      });
      expect(await findPersonByNationalId(test.database.db, 'kz', ID.notary)).toBeDefined();
    });

    it('is refused to a citizen and to an anonymous caller', async () => {
      expect(
        (await citizen.json('POST', '/api/v1/registries/import', body(false))).json(),
      ).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
      const anonymous = await test.app.inject({
        method: 'POST',
        url: '/api/v1/registries/import',
        payload: body(false),
      });
      expect(anonymous.json()).toMatchObject({ status: 401 });
    });
  });

  describe('history and seals', () => {
    it('shows a record’s versions to an officer and records the read under the officer’s agency', async () => {
      const response = await officer.json('POST', '/api/v1/registries/history', {
        registry: 'wills',
        recordId: willId,
        reason: 'Inheritance case 2026-7',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().versions).toEqual([
        expect.objectContaining({
          revision: 1,
          operation: 'create',
          authorName: writer.name,
          reason: 'test',
        }),
      ]);
    });

    it('lifts the seal by a recorded decision; the person then sees the reads', async () => {
      const person = (await findPersonByNationalId(test.database.db, 'kz', ID.citizen))!;
      const visible = async () =>
        (await listAccessForPerson(test.database.db, person.id, 1)).records.filter(
          (r) => r.source === 'wills@1.0',
        );
      expect(await visible()).toEqual([]);
      expect(
        (
          await citizen.json('POST', '/api/v1/registries/seals/lift', {
            registry: 'wills',
            recordId: willId,
            reason: 'x',
          })
        ).statusCode,
      ).toBe(403);
      const lifted = await officer.json('POST', '/api/v1/registries/seals/lift', {
        registry: 'wills',
        recordId: willId,
        reason: 'Death of the testator registered, act 2026-14',
      });
      expect(lifted.json()).toEqual({ lifted: 2 });
      const reads = await visible();
      expect(reads.map((r) => [r.accessorName, r.accessorOrganisation])).toEqual(
        expect.arrayContaining([
          [reader.name, reader.organisation],
          ['Дана Омарова', 'Тестовое министерство'],
        ]),
      );
      const again = await officer.json('POST', '/api/v1/registries/seals/lift', {
        registry: 'wills',
        recordId: willId,
        reason: 'again',
      });
      expect(again.json()).toMatchObject({ status: 409, code: 'REGISTRY_NO_SEALED_ACCESS' });
    });
  });

  describe('GovStack Database API', () => {
    const headers = () => ({
      authorization: `Bearer ${adminKey}`,
      'information-mediator-client': ADMIN_SYSTEM,
    });
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      test.app.inject({ method, url, headers: headers(), ...(payload ? { payload } : {}) });
    let id: number;

    it('creates a registry from a GovStack schema (as-tested spelling), usable at once', async () => {
      const response = await call('POST', '/database/modify', {
        group_name: 'Test',
        catalog_name: 'Mother and Child',
        code: 'MCTS',
        legalBasis: 'Order of the Ministry of Health No. 1',
        schema: {
          type: 'object',
          properties: {
            ID: { type: 'string', primaryKey: true },
            RegistrationNumber: { type: 'string', 'x-key': true },
            ChildIin: {
              type: 'string',
              'x-ortaq-type': 'national-id',
              'x-personal-data': true,
              'x-subject': true,
            },
            Birthdate: { type: 'string', format: 'date', 'x-personal-data': true },
            Weight: { type: 'number' },
          },
          required: ['RegistrationNumber', 'ChildIin'],
        },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().properties.ChildIin).toMatchObject({
        'x-personal-data': true,
        'x-subject': true,
        'x-ortaq-type': 'national-id',
      });
      const databases = (await call('GET', '/databases')).json();
      const info = databases.databases.find(
        (database: { name: string }) => database.name === 'MCTS',
      );
      id = info.id;
      expect(info).toMatchObject({
        version: '1.0',
        isArchived: false,
        is_archived: false,
        fieldsUniques: [['RegistrationNumber']],
      });
      const one = (await call('GET', `/database/${id}`)).json();
      expect(one.schema.required).toEqual(['RegistrationNumber', 'ChildIin']);
    });

    it('refuses a schema without legal basis, and callers without the admin scope', async () => {
      const response = await call('POST', '/database/modify', {
        code: 'X',
        schema: { properties: { a: { type: 'string' } } },
      });
      expect(response.json()).toMatchObject({
        status: 400,
        code: 'REGISTRY_DEFINITION_INVALID',
        errors: expect.arrayContaining([expect.objectContaining({ field: 'legalBasis' })]),
      });
      const nested = await call('POST', '/database/modify', {
        code: 'Y',
        legalBasis: 'x',
        schema: { properties: { Child: { type: 'object' } } },
      });
      expect(nested.json().errors).toEqual([
        expect.objectContaining({ field: 'fields.0.type', code: 'REGISTRY_FIELD_TYPE_UNKNOWN' }),
      ]);
      const readerKey = await imClient(test.app, 'KZ/GOV/1/reader', ['registries:read']);
      const refused = await test.app.inject({
        method: 'DELETE',
        url: `/database/${id}`,
        headers: {
          authorization: `Bearer ${readerKey}`,
          'information-mediator-client': 'KZ/GOV/1/reader',
        },
      });
      expect(refused.json()).toMatchObject({ status: 403, code: 'AUTH_SCOPE_MISSING' });
      expect((await call('GET', '/database/99999')).json()).toMatchObject({
        status: 404,
        code: 'REGISTRY_NOT_FOUND',
      });
      const noHeader = await test.app.inject({
        method: 'GET',
        url: '/databases',
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(noHeader.json()).toMatchObject({ status: 400, code: 'REGISTRY_IM_CLIENT_MISSING' });
    });

    it('archives on delete, answering "Success" every time; the registry then takes no writes', async () => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await call('DELETE', `/database/${id}`);
        expect(response.statusCode).toBe(200);
        expect(response.json()).toBe('Success');
      }
      const info = (await call('GET', `/database/${id}`)).json();
      expect(info.isArchived).toBe(true);
      const writerKey = await imClient(test.app, 'KZ/GOV/2/writer', ['registries:write']);
      const write = await test.app.inject({
        method: 'POST',
        url: '/data/MCTS/1.0/create',
        headers: {
          authorization: `Bearer ${writerKey}`,
          'information-mediator-client': 'KZ/GOV/2/writer',
        },
        payload: { write: { content: { RegistrationNumber: 'R-1', ChildIin: ID.citizen } } },
      });
      expect(write.json()).toMatchObject({ status: 409, code: 'REGISTRY_ARCHIVED' });
    });
  });

  it('defines a registry through the registries API for an admin client', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/registries/definitions',
      headers: { authorization: `Bearer ${adminKey}` },
      payload: {
        definition: {
          name: 'streets',
          title: { kk: 'Көшелер', ru: 'Улицы', en: 'Streets' },
          legalBasis: 'Law on administrative-territorial structure',
          fields: [{ name: 'name', type: 'string', required: true }],
        },
      },
    });
    expect(response.json()).toMatchObject({
      name: 'streets',
      version: '1.0',
      revision: 1,
      created: true,
    });
  });
});
