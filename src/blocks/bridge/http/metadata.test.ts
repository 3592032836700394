import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { IIN } from '../../identity/test/fixtures.js';
import { POPULATION_OPENAPI, seedMember, type TestMember } from '../test/fixtures.js';

let test: TestApp;
let provider: TestMember;
let consumer: TestMember;
const PROVIDER = 'KZ/COM/070540001234/population';

beforeAll(async () => {
  test = await createTestApp();
  provider = await seedMember(test.app, {
    nationalId: IIN.officer,
    memberCode: '070540001234',
    subsystem: 'population',
    name: 'Population Registry Operator',
  });
  consumer = await seedMember(test.app, {
    nationalId: IIN.citizen,
    memberCode: '150440012344',
    subsystem: 'crm',
    name: 'Kaspi Test LLP',
  });
  const passport = await provider.browser.json('POST', '/api/v1/bridge/passports', {
    subsystemId: provider.subsystemId,
    serviceCode: 'read-person',
    purpose: 'Identify a customer',
    legalBasis: 'Law No. 94-V, Art. 8',
    dataClasses: ['familyName'],
    openapi: POPULATION_OPENAPI,
    baseUrl: 'http://127.0.0.1:9/population',
    ratePerSecond: 10,
    maxBodyBytes: 64,
    answerFormat: 'json',
    consentRequired: false,
    personIdField: 'iin',
  });
  const contract = await consumer.browser.json('POST', '/api/v1/bridge/contracts', {
    passportId: passport.json().id,
    consumerSubsystemId: consumer.subsystemId,
    purpose: 'Know your customer',
    legalBasis: 'AML law, Art. 5',
    expectedVolume: '100 a day',
  });
  await provider.browser.json('POST', `/api/v1/bridge/contracts/${contract.json().id}/approve`, {
    grant: { scope: 'endpoints', endpoints: [{ method: 'GET', path: '/people/{iin}' }] },
  });
});
afterAll(() => test.close());

const get = (url: string, client?: string) =>
  test.app.inject({ url, headers: client ? { 'x-govstack-client': client } : {} });

describe('GovStack Information Mediator service metadata', () => {
  it('listClients names members and their subsystems, in the current and the as-tested form', async () => {
    const current = await get('/listClients');
    expect(current.statusCode).toBe(200);
    expect(current.json().member).toContainEqual({
      name: 'Kaspi Test LLP',
      id: {
        objectType: 'APPLICATION',
        instanceId: 'KZ',
        memberClass: 'COM',
        memberCode: '150440012344',
        applicationCode: 'crm',
      },
    });
    expect(current.json().member).toContainEqual({
      name: 'Kaspi Test LLP',
      id: {
        objectType: 'MEMBER',
        instanceId: 'KZ',
        memberClass: 'COM',
        memberCode: '150440012344',
      },
    });
    const tested = await get('/r1/listClients?instanceId=KZ');
    expect(tested.json().member).toContainEqual({
      objectType: { object_type: 'APPLICATION' },
      GovStackInstance: 'KZ',
      memberClass: 'COM',
      memberCode: '070540001234',
      applicationCode: 'population',
    });
    expect((await get('/listClients?instanceId=KG')).json()).toEqual({ member: [] });
  });

  it('listMethods lists every endpoint of the provider’s services', async () => {
    for (const [url, form] of [
      [`/r1/${PROVIDER}/listMethods`, 'current'],
      [`/${PROVIDER}/listMethods`, 'as-tested'],
    ] as const) {
      const response = await get(url, consumer.client);
      expect(response.statusCode, url).toBe(200);
      const [service] = response.json().member;
      expect(service).toMatchObject({
        serviceType: 'REST',
        memberClass: 'COM',
        memberCode: '070540001234',
        applicationCode: 'population',
        serviceCode: 'read-person',
        serviceVersion: 'v1',
        ...(form === 'current'
          ? { objectType: 'SERVICE', instanceId: 'KZ' }
          : { objectType: { object_type: 'SERVICE' }, GovStackInstance: 'KZ' }),
      });
      expect(service.endpointList.member).toHaveLength(6);
      expect(service.endpointList.member).toContainEqual({
        method: 'POST',
        path: '/people/search',
      });
    }
    const narrowed = await get(`/r1/${PROVIDER}/listMethods?serviceId=nothing`);
    expect(narrowed.json()).toEqual({ member: [] });
  });

  it('allowedMethods lists only what the client’s approved contract grants', async () => {
    for (const url of [`/r1/${PROVIDER}/allowedMethods`, `/${PROVIDER}/allowedMethods`]) {
      const response = await get(url, consumer.client);
      expect(response.json().member).toHaveLength(1);
      expect(response.json().member[0].endpointList.member).toEqual([
        { method: 'GET', path: '/people/{iin}' },
      ]);
    }
    expect((await get(`/r1/${PROVIDER}/allowedMethods`, provider.client)).json()).toEqual({
      member: [],
    });
    expect((await get(`/r1/${PROVIDER}/allowedMethods`)).json()).toEqual({ member: [] });
  });

  it('getOpenAPI returns the passport’s document; an unknown service or provider is a 404', async () => {
    for (const url of [`/r1/${PROVIDER}/getOpenAPI`, `/${PROVIDER}/getOpenAPI`]) {
      const response = await get(`${url}?serviceCode=read-person`, consumer.client);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(POPULATION_OPENAPI);
    }
    const missing = await get(`/r1/${PROVIDER}/getOpenAPI`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'BRIDGE_SERVICE_CODE_REQUIRED' });
    const unknown = await get(`/r1/${PROVIDER}/getOpenAPI?serviceCode=nothing`);
    expect(unknown.json()).toMatchObject({ code: 'BRIDGE_SERVICE_UNKNOWN' });
    const provider404 = await get('/r1/KZ/COM/1/none/listMethods');
    expect(provider404.statusCode).toBe(404);
    expect(provider404.json()).toMatchObject({ code: 'BRIDGE_PROVIDER_UNKNOWN' });
  });
});
