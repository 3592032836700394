import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import { defineTestRegistries, ID, imClient } from '../test/fixtures.js';
import { GATEWAY_SCOPE } from './im-client.js';

const NOTARY_SYSTEM = 'KZ/GOV/150440012344/notary-system';
const PORTAL = 'KZ/GOV/990440000002/citizen-portal';

describe('GovStack Data API', () => {
  let test: TestApp;
  let key: string;
  let portalKey: string;
  const headers = () => ({
    authorization: `Bearer ${key}`,
    'information-mediator-client': NOTARY_SYSTEM,
  });
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    extra: Record<string, string> = headers(),
  ) =>
    test.app.inject({
      method,
      url,
      headers: extra,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const rows = async () =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from registry_record_version`.execute(
          test.database.db,
        )
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    test = await createTestApp();
    await defineTestRegistries(test.app);
    key = await imClient(test.app, NOTARY_SYSTEM, ['people:read', 'people:write', 'wills:read']);
    portalKey = await imClient(test.app, PORTAL, ['registries:data-usage']);
  });
  afterAll(() => test.close());

  describe('Information-Mediator-Client', () => {
    const create = {
      write: { content: { iin: ID.citizen, familyName: 'Садықова', givenName: 'Әйгерім' } },
    };

    it('refuses a call without the header, or with a malformed one, before reading the body', async () => {
      const before = await rows();
      const missing = await call('POST', '/data/people/1.0/create', create, {
        authorization: `Bearer ${key}`,
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json()).toMatchObject({
        code: 'REGISTRY_IM_CLIENT_MISSING',
        title: 'Information-Mediator-Client тақырыбы жоқ',
      });
      const malformed = await call(
        'POST',
        '/data/people/1.0/create',
        { nonsense: true },
        { ...headers(), 'information-mediator-client': 'KZ/GOV/only-three' },
      );
      expect(malformed.json()).toMatchObject({ status: 400, code: 'REGISTRY_IM_CLIENT_INVALID' });
      expect(await rows()).toBe(before);
    });

    it('refuses a header that is not the registered client of the key, and a call with no key', async () => {
      const before = await rows();
      const unknown = await call('POST', '/data/people/1.0/create', create, {
        ...headers(),
        'information-mediator-client': 'KZ/GOV/000000000000/impostor',
      });
      expect(unknown.statusCode).toBe(403);
      expect(unknown.json()).toMatchObject({ code: 'REGISTRY_IM_CLIENT_UNKNOWN' });
      const anonymous = await call('POST', '/data/people/1.0/create', create, {
        'information-mediator-client': NOTARY_SYSTEM,
      });
      expect(anonymous.statusCode).toBe(401);
      const list = await call('GET', '/data/people/1.0', undefined, {
        'information-mediator-client': PORTAL,
        authorization: `Bearer ${key}`,
      });
      expect(list.json()).toMatchObject({ code: 'REGISTRY_IM_CLIENT_UNKNOWN' });
      expect(await rows()).toBe(before);
    });

    it('lets the bridge gateway’s key name the client it has checked, with its own scopes', async () => {
      const gateway = await imClient(test.app, 'KZ/GOV/070540001234/bridge-gateway', [
        'people:read',
        GATEWAY_SCOPE,
      ]);
      const asserted = await call('GET', '/data/people/1.0', undefined, {
        'information-mediator-client': 'KZ/COM/150440012344/crm',
        authorization: `Bearer ${gateway}`,
      });
      expect(asserted.statusCode, asserted.body).toBe(200);
      // Its scopes are still its own: it may not write.
      const write = await call('POST', '/data/people/1.0/create', create, {
        'information-mediator-client': 'KZ/COM/150440012344/crm',
        authorization: `Bearer ${gateway}`,
      });
      expect(write.statusCode).toBe(403);
    });
  });

  describe('records', () => {
    let citizenId: string;

    it('creates, answering in the caller’s form', async () => {
      const current = await call('POST', '/data/people/1.0/create', {
        write: {
          content: {
            iin: ID.citizen,
            familyName: 'Садықова',
            givenName: 'Әйгерім',
            city: 'Almaty',
          },
        },
      });
      expect(current.statusCode).toBe(200);
      citizenId = current.json().content.id;
      expect(current.json().content).toEqual({
        id: citizenId,
        iin: ID.citizen,
        familyName: 'Садықова',
        givenName: 'Әйгерім',
        city: 'Almaty',
      });
      const asTested = await call('POST', '/data/people/1.0/create', {
        write: {
          content: { IIN: ID.other, FamilyName: 'Бекұлы', GivenName: 'Данияр', City: 'Almaty' },
        },
      });
      expect(asTested.statusCode).toBe(200);
      expect(Object.keys(asTested.json().content)).toEqual([
        'ID',
        'Iin',
        'FamilyName',
        'GivenName',
        'City',
      ]);
    });

    it('refuses bad content with field problems in the language of the deployment', async () => {
      const bad = await call(
        'POST',
        '/data/people/1.0/create',
        { write: { content: { iin: '85072540002', colour: 'red' } } },
        headers(),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        code: 'REGISTRY_RECORD_INVALID',
        title: 'Жазба деректерінде қателер бар',
      });
      expect(bad.json().errors).toEqual(
        expect.arrayContaining([
          {
            field: 'colour',
            code: 'REGISTRY_UNKNOWN_FIELD',
            message: 'Тізілімде «colour» өрісі жоқ',
          },
        ]),
      );
      const duplicate = await call('POST', '/data/people/1.0/create', {
        write: { content: { iin: ID.citizen, familyName: 'X', givenName: 'Y' } },
      });
      expect(duplicate.json()).toMatchObject({ status: 409, code: 'REGISTRY_DUPLICATE_KEY' });
      const noBody = await call('POST', '/data/people/1.0/create', {});
      expect(noBody.json()).toMatchObject({ status: 400, code: 'HTTP_VALIDATION_FAILED' });
      const unknownRegistry = await call('POST', '/data/nowhere/1.0/create', {
        write: { content: {} },
      });
      expect(unknownRegistry.json()).toMatchObject({ status: 404, code: 'REGISTRY_NOT_FOUND' });
    });

    it('reads one record, and answers a miss with 404 "no record found"', async () => {
      const found = await call('POST', '/data/people/1.0/read', {
        query: { content: { IIN: ID.citizen } },
      });
      expect(found.json().content).toMatchObject({ ID: citizenId, FamilyName: 'Садықова' });
      const missing = await call('POST', '/data/people/1.0/read', {
        query: { content: { iin: ID.notary } },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({
        detail: 'no record found',
        code: 'REGISTRY_RECORD_NOT_FOUND',
      });
      const forbidden = await call('POST', '/data/wills/1.0/create', {
        write: { content: { number: 'W', testatorIin: ID.citizen, status: 'sealed' } },
      });
      expect(forbidden.json()).toMatchObject({ status: 403, code: 'REGISTRY_WRITE_FORBIDDEN' });
    });

    it('answers exists', async () => {
      const yes = await call('POST', '/data/people/1.0/exists', {
        query: { content: { iin: ID.citizen } },
      });
      expect(yes.json()).toEqual({
        answer: { status: true, message: 'Жазба табылды' },
      });
      const no = await call('POST', '/data/people/1.0/exists', {
        query: { content: { iin: ID.notary } },
      });
      expect(no.json().answer.status).toBe(false);
      const empty = await call('POST', '/data/people/1.0/exists', { query: { content: {} } });
      expect(empty.json()).toMatchObject({
        status: 400,
        code: 'REGISTRY_RECORD_INVALID',
        errors: [{ code: 'REGISTRY_QUERY_EMPTY' }],
      });
    });

    it('lists pages with count and a non-null next, in both spellings, never with an IIN in the address', async () => {
      const first = await call('GET', '/data/people/1.0?pageSize=1&query.city=Almaty');
      expect(first.json()).toMatchObject({
        count: 1,
        previous: null,
        next: '/data/people/1.0?pageSize=1&query.city=Almaty&page=2',
      });
      expect(first.json().results[0]).toMatchObject({ id: citizenId });
      const second = await call('GET', '/data/people/1.0?page=2&page_size=1&query.City=Almaty');
      expect(second.json()).toMatchObject({
        count: 1,
        previous: expect.stringContaining('page=1'),
      });
      expect(second.json().results[0]).toHaveProperty('FamilyName', 'Бекұлы');
      const past = await call('GET', '/data/people/1.0?page=9&pageSize=5');
      expect(past.json()).toMatchObject({ count: 0, results: [] });
      expect(past.json().next).toEqual(expect.any(String));
      const search = await call(
        'GET',
        '/data/people/1.0?search=бек&filter=familyName&ordering=descending',
      );
      expect(search.json().results.map((r: { iin: string }) => r.iin)).toEqual([ID.other]);
      for (const url of [
        `/data/people/1.0?query.iin=${ID.citizen}`,
        `/data/people/1.0?search=${ID.citizen}`,
      ]) {
        const refused = await call('GET', url);
        expect(refused.json()).toMatchObject({ status: 400, code: 'REGISTRY_IDENTIFIER_IN_URL' });
      }
      const unknownParameter = await call('GET', '/data/people/1.0?colour=red');
      expect(unknownParameter.statusCode).toBe(400);
    });

    it('updates, repeated calls (the first one empty) stay successful and write once', async () => {
      const before = await rows();
      const empty = await test.app.inject({
        method: 'PUT',
        url: '/data/people/1.0/update',
        headers: { ...headers(), 'content-type': 'application/json' },
        payload: '',
      });
      expect(empty.statusCode).toBe(200);
      const body = {
        query: { content: { iin: ID.citizen } },
        write: { content: { city: 'Astana' } },
      };
      expect((await call('PUT', '/data/people/1.0/update', body)).json()).toEqual({ updated: 1 });
      expect((await call('PUT', '/data/people/1.0/update', body)).json()).toEqual({ updated: 1 });
      expect(await rows()).toBe(before + 1);
      const missing = await call('PUT', '/data/people/1.0/update', {
        query: { content: { iin: ID.notary } },
        write: { content: { city: 'X' } },
      });
      expect(missing.json()).toMatchObject({ status: 404, code: 'REGISTRY_RECORD_NOT_FOUND' });
    });

    it('updates entries and updates-or-creates on both paths', async () => {
      for (const path of ['updateEntries', 'update-entries']) {
        const response = await call('PUT', `/data/people/1.0/${path}`, {
          query: { content: { givenName: 'Данияр' } },
          write: { content: { city: path } },
        });
        expect(response.json()).toEqual({ updated: 1 });
      }
      const created = await call('POST', '/data/people/1.0/updateOrCreate', {
        query: { content: { iin: ID.notary } },
        write: { content: { familyName: 'Жақыпова', givenName: 'Гүлнар' } },
      });
      expect(created.json().content).toMatchObject({ iin: ID.notary, familyName: 'Жақыпова' });
      const updated = await call('POST', '/data/people/1.0/update-or-create', {
        query: { content: { iin: ID.notary } },
        write: { content: { city: 'Shymkent' } },
      });
      expect(updated.json().content).toMatchObject({
        ID: created.json().content.id,
        City: 'Shymkent',
      });
    });

    it('reads one value as json or txt, on both paths', async () => {
      const json = await call('GET', `/data/people/1.0/${citizenId}/read-value/family_name.json`);
      expect(json.json()).toEqual({ value: 'Садықова' });
      const txt = await call('GET', `/data/people/1.0/${citizenId}/readValue/city.txt`);
      expect(txt.headers['content-type']).toContain('text/plain');
      expect(txt.body).toBe('Astana');
      expect(
        (await call('GET', `/data/people/1.0/${citizenId}/readValue/city.xml`)).json(),
      ).toMatchObject({ code: 'REGISTRY_VALUE_FORMAT_UNSUPPORTED' });
      expect(
        (await call('GET', `/data/people/1.0/${citizenId}/readValue/colour.json`)).json(),
      ).toMatchObject({ code: 'REGISTRY_RECORD_INVALID' });
    });

    it('deletes logically; deleting again is a success, an unknown id a 404', async () => {
      const person = (
        await call('POST', '/data/people/1.0/read', { query: { content: { iin: ID.notary } } })
      ).json().content;
      expect((await call('DELETE', `/data/people/1.0/${person.id}/delete`)).statusCode).toBe(204);
      expect((await call('DELETE', `/data/people/1.0/${person.id}/delete`)).statusCode).toBe(204);
      expect(
        (await call('POST', '/data/people/1.0/read', { query: { content: { iin: ID.notary } } }))
          .statusCode,
      ).toBe(404);
      expect(
        (await call('DELETE', '/data/people/1.0/00000000-0000-4000-8000-000000000000/delete'))
          .statusCode,
      ).toBe(404);
    });
  });

  describe('MyPersonalDataUsage', () => {
    const portal = () => ({
      authorization: `Bearer ${portalKey}`,
      'information-mediator-client': PORTAL,
    });

    it('tells a person who read their data, in both forms; an IIN only in a body', async () => {
      const person = (await findPersonByNationalId(test.database.db, 'kz', ID.citizen))!;
      const asTested = await call(
        'GET',
        `/data/MyPersonalDataUsage/1.0?userID=${person.id}&DatabaseID=people`,
        undefined,
        portal(),
      );
      expect(asTested.statusCode).toBe(200);
      const reads = asTested.json();
      expect(reads.length).toBeGreaterThanOrEqual(3);
      expect(reads[0]).toMatchObject({
        ReaderID: NOTARY_SYSTEM,
        ReaderInstitutionName: 'GOV/150440012344',
        Refrences: [{ ReferenceID: expect.any(String) }],
        LegalBasis: 'Law on national registers of identification numbers',
      });
      const current = await call(
        'POST',
        '/data/myPersonalDataUsage',
        { userId: ID.citizen, databaseId: 'people' },
        portal(),
      );
      expect(current.json()).toHaveLength(reads.length + 0);
      expect(current.json()[0]).toHaveProperty('readerInstitutionName', 'GOV/150440012344');
      const inAddress = await call(
        'GET',
        `/data/myPersonalDataUsage?userId=${ID.citizen}`,
        undefined,
        portal(),
      );
      expect(inAddress.json()).toMatchObject({ status: 400, code: 'REGISTRY_IDENTIFIER_IN_URL' });
      const noScope = await call('POST', '/data/MyPersonalDataUsage/1.0', { userID: ID.citizen });
      expect(noScope.json()).toMatchObject({ status: 403, code: 'AUTH_SCOPE_MISSING' });
    });
  });

  it('answers malformed JSON with a stable code', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/data/people/1.0/read',
      headers: { ...headers(), 'content-type': 'application/json' },
      payload: '{"query":',
    });
    expect(response.json()).toMatchObject({ status: 400, code: 'HTTP_MALFORMED_JSON' });
  });

  it('lists the routes on the API reference page', async () => {
    const page = await test.app.inject({
      method: 'GET',
      url: '/api/reference',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/data/{registryName}/{versionNumber}/update-or-create');
  });

  it('describes every route in the OpenAPI document', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/data/{registryName}/{versionNumber}',
      '/data/{registryName}/{versionNumber}/create',
      '/data/{registryName}/{versionNumber}/update-entries',
      '/data/{registryName}/{versionNumber}/updateOrCreate',
      '/data/{registryName}/{versionNumber}/{uuid}/read-value/{fieldAndExt}',
      '/data/MyPersonalDataUsage/1.0',
      '/databases',
      '/database/{id}',
      '/database/modify',
      '/api/v1/registries/import',
    ])
      expect(document.paths, path).toHaveProperty([path]);
  });
});
