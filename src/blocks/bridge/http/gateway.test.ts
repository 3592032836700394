import { createHash, X509Certificate } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { listAccessForPerson } from '../../../platform/audit/access/access-records.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD, seedUser } from '../../identity/test/fixtures.js';
import { revokeCertificate } from '../../trust/index.js';
import { verifyEvidence, type EvidenceFile } from '../domain/evidence.js';
import { sealMessageLog } from '../service/log-sealer.js';
import {
  bridgeDepsOf,
  POPULATION_OPENAPI,
  seedMember,
  signedCall,
  startUpstream,
  type TestMember,
  type Upstream,
  withNewCertificate,
} from '../test/fixtures.js';

let test: TestApp;
let upstream: Upstream;
let provider: TestMember;
let consumer: TestMember;
let outsider: TestMember;
let subject: { personId: string; browser: TestBrowser };
/** The platform's clock runs `offset` ms ahead of real time (to expire certificates). */
let offset = 0;
const passports: Record<string, string> = {};

const PERSON = IIN.admin;
const BASE = '/KZ/COM/070540001234/population';
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

async function publish(serviceCode: string, overrides: Record<string, unknown>) {
  const response = await provider.browser.json('POST', '/api/v1/bridge/passports', {
    subsystemId: provider.subsystemId,
    serviceCode,
    purpose: 'Identify a customer',
    legalBasis: 'Law No. 94-V, Art. 8',
    dataClasses: ['familyName'],
    openapi: POPULATION_OPENAPI,
    baseUrl: upstream.baseUrl,
    ratePerSecond: 1000,
    maxBodyBytes: 64,
    timeoutMs: 300,
    answerFormat: 'json',
    consentRequired: false,
    personIdField: 'iin',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  passports[serviceCode] = response.json().id;
}

async function contract(serviceCode: string, grant: unknown) {
  const requested = await consumer.browser.json('POST', '/api/v1/bridge/contracts', {
    passportId: passports[serviceCode],
    consumerSubsystemId: consumer.subsystemId,
    purpose: 'Know your customer',
    legalBasis: 'AML law, Art. 5',
    expectedVolume: '100 a day',
  });
  const approved = await provider.browser.json(
    'POST',
    `/api/v1/bridge/contracts/${requested.json().id}/approve`,
    { grant },
  );
  if (approved.json().state !== 'approved') throw new Error(approved.body);
  return requested.json().id as string;
}

const call = (
  path: string,
  options: { method?: string; body?: string; as?: TestMember; now?: Date } = {},
) =>
  signedCall(test.app, options.as ?? consumer, {
    method: options.method ?? 'GET',
    path,
    ...(options.body !== undefined ? { body: options.body } : {}),
    now: options.now ?? new Date(Date.now() + offset),
  });

/** Sends a call and checks that it was refused with `code` and never reached the provider. */
async function refused(
  pending: PromiseLike<{ send(): PromiseLike<LightMyRequestResponse> } | LightMyRequestResponse>,
  status: number,
  code: string,
) {
  const before = upstream.received.length;
  const resolved = await pending;
  const response = 'send' in resolved ? await resolved.send() : resolved;
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ code });
  expect(upstream.received.length).toBe(before);
  return response;
}

beforeAll(async () => {
  upstream = await startUpstream();
  test = await createTestApp({ now: () => new Date(Date.now() + offset) });
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
  outsider = await seedMember(test.app, {
    nationalId: IIN.other,
    memberCode: '990440012344',
    subsystem: 'scraper',
    name: 'Outsider LLP',
  });
  const person = await seedUser(test.app, { nationalId: PERSON, role: 'citizen' });
  const browser = new TestBrowser(test.app);
  await browser.signIn(PERSON, PASSWORD);
  subject = { personId: person.personId, browser };
  await publish('read-person', {});
  await publish('consented', { consentRequired: true });
  await publish('limited', { ratePerSecond: 1 });
  await contract('read-person', { scope: 'service' });
  await contract('consented', {
    scope: 'endpoints',
    endpoints: [
      { method: 'GET', path: '/people/{iin}' },
      { method: 'POST', path: '/people/search' },
    ],
  });
  await contract('limited', { scope: 'service' });
});
afterAll(async () => {
  await test.close();
  await upstream.close();
});

describe('the gateway', () => {
  it('forwards a signed call, logs both messages’ hashes and records the person’s access', async () => {
    const response = await (await call(`${BASE}/read-person/people/${PERSON}?full=1`)).send();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ iin: PERSON, familyName: 'Сейітов' });
    const exchangeId = response.headers['bridge-exchange-id'] as string;
    const reached = upstream.received.at(-1)!;
    expect(reached.url).toBe(`/population/people/${PERSON}?full=1`);
    expect(reached.headers['information-mediator-client']).toBe(consumer.client);
    expect(reached.headers['bridge-exchange-id']).toBe(exchangeId);
    expect(reached.headers['signature']).toBeUndefined();

    const logged = await test.database.db
      .selectFrom('bridge_exchange')
      .selectAll()
      .where('id', '=', exchangeId)
      .executeTakeFirstOrThrow();
    expect(logged).toMatchObject({
      client: consumer.client,
      service: 'KZ/COM/070540001234/population/read-person',
      method: 'GET',
      status: 200,
    });
    expect(logged.request_hash.toString('hex')).toBe(sha256(''));
    expect(logged.response_hash!.toString('hex')).toBe(sha256(response.rawPayload));

    const seen = await listAccessForPerson(test.database.db, subject.personId, 1);
    expect(seen.records[0]).toMatchObject({
      accessorOrganisation: 'Kaspi Test LLP',
      purpose: 'Know your customer',
      legalBasis: 'AML law, Art. 5',
      fields: ['familyName'],
      source: 'KZ/COM/070540001234/population/read-person',
    });
  });

  it('presents the provider the credential the passport’s owner gave, sealed, only to it', async () => {
    const url = `/api/v1/bridge/passports/${passports['read-person']}/provider-credential`;
    expect(
      (await consumer.browser.json('PUT', url, { authorization: 'Bearer x' })).statusCode,
    ).toBe(403);
    const bad = await provider.browser.json('PUT', url, { authorization: 'Bearer a\r\nX-Evil: 1' });
    expect(bad.json()).toMatchObject({ code: 'BRIDGE_PROVIDER_CREDENTIAL_INVALID' });
    const set = await provider.browser.json('PUT', url, { authorization: 'Bearer provider-key' });
    expect(set.statusCode, set.body).toBe(204);
    const stored = await test.database.db
      .selectFrom('bridge_provider_credential')
      .select('sealed')
      .executeTakeFirstOrThrow();
    expect(stored.sealed.toString('latin1')).not.toContain('provider-key');
    const response = await (await call(`${BASE}/read-person/people/${PERSON}`)).send();
    expect(response.statusCode, response.body).toBe(200);
    expect(upstream.received.at(-1)!.headers['authorization']).toBe('Bearer provider-key');
  });

  it('gives the parties, and only them, the evidence of an exchange once it is sealed', async () => {
    const response = await (await call(`${BASE}/read-person/people/${PERSON}`)).send();
    const exchangeId = response.headers['bridge-exchange-id'] as string;
    const url = `/api/v1/bridge/exchanges/${exchangeId}/evidence`;
    expect((await consumer.browser.json('GET', url)).json()).toMatchObject({
      code: 'BRIDGE_EXCHANGE_NOT_SEALED',
    });
    await sealMessageLog(bridgeDepsOf(test.app));
    expect((await outsider.browser.json('GET', url)).statusCode).toBe(404);
    for (const party of [consumer, provider]) {
      const file = await party.browser.json('GET', url);
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-disposition']).toContain(`evidence-${exchangeId}.json`);
      const evidence = file.json<EvidenceFile>();
      expect(evidence.exchange.exchangeId).toBe(exchangeId);
      const key = new X509Certificate(evidence.certificate).publicKey;
      expect(verifyEvidence(evidence, key)).toEqual([]);
    }
  });

  it('finds the person in a declared body field too', async () => {
    const before = (await listAccessForPerson(test.database.db, subject.personId, 1)).total;
    const response = await (
      await call(`${BASE}/read-person/people/search`, {
        method: 'POST',
        body: JSON.stringify({ iin: PERSON }),
      })
    ).send();
    expect(response.statusCode, response.body).toBe(200);
    expect(upstream.received.at(-1)!.body).toBe(JSON.stringify({ iin: PERSON }));
    expect((await listAccessForPerson(test.database.db, subject.personId, 1)).total).toBe(
      before + 1,
    );
  });

  it('finds the person at a nested body field (GovStack: query.content.iin)', async () => {
    await publish('nested-person', { personIdField: 'query.content.iin' });
    await contract('nested-person', { scope: 'service' });
    const before = (await listAccessForPerson(test.database.db, subject.personId, 1)).total;
    const body = JSON.stringify({ query: { content: { iin: PERSON } } });
    const response = await (
      await call(`${BASE}/nested-person/people/search`, { method: 'POST', body })
    ).send();
    expect(response.statusCode, response.body).toBe(200);
    expect((await listAccessForPerson(test.database.db, subject.personId, 1)).total).toBe(
      before + 1,
    );
    // Not an object on the way, or not there: no person, so no access record.
    for (const other of [{ query: [PERSON] }, { query: { content: {} } }, { iin: PERSON }]) {
      const missed = await (
        await call(`${BASE}/nested-person/people/search`, {
          method: 'POST',
          body: JSON.stringify(other),
        })
      ).send();
      expect(missed.statusCode).toBe(200);
    }
    expect((await listAccessForPerson(test.database.db, subject.personId, 1)).total).toBe(
      before + 1,
    );
  });

  it('refuses an unknown service (404) and leaves other instances’ paths to the platform', async () => {
    await refused(call(`${BASE}/no-such-service/x`), 404, 'BRIDGE_SERVICE_UNKNOWN');
    await refused(
      call('/KZ/COM/000000000000/nothing/read-person/x'),
      404,
      'BRIDGE_SERVICE_UNKNOWN',
    );
    await refused(call('/XX/COM/070540001234/population/read-person/x'), 404, 'HTTP_NOT_FOUND');
  });

  it('refuses a missing, altered, stale or replayed signature', async () => {
    const path = `${BASE}/read-person/people/${PERSON}`;
    await refused(test.app.inject({ url: path }), 401, 'BRIDGE_SIGNATURE_MISSING');
    const post = await call(`${BASE}/read-person/people/search`, {
      method: 'POST',
      body: '{"iin":"1"}',
    });
    await refused(post.send({ body: Buffer.from('{"iin":"2"}') }), 401, 'BRIDGE_DIGEST_MISMATCH');
    await refused(
      call(path, { now: new Date(Date.now() - 10 * 60_000) }),
      401,
      'BRIDGE_SIGNATURE_STALE',
    );
    const once = await call(path);
    expect((await once.send()).statusCode).toBe(200);
    const before = upstream.received.length;
    const replay = await once.send();
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ code: 'BRIDGE_REPLAY' });
    expect(upstream.received.length).toBe(before);
  });

  it('refuses a revoked or expired certificate, and a client subsystem that is not the signer’s', async () => {
    const path = `${BASE}/read-person/people/${PERSON}`;
    const spoofed = await signedCall(
      test.app,
      { ...consumer, client: outsider.client },
      {
        method: 'GET',
        path,
      },
    );
    await refused(spoofed.send(), 403, 'BRIDGE_CLIENT_UNKNOWN');

    offset = 800 * 86_400_000; // past the certificate's two years
    try {
      await refused(call(path), 401, 'BRIDGE_CERTIFICATE_EXPIRED');
    } finally {
      offset = 0;
    }

    const revokedMember = await withNewCertificate(consumer);
    expect((await (await call(path, { as: revokedMember })).send()).statusCode).toBe(200);
    await revokeCertificate(
      { deps: test.app.trust, actorAccountId: null },
      { certificateId: revokedMember.certificateId, reason: 'keyCompromise' },
    );
    await refused(call(path, { as: revokedMember }), 401, 'BRIDGE_CERTIFICATE_REVOKED');
  });

  it('refuses a body over the passport’s limit (413)', async () => {
    await refused(
      call(`${BASE}/read-person/people/search`, {
        method: 'POST',
        body: JSON.stringify({ iin: PERSON, padding: 'x'.repeat(100) }),
      }),
      413,
      'BRIDGE_BODY_TOO_LARGE',
    );
  });

  it('refuses a caller without a contract, and an endpoint the contract does not grant', async () => {
    await refused(
      call(`${BASE}/read-person/people/${PERSON}`, { as: outsider }),
      403,
      'BRIDGE_NO_CONTRACT',
    );
    await refused(call(`${BASE}/consented/slow`), 403, 'BRIDGE_NO_CONTRACT');
  });

  it('asks for the person’s consent where the passport requires it, and honours its withdrawal', async () => {
    const path = `${BASE}/consented/people/${PERSON}`;
    await refused(call(path), 403, 'BRIDGE_NO_CONSENT');
    await refused(
      call(`${BASE}/consented/people/search`, { method: 'POST', body: '{}' }),
      400,
      'BRIDGE_PERSON_ID_MISSING',
    );
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const given = await subject.browser.json('POST', '/api/v1/bridge/consents', {
      passportId: passports['consented'],
      validUntil: until,
    });
    expect(given.json()).toMatchObject({ granted: true });
    expect((await (await call(path)).send()).statusCode).toBe(200);
    const withdrawn = await subject.browser.json('POST', '/api/v1/bridge/consents/withdraw', {
      passportId: passports['consented'],
    });
    expect(withdrawn.json()).toEqual({ granted: false, reason: 'CONSENT_WITHDRAWN' });
    await refused(call(path), 403, 'BRIDGE_NO_CONSENT');
  });

  it('limits each contract to its passport’s rate (429 with Retry-After)', async () => {
    const path = `${BASE}/limited/people/${PERSON}`;
    expect((await (await call(path)).send()).statusCode).toBe(200);
    const limited = await refused(call(path), 429, 'BRIDGE_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('1');
  });

  it('answers 504 when the provider is slow, 502 when it fails or answers what its passport does not declare', async () => {
    const slow = await (await call(`${BASE}/read-person/slow`)).send();
    expect(slow.statusCode).toBe(504);
    expect(slow.json()).toMatchObject({ code: 'BRIDGE_PROVIDER_TIMEOUT' });
    const broken = await (await call(`${BASE}/read-person/broken`)).send();
    expect(broken.statusCode).toBe(502);
    expect(broken.json()).toMatchObject({ code: 'BRIDGE_PROVIDER_ERROR' });
    expect(broken.body).not.toContain('secret internals');
    const html = await (await call(`${BASE}/read-person/not-json`)).send();
    expect(html.statusCode).toBe(502);
    expect(html.json()).toMatchObject({ code: 'BRIDGE_PROVIDER_ANSWER_INVALID' });
    const missing = await (await call(`${BASE}/read-person/people`)).send();
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'no record found' });
  });

  it('fails closed: when the message log cannot be written, the answer is withheld (503)', async () => {
    const db = test.database.db;
    const before = (await listAccessForPerson(db, subject.personId, 1)).total;
    await sql`alter table bridge_exchange rename to bridge_exchange_away`.execute(db);
    try {
      const response = await (await call(`${BASE}/read-person/people/${PERSON}`)).send();
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'BRIDGE_LOG_UNAVAILABLE' });
      expect(response.body).not.toContain('Сейітов');
      const refusal = await (await call(`${BASE}/no-such-service`)).send();
      expect(refusal.json()).toMatchObject({ code: 'BRIDGE_LOG_UNAVAILABLE' });
    } finally {
      await sql`alter table bridge_exchange_away rename to bridge_exchange`.execute(db);
    }
    expect((await listAccessForPerson(db, subject.personId, 1)).total).toBe(before);
  });

  it('logs every refusal in the message log and answers in the person’s language', async () => {
    const refusals = await test.database.db
      .selectFrom('bridge_exchange')
      .select(['status', 'response_hash'])
      .where('status', '>=', 400)
      .execute();
    // Refusals have no answer to hash; the one provider answer of 404 passed through has one.
    expect(refusals.filter((r) => r.response_hash === null).length).toBeGreaterThanOrEqual(15);
    expect(refusals.filter((r) => r.response_hash !== null)).toEqual([
      { status: 404, response_hash: expect.any(Buffer) },
    ]);
    const ru = await test.app.inject({
      url: `${BASE}/read-person/people/${PERSON}`,
      headers: { cookie: 'lang=ru', accept: 'application/json' },
    });
    expect(ru.json()).toMatchObject({
      code: 'BRIDGE_SIGNATURE_MISSING',
      title: 'Запрос без подписи: шлюз принимает только подписанные запросы',
    });
  });
});
