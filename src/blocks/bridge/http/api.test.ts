import { createPrivateKey } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD, seedUser } from '../../identity/test/fixtures.js';
import { POPULATION_OPENAPI, seedMember, type TestMember } from '../test/fixtures.js';

let test: TestApp;
let provider: TestMember;
let consumer: TestMember;
let stranger: TestBrowser;

const passportBody = (subsystemId: string, overrides: Record<string, unknown> = {}) => ({
  subsystemId,
  serviceCode: 'read-person',
  purpose: 'Identify a customer when opening an account',
  legalBasis: 'Law No. 94-V, Art. 8',
  dataClasses: ['familyName'],
  openapi: POPULATION_OPENAPI,
  baseUrl: 'http://127.0.0.1:9/population',
  ratePerSecond: 10,
  maxBodyBytes: 1024,
  answerFormat: 'json',
  consentRequired: false,
  personIdField: 'iin',
  ...overrides,
});

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
  await seedUser(test.app, { nationalId: IIN.other, role: 'citizen' });
  stranger = new TestBrowser(test.app);
  await stranger.signIn(IIN.other, PASSWORD);
});
afterAll(() => test.close());

describe('members', () => {
  it('refuse a taken identifier, a bad part, a state class without the administrator role, and strangers', async () => {
    const taken = await stranger.json('POST', '/api/v1/bridge/members', {
      memberClass: 'COM',
      memberCode: '150440012344',
      name: 'Impostor',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'BRIDGE_MEMBER_EXISTS' });
    const bad = await stranger.json('POST', '/api/v1/bridge/members', {
      memberClass: 'COM',
      memberCode: '../x',
      name: 'Bad',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'BRIDGE_MEMBER_INVALID',
      errors: [{ field: 'memberCode', code: 'BRIDGE_ID_PART_INVALID' }],
    });
    const state = await stranger.json('POST', '/api/v1/bridge/members', {
      memberClass: 'GOV',
      memberCode: '070540009999',
      name: 'A ministry',
    });
    expect(state.statusCode).toBe(403);
    expect(state.json()).toMatchObject({ code: 'BRIDGE_MEMBER_CLASS_FORBIDDEN' });
    const foreign = await stranger.json(
      'POST',
      `/api/v1/bridge/members/${provider.memberId}/subsystems`,
      { code: 'mine' },
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'BRIDGE_NOT_MEMBER_MANAGER' });
    const anonymous = await test.app.inject({
      method: 'POST',
      url: '/api/v1/bridge/members',
      payload: { memberClass: 'COM', memberCode: '1', name: 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('hand out a certificate’s private key once; the trust block keeps it only sealed', async () => {
    expect(provider.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const key = createPrivateKey(provider.privateKeyPem);
    expect(key.asymmetricKeyType).toBe('ed25519');
    const list = await provider.browser.json(
      'GET',
      `/api/v1/bridge/members/${provider.memberId}/certificates`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: provider.certificateId, status: 'valid' }),
    ]);
    expect(list.body).not.toContain('PRIVATE KEY');
    const row = await sql<{ sealed: Buffer; kind: string; holder: string }>`
      select sealed_private_key as sealed, holder_kind as kind, holder_id as holder
      from trust_certificate where id = ${provider.certificateId}`.execute(test.database.db);
    const der = key.export({ type: 'pkcs8', format: 'der' });
    expect(row.rows[0]).toMatchObject({ kind: 'bridge-member', holder: provider.memberId });
    expect(row.rows[0]!.sealed.includes(der.subarray(-32))).toBe(false);
    const foreign = await stranger.json(
      'POST',
      `/api/v1/bridge/members/${provider.memberId}/certificates`,
    );
    expect(foreign.statusCode).toBe(403);
  });
});

describe('service passports', () => {
  let passportId: string;

  it('are published by the owner’s managers, with a version history that only grows', async () => {
    const refused = await consumer.browser.json(
      'POST',
      '/api/v1/bridge/passports',
      passportBody(provider.subsystemId),
    );
    expect(refused.statusCode).toBe(403);
    const created = await provider.browser.json(
      'POST',
      '/api/v1/bridge/passports',
      passportBody(provider.subsystemId),
    );
    expect(created.statusCode).toBe(201);
    const passport = created.json();
    passportId = passport.id;
    expect(passport).toMatchObject({
      service: 'KZ/COM/070540001234/population/read-person',
      version: 1,
      timeoutMs: 10000,
      dataClasses: ['familyName'],
    });
    const next = await provider.browser.json(
      'POST',
      `/api/v1/bridge/passports/${passportId}/versions`,
      {
        ...passportBody(provider.subsystemId),
        subsystemId: undefined,
        serviceCode: undefined,
        ratePerSecond: 20,
      },
    );
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ version: 2, ratePerSecond: 20 });
    expect(next.json().history.map((h: { version: number }) => h.version)).toEqual([1, 2]);
    await expect(
      sql`update bridge_passport_version set rate_per_second = 1`.execute(test.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('refuse a bad OpenAPI document, a reserved code, a taken code and personal data without classes', async () => {
    const bad = await provider.browser.json(
      'POST',
      '/api/v1/bridge/passports',
      passportBody(provider.subsystemId, {
        serviceCode: 'other',
        openapi: { swagger: '2.0' },
        dataClasses: [],
        baseUrl: 'ftp://x',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['baseUrl', 'dataClasses', 'openapi']);
    const reserved = await provider.browser.json(
      'POST',
      '/api/v1/bridge/passports',
      passportBody(provider.subsystemId, { serviceCode: 'listMethods' }),
    );
    expect(reserved.json()).toMatchObject({
      code: 'BRIDGE_PASSPORT_INVALID',
      errors: [{ field: 'serviceCode', code: 'BRIDGE_ID_PART_INVALID' }],
    });
    const taken = await provider.browser.json(
      'POST',
      '/api/v1/bridge/passports',
      passportBody(provider.subsystemId),
    );
    expect(taken.statusCode).toBe(409);
  });

  it('go through a contract’s life: request, owner-only approval with a grant, suspend, resume, revoke', async () => {
    const requested = await consumer.browser.json('POST', '/api/v1/bridge/contracts', {
      passportId,
      consumerSubsystemId: consumer.subsystemId,
      purpose: 'Know your customer',
      legalBasis: 'AML law, Art. 5',
      expectedVolume: '1000 a day',
    });
    expect(requested.statusCode).toBe(201);
    const contract = requested.json();
    expect(contract).toMatchObject({ state: 'requested', consumer: consumer.client });
    const again = await consumer.browser.json('POST', '/api/v1/bridge/contracts', {
      passportId,
      consumerSubsystemId: consumer.subsystemId,
      purpose: 'Again',
      legalBasis: 'Again',
      expectedVolume: '1',
    });
    expect(again.statusCode).toBe(409);

    const url = (action: string) => `/api/v1/bridge/contracts/${contract.id}/${action}`;
    const grant = { scope: 'endpoints', endpoints: [{ method: 'GET', path: '/people/{iin}' }] };
    const byConsumer = await consumer.browser.json('POST', url('approve'), { grant });
    expect(byConsumer.statusCode).toBe(403);
    expect(byConsumer.json()).toMatchObject({ code: 'BRIDGE_CONTRACT_NOT_YOURS' });
    const byStranger = await stranger.json('POST', url('approve'), { grant });
    expect(byStranger.json()).toMatchObject({ code: 'BRIDGE_CONTRACT_NOT_YOURS' });
    const unknownEndpoint = await provider.browser.json('POST', url('approve'), {
      grant: { scope: 'endpoints', endpoints: [{ method: 'DELETE', path: '/people/{iin}' }] },
    });
    expect(unknownEndpoint.json()).toMatchObject({ code: 'BRIDGE_CONTRACT_GRANT_INVALID' });

    const approved = await provider.browser.json('POST', url('approve'), { grant });
    expect(approved.json()).toMatchObject({ state: 'approved', grant });
    const outOfOrder = await provider.browser.json('POST', url('refuse'), { reason: 'late' });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json()).toMatchObject({ code: 'BRIDGE_CONTRACT_ACTION_OUT_OF_ORDER' });
    const noReason = await provider.browser.json('POST', url('suspend'), { reason: '   ' });
    expect(noReason.json()).toMatchObject({ code: 'BRIDGE_CONTRACT_REASON_REQUIRED' });
    expect(
      (await provider.browser.json('POST', url('suspend'), { reason: 'audit' })).json(),
    ).toMatchObject({ state: 'suspended', grant });
    expect((await provider.browser.json('POST', url('resume'))).json()).toMatchObject({
      state: 'approved',
    });
    const revoked = await consumer.browser.json('POST', url('revoke'), { reason: 'not needed' });
    expect(revoked.json()).toMatchObject({ state: 'revoked' });
    expect(revoked.json().history.map((h: { action: string }) => h.action)).toEqual([
      'request',
      'approve',
      'suspend',
      'resume',
      'revoke',
    ]);

    expect((await stranger.json('GET', `/api/v1/bridge/contracts/${contract.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await provider.browser.json('GET', `/api/v1/bridge/contracts/${contract.id}`)).statusCode,
    ).toBe(200);
    const audited = await sql<{ action: string }>`
      select action from audit_log where subject = ${contract.id} order by seq`.execute(
      test.database.db,
    );
    expect(audited.rows.map((r) => r.action)).toEqual([
      'bridge.contract-request',
      'bridge.contract-approve',
      'bridge.contract-suspend',
      'bridge.contract-resume',
      'bridge.contract-revoke',
    ]);
  });
});
