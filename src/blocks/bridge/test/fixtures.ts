import { createPrivateKey, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD, seedUser } from '../../identity/test/fixtures.js';
import { bridgeCaches } from '../service/caches.js';
import type { BridgeDeps } from '../service/deps.js';
import { signRequest } from '../service/signed-request.js';

/** A member's system as the tests drive it: its browser session, ids, certificate and key. */
export interface TestMember {
  browser: TestBrowser;
  accountId: string;
  memberId: string;
  subsystemId: string;
  /** `KZ/COM/…/crm` */
  client: string;
  certificateId: string;
  privateKeyPem: string;
}

/** Signs in a new person, who registers a COM member with one subsystem and gets a certificate. */
export async function seedMember(
  app: FastifyInstance,
  input: { nationalId: string; memberCode: string; subsystem: string; name: string },
): Promise<TestMember> {
  const user = await seedUser(app, { nationalId: input.nationalId, role: 'citizen' });
  const browser = new TestBrowser(app);
  await browser.signIn(input.nationalId, PASSWORD);
  const member = await browser.json('POST', '/api/v1/bridge/members', {
    memberClass: 'COM',
    memberCode: input.memberCode,
    name: input.name,
  });
  if (member.statusCode !== 201) throw new Error(`member: ${member.body}`);
  const memberId = member.json<{ id: string }>().id;
  const subsystem = await browser.json('POST', `/api/v1/bridge/members/${memberId}/subsystems`, {
    code: input.subsystem,
  });
  if (subsystem.statusCode !== 201) throw new Error(`subsystem: ${subsystem.body}`);
  const issued = await browser.json('POST', `/api/v1/bridge/members/${memberId}/certificates`);
  if (issued.statusCode !== 201) throw new Error(`certificate: ${issued.body}`);
  const { certificate, privateKeyPem } = issued.json<{
    certificate: { id: string };
    privateKeyPem: string;
  }>();
  return {
    browser,
    accountId: user.accountId,
    memberId,
    subsystemId: subsystem.json<{ subsystems: { id: string }[] }>().subsystems[0]!.id,
    client: `KZ/COM/${input.memberCode}/${input.subsystem}`,
    certificateId: certificate.id,
    privateKeyPem,
  };
}

/** The member with a further certificate from the deployment CA (and its key) to sign with. */
export async function withNewCertificate(member: TestMember): Promise<TestMember> {
  const issued = await member.browser.json(
    'POST',
    `/api/v1/bridge/members/${member.memberId}/certificates`,
  );
  if (issued.statusCode !== 201) throw new Error(`certificate: ${issued.body}`);
  const { certificate, privateKeyPem } = issued.json<{
    certificate: { id: string };
    privateKeyPem: string;
  }>();
  return { ...member, certificateId: certificate.id, privateKeyPem };
}

/** An OpenAPI 3 document naming the upstream's endpoints. */
export const POPULATION_OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Population register', version: '1' },
  paths: {
    '/people/{iin}': { get: { responses: { 200: { description: 'A person' } } } },
    '/people/search': { post: { responses: { 200: { description: 'Matches' } } } },
    '/slow': { get: { responses: { 200: { description: 'Slow' } } } },
    '/broken': { get: { responses: { 200: { description: 'Fails' } } } },
    '/not-json': { get: { responses: { 200: { description: 'Text' } } } },
    '/down': { get: { responses: { 200: { description: 'Nothing listens' } } } },
  },
};

/** A provider on loopback that counts what reaches it. */
export interface Upstream {
  baseUrl: string;
  received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const received: Upstream['received'] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const path = request.url!.replace(/^\/population/, '').split('?')[0]!;
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (path.startsWith('/people/') && request.method === 'GET')
        return json(200, { iin: path.slice('/people/'.length), familyName: 'Сейітов' });
      if (path === '/people/search')
        return json(200, { matches: 1, query: JSON.parse(body || '{}') });
      if (path === '/slow') {
        setTimeout(() => json(200, { late: true }), 1500).unref();
        return;
      }
      if (path === '/broken') return json(500, { stack: 'secret internals' });
      if (path === '/not-json') {
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<html>oops</html>');
      }
      json(404, { detail: 'no record found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/population`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Calls the gateway as a member's system does: an RFC 9421 signature over the method, the
 * public URL, the client header and the body's digest, by the member's certificate's key.
 */
export async function signedCall(
  app: FastifyInstance,
  member: Pick<TestMember, 'client' | 'certificateId' | 'privateKeyPem'>,
  request: {
    method: string;
    path: string;
    body?: string;
    nonce?: string;
    headers?: Record<string, string>;
    now?: Date;
  },
) {
  const origin = new URL(app.platform.config.publicBaseUrl).origin;
  const body = Buffer.from(request.body ?? '');
  const base = {
    'information-mediator-client': member.client,
    ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...request.headers,
  };
  const headers = await signRequest(
    { method: request.method, url: `${origin}${request.path}`, headers: base, body },
    {
      keyId: member.certificateId,
      privateKey: createPrivateKey(member.privateKeyPem),
      nonce: request.nonce ?? randomBytes(16).toString('base64url'),
      now: request.now ?? new Date(),
    },
  );
  return {
    headers,
    send: (override: { headers?: Record<string, string>; body?: Buffer } = {}) =>
      app.inject({
        method: request.method as 'GET',
        url: request.path,
        headers: { accept: 'application/json', ...headers, ...override.headers },
        ...(request.body !== undefined || override.body ? { payload: override.body ?? body } : {}),
      }),
  };
}

/** The bridge's services' dependencies as bridgePlugin builds them, for calling services directly. */
export const bridgeDepsOf = (app: FastifyInstance): BridgeDeps => ({
  db: app.platform.db,
  now: app.platform.now,
  instance: app.platform.country.id.toUpperCase(),
  country: app.platform.country,
  trust: app.trust,
  caches: bridgeCaches(app.platform.changes),
});

/**
 * Publishes a passport as the provider's manager (by default without a person or consent); its
 * id.
 */
export async function publishPassport(
  provider: Pick<TestMember, 'browser' | 'subsystemId'>,
  input: {
    serviceCode: string;
    openapi: unknown;
    baseUrl: string;
    consentRequired?: boolean;
    personIdField?: string;
  },
): Promise<string> {
  const response = await provider.browser.json('POST', '/api/v1/bridge/passports', {
    subsystemId: provider.subsystemId,
    purpose: 'Identify a customer',
    legalBasis: 'Law No. 94-V, Art. 8',
    dataClasses: ['familyName'],
    ratePerSecond: 1000,
    maxBodyBytes: 1024,
    timeoutMs: 2000,
    answerFormat: 'json',
    consentRequired: false,
    ...input,
  });
  if (response.statusCode !== 201) throw new Error(`passport: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/**
 * The consumer's manager requests access to the passport and the provider's approves it with the
 * grant; the contract's id. `requester` requests for the consumer subsystem (its own manager, or
 * an administrator for a member of another instance).
 */
export async function approveContract(
  provider: Pick<TestMember, 'browser'>,
  requester: Pick<TestMember, 'browser'>,
  passportId: string,
  grant: unknown,
  consumerSubsystemId?: string,
): Promise<string> {
  const requested = await requester.browser.json('POST', '/api/v1/bridge/contracts', {
    passportId,
    consumerSubsystemId: consumerSubsystemId ?? (requester as TestMember).subsystemId,
    purpose: 'Know your customer',
    legalBasis: 'AML law, Art. 5',
    expectedVolume: '100 a day',
  });
  if (requested.statusCode !== 201) throw new Error(`contract: ${requested.body}`);
  const id = requested.json<{ id: string }>().id;
  const approved = await provider.browser.json('POST', `/api/v1/bridge/contracts/${id}/approve`, {
    grant,
  });
  if (approved.json<{ state: string }>().state !== 'approved') throw new Error(approved.body);
  return id;
}

/**
 * The usual pair: the population register (provider, member 070540001234, subsystem
 * `population`) publishing `people` at `baseUrl`, and a bank (consumer, 150440012344, `crm`)
 * with an approved contract for the whole service.
 */
export async function seedPopulationService(
  app: FastifyInstance,
  baseUrl: string,
): Promise<{ provider: TestMember; consumer: TestMember; passportId: string }> {
  const provider = await seedMember(app, {
    nationalId: IIN.officer,
    memberCode: '070540001234',
    subsystem: 'population',
    name: 'Population register',
  });
  const consumer = await seedMember(app, {
    nationalId: IIN.citizen,
    memberCode: '150440012344',
    subsystem: 'crm',
    name: 'Bank',
  });
  const passportId = await publishPassport(provider, {
    serviceCode: 'people',
    openapi: POPULATION_OPENAPI,
    baseUrl,
  });
  await approveContract(provider, consumer, passportId, { scope: 'service' });
  return { provider, consumer, passportId };
}
