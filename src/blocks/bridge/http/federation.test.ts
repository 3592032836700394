import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test/support/free-port.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD, seedUser } from '../../identity/test/fixtures.js';
import { totpCode } from '../../identity/service/totp.js';
import { authorityPem } from '../../trust/index.js';
import { authorityFingerprint, refusalOfFederationConfig } from '../domain/federation-config.js';
import {
  approveContract,
  POPULATION_OPENAPI,
  publishPassport,
  seedMember,
  signedCall,
  startUpstream,
  type TestMember,
  type Upstream,
} from '../test/fixtures.js';

/*
 * Two national deployments on loopback, each with its own database and CA: KZ (a bank, the
 * consumer) and KG (the population register, the provider). Each operator pins the other's CA
 * and configuration; a KZ member calls a KG passport through both gateways.
 */

interface Deployment {
  test: TestApp;
  origin: string;
  admin: TestBrowser;
}

let kz: Deployment;
let kg: Deployment;
let upstream: Upstream;
let provider: TestMember;
let bank: TestMember;

const KG_PIN = { provider: '21507198512345', admin: '10101199000017' };
const KG_SERVICE = '/KG/COM/01507199812345/population';

async function deployment(country: string, adminId: string): Promise<Deployment> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const test = await createTestApp({ env: { COUNTRY: country, PUBLIC_BASE_URL: origin } });
  await test.app.listen({ port, host: '127.0.0.1' });
  const root = await seedUser(test.app, { nationalId: adminId, role: 'admin', username: 'root' });
  const admin = new TestBrowser(test.app);
  await admin.signIn('root', PASSWORD);
  await admin.get('/sign-in/code');
  await admin.postForm('/sign-in/code', { code: totpCode(root.totpSecret as string, new Date()) });
  await admin.get('/sign-in');
  return { test, origin, admin };
}

/** `operator` pins `partner`'s CA (its fingerprint, as exchanged out of band) and configuration. */
async function federate(operator: Deployment, partner: Deployment, instance: string) {
  return operator.admin.json('POST', '/api/v1/bridge/federations', {
    instance,
    authorityFingerprint: authorityFingerprint(await authorityPem(partner.test.app.trust)),
    configurationUrl: `${partner.origin}/bridge/federation/configuration`,
  });
}

const call = (path: string) =>
  signedCall(kz.test.app, bank, { method: 'GET', path }).then((c) => c.send());

const exchanges = (side: Deployment) =>
  side.test.app.platform.db
    .selectFrom('bridge_exchange')
    .select(['id', 'client', 'service', 'status', 'request_hash', 'response_hash'])
    .orderBy('seq')
    .execute();

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ code });
}

beforeAll(async () => {
  upstream = await startUpstream();
  kz = await deployment('kz', IIN.admin);
  kg = await deployment('kg', KG_PIN.admin);
  provider = await seedMember(kg.test.app, {
    nationalId: KG_PIN.provider,
    memberCode: '01507199812345',
    subsystem: 'population',
    name: 'Population register of Kyrgyzstan',
  });
  bank = await seedMember(kz.test.app, {
    nationalId: IIN.citizen,
    memberCode: '150440012344',
    subsystem: 'crm',
    name: 'Bank of Almaty',
  });
  const people = await publishPassport(provider, {
    serviceCode: 'people',
    openapi: POPULATION_OPENAPI,
    baseUrl: upstream.baseUrl,
  });
  await publishPassport(provider, {
    serviceCode: 'registry',
    openapi: POPULATION_OPENAPI,
    baseUrl: upstream.baseUrl,
  });
  expect((await federate(kz, kg, 'KG')).statusCode).toBe(201);
  expect((await federate(kg, kz, 'KZ')).statusCode).toBe(201);
  // KG's operator registers the KZ bank as a foreign member, and requests access for it.
  const foreign = await kg.admin.json('POST', '/api/v1/bridge/members', {
    instance: 'KZ',
    memberClass: 'COM',
    memberCode: '150440012344',
    name: 'Bank of Almaty',
  });
  expect(foreign.statusCode, foreign.body).toBe(201);
  const subsystem = await kg.admin.json(
    'POST',
    `/api/v1/bridge/members/${foreign.json<{ id: string }>().id}/subsystems`,
    { code: 'crm' },
  );
  const foreignSubsystem = subsystem.json<{ subsystems: { id: string }[] }>().subsystems[0]!.id;
  await approveContract(
    provider,
    { browser: kg.admin },
    people,
    { scope: 'service' },
    foreignSubsystem,
  );
});
afterAll(async () => {
  await kz?.test.close();
  await kg?.test.close();
  await upstream?.close();
});

describe('federation configuration', () => {
  it("is published signed by the deployment's CA and accepted under its pin", async () => {
    const response = await kg.test.app.inject({
      method: 'GET',
      url: '/bridge/federation/configuration',
    });
    expect(response.statusCode).toBe(200);
    const signed = response.json();
    expect(signed.config).toMatchObject({ instance: 'KG', gatewayUrl: kg.origin });
    const pin = {
      instance: 'KG',
      authorityFingerprint: authorityFingerprint(signed.config.authorityCertificate),
    };
    expect(refusalOfFederationConfig(signed, pin, 0, new Date())).toBeUndefined();
  });

  it('is pinned only by an administrator, and only under the right fingerprint', async () => {
    const wrong = await kz.admin.json('POST', '/api/v1/bridge/federations', {
      instance: 'KG',
      authorityFingerprint: 'ab'.repeat(32),
      configurationUrl: `${kg.origin}/bridge/federation/configuration`,
    });
    expectProblem(wrong, 422, 'FEDERATION_AUTHORITY_NOT_PINNED');
    const asMember = await bank.browser.json('POST', '/api/v1/bridge/federations', {
      instance: 'KG',
      authorityFingerprint: 'ab'.repeat(32),
      configurationUrl: `${kg.origin}/bridge/federation/configuration`,
    });
    expect(asMember.statusCode).toBe(403);
    const listed = await kz.admin.get('/api/v1/bridge/federations');
    expect(JSON.parse(listed.body)).toMatchObject([{ instance: 'KG', state: 'pinned' }]);
    const audit = await kz.test.app.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'bridge.federation-pin')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('an exchange between two deployments', () => {
  it('a KZ member calls a KG passport through both gateways; each side logs the exchange', async () => {
    const before = { kz: (await exchanges(kz)).length, kg: (await exchanges(kg)).length };
    const response = await call(`${KG_SERVICE}/people/people/21507198512345`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ iin: '21507198512345' });
    const reached = upstream.received.at(-1)!;
    expect(reached.headers['information-mediator-client']).toBe('KZ/COM/150440012344/crm');
    expect(reached.headers['signature']).toBeUndefined();

    const [atKz] = (await exchanges(kz)).slice(before.kz);
    const [atKg] = (await exchanges(kg)).slice(before.kg);
    for (const row of [atKz, atKg]) {
      expect(row).toMatchObject({
        client: 'KZ/COM/150440012344/crm',
        service: 'KG/COM/01507199812345/population/people',
        status: 200,
      });
    }
    expect(atKz!.request_hash.equals(atKg!.request_hash)).toBe(true);
    expect(atKz!.response_hash!.equals(atKg!.response_hash!)).toBe(true);
  });

  it('a call without a contract is refused by KG, never reaches the provider, and is logged on both sides', async () => {
    const before = {
      kz: (await exchanges(kz)).length,
      kg: (await exchanges(kg)).length,
      up: upstream.received.length,
    };
    expectProblem(
      await call(`${KG_SERVICE}/registry/people/21507198512345`),
      403,
      'BRIDGE_NO_CONTRACT',
    );
    expect(upstream.received.length).toBe(before.up);
    expect((await exchanges(kz)).slice(before.kz)).toMatchObject([
      { status: 403, response_hash: expect.any(Buffer) },
    ]);
    expect((await exchanges(kg)).slice(before.kg)).toMatchObject([
      { status: 403, response_hash: null },
    ]);
  });

  it('a member cannot send a call to a partner as another member, nor unsigned', async () => {
    const unsigned = await kz.test.app.inject({
      method: 'GET',
      url: `${KG_SERVICE}/people/people/21507198512345`,
      headers: { 'information-mediator-client': 'KZ/COM/150440012344/crm' },
    });
    expectProblem(unsigned, 401, 'BRIDGE_SIGNATURE_MISSING');
    // Straight to KG with the member's own KZ key: KG takes calls from KZ's gateway only.
    const direct = await signedCall(kg.test.app, bank, {
      method: 'GET',
      path: `${KG_SERVICE}/people/people/21507198512345`,
    });
    expectProblem(await direct.send(), 401, 'BRIDGE_SIGNATURE_UNKNOWN_KEY');
  });

  it('after KG revokes the federation the next exchange is refused, and logged', async () => {
    const revoked = await kg.admin.json('POST', '/api/v1/bridge/federations/KZ/revoke');
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ instance: 'KZ', state: 'revoked' });
    const before = {
      kz: (await exchanges(kz)).length,
      kg: (await exchanges(kg)).length,
      up: upstream.received.length,
    };
    expectProblem(
      await call(`${KG_SERVICE}/people/people/21507198512345`),
      403,
      'BRIDGE_FEDERATION_REVOKED',
    );
    expect(upstream.received.length).toBe(before.up);
    expect((await exchanges(kz)).slice(before.kz)).toMatchObject([{ status: 403 }]);
    expect((await exchanges(kg)).slice(before.kg)).toMatchObject([{ status: 403 }]);
  });

  it('after KZ revokes its side too, its own gateway refuses before calling KG', async () => {
    expect((await kz.admin.json('POST', '/api/v1/bridge/federations/KG/revoke')).statusCode).toBe(
      200,
    );
    const before = (await exchanges(kg)).length;
    expectProblem(
      await call(`${KG_SERVICE}/people/people/21507198512345`),
      403,
      'BRIDGE_FEDERATION_REVOKED',
    );
    expect(await exchanges(kg)).toHaveLength(before);
    // An instance never federated is not the gateway's at all.
    const unknown = await kz.test.app.inject({ method: 'GET', url: '/UZ/COM/1/crm/people/x' });
    expectProblem(unknown, 404, 'HTTP_NOT_FOUND');
  });
});
