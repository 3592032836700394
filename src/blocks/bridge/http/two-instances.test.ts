import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { buildApp } from '../../../app.js';
import { listAccessForPerson } from '../../../platform/audit/access/access-records.js';
import { loadConfig } from '../../../platform/config/config.js';
import { generateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { createDatabase } from '../../../platform/db/database.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD, seedUser } from '../../identity/test/fixtures.js';
import { revokeCertificate } from '../../trust/index.js';
import { FEDERATION_CONFIG_KIND } from '../domain/federation-config.js';
import { revokeFederation } from '../service/federation.js';
import { federationOf } from '../service/gateway-reads.js';
import {
  approveContract,
  bridgeDepsOf,
  POPULATION_OPENAPI,
  publishPassport,
  seedMember,
  signedCall,
  startUpstream,
  type TestMember,
  type Upstream,
  withNewCertificate,
} from '../test/fixtures.js';

/*
 * Two instances of the platform on one database, as two nodes of a deployment behind a load
 * balancer: each keeps the gateway's caches in its own memory. What one instance changes, the
 * other's gateway must honour at once: here `a` changes and `b`'s gateway answers. The rows are
 * first read through `b` so that its caches hold them.
 */

let database: TestDatabase;
let a: FastifyInstance;
let b: FastifyInstance;
let upstream: Upstream;
let provider: TestMember;
let consumer: TestMember;
let person: { personId: string; browser: TestBrowser };
let admin: { accountId: string };
const passports: Record<string, string> = {};
const contracts: Record<string, string> = {};

const PERSON = IIN.admin;
const BASE = '/KZ/COM/070540001234/population';

/** Both instances as `ortaq start` builds them, with one deployment key. */
async function instances(): Promise<[FastifyInstance, FastifyInstance]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
  const deploymentKey = generateDeploymentKey();
  const first = await buildApp({ config, db: database.db, deploymentKey });
  const second = await buildApp({
    config,
    db: createDatabase(database.url, { max: 3 }),
    deploymentKey,
  });
  // One after the other: the job queues of two instances starting together may deadlock.
  await first.ready();
  await second.ready();
  return [first, second];
}

const callThroughB = async (
  path: string,
  options: { method?: string; body?: string; as?: TestMember } = {},
): Promise<LightMyRequestResponse> =>
  (
    await signedCall(b, options.as ?? consumer, {
      method: options.method ?? 'GET',
      path,
      ...(options.body !== undefined ? { body: options.body } : {}),
    })
  ).send();

/** Resolves when `b`'s change feed delivers the next announcement on `cache`'s channel. */
const heardByB = (cache: { channel: string }) =>
  new Promise<void>((resolve) => {
    const stop = b.platform.changes.subscribe(cache.channel, () => {
      stop();
      resolve();
    });
  });

beforeAll(async () => {
  database = await createTestDatabase();
  [a, b] = await instances();
  upstream = await startUpstream();
  provider = await seedMember(a, {
    nationalId: IIN.officer,
    memberCode: '070540001234',
    subsystem: 'population',
    name: 'Population Registry Operator',
  });
  consumer = await seedMember(a, {
    nationalId: IIN.citizen,
    memberCode: '150440012344',
    subsystem: 'crm',
    name: 'Kaspi Test LLP',
  });
  const seeded = await seedUser(a, { nationalId: PERSON, role: 'citizen' });
  person = { personId: seeded.personId, browser: new TestBrowser(a) };
  await person.browser.signIn(PERSON, PASSWORD);
  admin = await seedUser(a, { nationalId: IIN.other, role: 'admin', username: 'root' });
  for (const [code, consentRequired] of [
    ['plain', false],
    ['consented', true],
  ] as const) {
    passports[code] = await publishPassport(provider, {
      serviceCode: code,
      openapi: POPULATION_OPENAPI,
      baseUrl: upstream.baseUrl,
      consentRequired,
      personIdField: 'iin',
    });
    contracts[code] = await approveContract(provider, consumer, passports[code]!, {
      scope: 'service',
    });
  }
});
afterAll(async () => {
  const second = b?.platform.db;
  await b?.close();
  await second?.destroy();
  await a?.close();
  await database?.drop();
  await upstream?.close();
});

describe('two instances on one database', () => {
  it('refuses at once on one a certificate revoked on the other', async () => {
    const second = await withNewCertificate(consumer);
    const path = `${BASE}/plain/people/${PERSON}`;
    expect((await callThroughB(path, { as: second })).statusCode).toBe(200);
    await revokeCertificate(
      { deps: a.trust, actorAccountId: null },
      { certificateId: second.certificateId, reason: 'keyCompromise' },
    );
    // No waiting: the nonce claim checks the revocation in the database.
    const refused = await callThroughB(path, { as: second });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'BRIDGE_CERTIFICATE_REVOKED' });
  });

  it('honours on one the consent a person withdraws on the other', async () => {
    const path = `${BASE}/consented/people/${PERSON}`;
    expect((await callThroughB(path)).json()).toMatchObject({ code: 'BRIDGE_NO_CONSENT' });
    const given = heardByB(bridgeDepsOf(b).caches.consents);
    await person.browser.json('POST', '/api/v1/bridge/consents', {
      passportId: passports['consented'],
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await given;
    expect((await callThroughB(path)).statusCode).toBe(200);
    const withdrawn = heardByB(bridgeDepsOf(b).caches.consents);
    await person.browser.json('POST', '/api/v1/bridge/consents/withdraw', {
      passportId: passports['consented'],
    });
    await withdrawn;
    const refused = await callThroughB(path);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'BRIDGE_NO_CONSENT' });
  });

  it('applies on one a passport version published on the other', async () => {
    const search = () =>
      callThroughB(`${BASE}/plain/people/search`, {
        method: 'POST',
        body: JSON.stringify({ iin: PERSON }),
      });
    expect((await search()).statusCode).toBe(200);
    const published = heardByB(bridgeDepsOf(b).caches.passports);
    const version = await provider.browser.json(
      'POST',
      `/api/v1/bridge/passports/${passports['plain']}/versions`,
      {
        purpose: 'Identify a customer',
        legalBasis: 'Law No. 94-V, Art. 8',
        dataClasses: ['familyName'],
        openapi: POPULATION_OPENAPI,
        baseUrl: upstream.baseUrl,
        ratePerSecond: 1000,
        maxBodyBytes: 4,
        timeoutMs: 2000,
        answerFormat: 'json',
        consentRequired: false,
        personIdField: 'iin',
      },
    );
    expect(version.statusCode, version.body).toBe(201);
    await published;
    const refused = await search();
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ code: 'BRIDGE_BODY_TOO_LARGE' });
  });

  it('serves from its caches, and refuses on one a contract revoked on the other', async () => {
    const path = `${BASE}/plain/people/${PERSON}`;
    expect((await callThroughB(path)).statusCode).toBe(200);
    // A change no write path announced (written behind the bridge's back) is not seen: `b`
    // answers from memory. This is why every write path announces its change.
    await sql`insert into bridge_contract_event (contract_id, seq, action, actor, reason, at)
      select ${contracts['plain']}, max(seq) + 1, 'suspend', 'owner', 'unannounced', now()
      from bridge_contract_event where contract_id = ${contracts['plain']}`.execute(database.db);
    expect((await callThroughB(path)).statusCode).toBe(200);

    const revoked = heardByB(bridgeDepsOf(b).caches.contracts);
    const decided = await provider.browser.json(
      'POST',
      `/api/v1/bridge/contracts/${contracts['plain']}/revoke`,
      { reason: 'Ended' },
    );
    expect(decided.json()).toMatchObject({ state: 'revoked' });
    await revoked;
    const refused = await callThroughB(path);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'BRIDGE_NO_CONTRACT' });
  });

  it('refuses on one a federation revoked on the other', async () => {
    const fingerprint = 'ab'.repeat(32);
    const now = new Date();
    await sql`insert into bridge_federation_event
        (instance, action, authority_fingerprint, configuration_url, at)
      values ('KG', 'pin', ${fingerprint}, 'http://kg.invalid/configuration', ${now})`.execute(
      database.db,
    );
    const config = {
      kind: FEDERATION_CONFIG_KIND,
      instance: 'KG',
      serial: 1,
      issuedAt: now.toISOString(),
      validUntil: new Date(now.getTime() + 86_400_000).toISOString(),
      authorityCertificate: '-',
      gatewayUrl: 'http://kg.invalid',
    };
    await sql`insert into bridge_federation_config
        (instance, authority_fingerprint, serial, config, signature, accepted_at)
      values ('KG', ${fingerprint}, 1, ${JSON.stringify(config)}, '-', ${now})`.execute(
      database.db,
    );
    expect(await federationOf(bridgeDepsOf(b), 'KG', now)).toMatchObject({ ok: true });

    const revoked = heardByB(bridgeDepsOf(b).caches.federations);
    await revokeFederation(bridgeDepsOf(a), { accountId: admin.accountId, admin: true }, 'KG');
    await revoked;
    expect(await federationOf(bridgeDepsOf(b), 'KG', now)).toEqual({
      ok: false,
      code: 'BRIDGE_FEDERATION_REVOKED',
    });
  });

  it('forgets on every instance a person whose identifier changes', async () => {
    const path = `${BASE}/plain/people/${PERSON}`;
    const records = async () => (await listAccessForPerson(database.db, person.personId, 1)).total;
    const contract = await approveContract(provider, consumer, passports['plain']!, {
      scope: 'service',
    });
    expect(contract).toBeTruthy();
    const before = await records();
    expect((await callThroughB(path)).statusCode).toBe(200);
    expect(await records()).toBe(before + 1);
    // Migration 5's trigger announces the change, whoever makes it.
    const changed = heardByB(bridgeDepsOf(b).caches.persons);
    await sql`update identity_person set national_id = '000000000000'
      where id = ${person.personId}`.execute(database.db);
    await changed;
    expect((await callThroughB(path)).statusCode).toBe(200);
    expect(await records()).toBe(before + 1);
  });
});
