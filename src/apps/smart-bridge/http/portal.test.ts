import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { totpCode } from '../../../blocks/identity/service/totp.js';
import { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { PASSWORD } from '../../../blocks/identity/test/fixtures.js';
import { seedSmartBridgeDemo } from '../seed/demo.js';
import { seedPortalWorld, WORLD } from '../test/world.js';

/** The portal's pages through app.inject: the catalogue, a member's pages, a contract's decisions. */
describe('smart-bridge portal', () => {
  let test: TestApp;
  let totp: Map<string, string>;
  let passportId = '';
  let memberPath = '';
  let contractPath = '';

  // One session each: an officer's one-time code is refused when used twice.
  const sessions = new Map<string, TestBrowser>();
  const as = async (nationalId: string) => {
    const open = sessions.get(nationalId);
    if (open) return open;
    const browser = new TestBrowser(test.app);
    sessions.set(nationalId, browser);
    await browser.signIn(nationalId, PASSWORD);
    const secret = totp.get(nationalId);
    if (secret) await browser.postForm('/sign-in/code', { code: totpCode(secret, new Date()) });
    return browser;
  };
  const text = (body: string) => parse(body).querySelector('main')?.text ?? '';

  beforeAll(async () => {
    test = await createTestApp();
    ({ totp } = await seedPortalWorld(test.app, 'http://127.0.0.1:9'));
  });
  afterAll(() => test?.close());

  it('the demo seed is idempotent', async () => {
    await seedSmartBridgeDemo(test.app.platform, test.app.log);
    const passports = await test.app.platform.db
      .selectFrom('bridge_passport')
      .select('id')
      .execute();
    expect(passports).toHaveLength(1);
    passportId = passports[0]!.id;
  });

  it('lists the passport publicly, in every language, and shows its details', async () => {
    for (const lang of ['kk', 'ru', 'en']) {
      const list = await test.app.inject({
        url: '/smart-bridge/services',
        headers: { cookie: `lang=${lang}` },
      });
      expect(list.statusCode).toBe(200);
      expect(parse(list.body).querySelector('html')?.getAttribute('lang')).toBe(lang);
      expect(list.body).toContain('KZ/GOV/070540001234/registries/population');
    }
    const page = await test.app.inject({ url: `/smart-bridge/services/${passportId}` });
    const main = text(page.body);
    expect(main).toContain('Министерство цифрового развития');
    expect(main).toContain('223-III');
    expect(main).toContain('birthDate');
    expect(main).toContain('POST /read');
    const openapi = parse(page.body)
      .querySelectorAll('a')
      .find((a) => a.getAttribute('href')?.includes('getOpenAPI'));
    const document = await test.app.inject({ url: openapi!.getAttribute('href')! });
    expect(document.json()).toMatchObject({ paths: { '/read': {} } });
    expect(
      (
        await test.app.inject({
          url: '/smart-bridge/services/00000000-0000-0000-0000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('sends the signed-out to sign in from the member pages', async () => {
    const response = await test.app.inject({
      url: '/smart-bridge/members',
      headers: { accept: 'text/html' },
    });
    expect([302, 303, 401]).toContain(response.statusCode);
  });

  it('registers only an organisation the person directs, with a valid subsystem code', async () => {
    const stranger = await as(WORLD.stranger);
    await stranger.get('/smart-bridge/members/new');
    const refused = await stranger.postForm('/smart-bridge/members', {
      organisation: WORLD.bin,
      subsystem: 'crm',
    });
    expect(refused.statusCode).toBe(400);
    expect(parse(refused.body).querySelector('title')?.text).toMatch(/^(Қате|Ошибка|Error)/);

    const director = await as(WORLD.director);
    await director.get('/smart-bridge/members/new');
    const bad = await director.postForm('/smart-bridge/members', {
      organisation: WORLD.bin,
      subsystem: '../crm',
    });
    expect(bad.statusCode).toBe(400);
    // Nothing was registered: the member and its subsystem go together.
    expect(
      await test.app.platform.db.selectFrom('bridge_member').select('id').execute(),
    ).toHaveLength(1);
    const created = await director.postForm('/smart-bridge/members', {
      organisation: WORLD.bin,
      subsystem: 'crm',
    });
    expect(created.statusCode).toBe(303);
    memberPath = created.headers.location as string;
    const member = await director.get(memberPath);
    expect(text(member.body)).toContain(`KZ/COM/${WORLD.bin}/crm`);
  });

  it('shows a new certificate’s key once, never cached, and never on the member page', async () => {
    const director = await as(WORLD.director);
    await director.get(memberPath);
    const issued = await director.postForm(`${memberPath}/certificates`, {});
    expect(issued.statusCode).toBe(200);
    expect(issued.headers['cache-control']).toContain('no-store');
    expect(issued.body).toContain('BEGIN PRIVATE KEY');
    const member = await director.get(memberPath);
    expect(member.body).not.toContain('BEGIN PRIVATE KEY');
    const stranger = await as(WORLD.stranger);
    await stranger.get('/smart-bridge');
    expect((await stranger.postForm(`${memberPath}/certificates`, {})).statusCode).toBe(403);
  });

  it('requests access: empty fields are refused on the form, then the request is filed', async () => {
    const director = await as(WORLD.director);
    const form = await director.get(`/smart-bridge/services/${passportId}/request`);
    const subsystemId = parse(form.body)
      .querySelector('select[name="consumerSubsystemId"] option')!
      .getAttribute('value')!;
    const empty = await director.postForm(`/smart-bridge/services/${passportId}/request`, {
      consumerSubsystemId: subsystemId,
      purpose: '',
      legalBasis: '',
      expectedVolume: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(parse(empty.body).querySelectorAll('.error-summary a, [role="alert"] a').length).toBe(3);
    const filed = await director.postForm(`/smart-bridge/services/${passportId}/request`, {
      consumerSubsystemId: subsystemId,
      purpose: 'Checking a client’s identity before a contract',
      legalBasis: 'Client’s consent to the processing of personal data',
      expectedVolume: '200 a day',
    });
    expect(filed.statusCode).toBe(303);
    contractPath = filed.headers.location as string;
    const page = await director.get(contractPath);
    expect(parse(page.body).querySelector('[data-state]')?.getAttribute('data-state')).toBe(
      'requested',
    );
    // The consumer may not approve its own request: there is no such form for it.
    expect(page.body).not.toContain('name="scope"');
  });

  it('the owner’s officer sees the request, refuses nothing without reasons, and approves endpoints', async () => {
    const officer = await as(WORLD.officer);
    const queue = await officer.get('/smart-bridge/requests');
    expect(queue.body).toContain(contractPath);
    await officer.get(contractPath);
    const noReason = await officer.postForm(`${contractPath}/decide`, {
      action: 'refuse',
      refuseReason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const noScope = await officer.postForm(`${contractPath}/decide`, { action: 'approve' });
    expect(noScope.statusCode).toBe(400);
    const noEndpoint = await officer.postForm(`${contractPath}/decide`, {
      action: 'approve',
      scope: 'endpoints',
    });
    expect(noEndpoint.statusCode).toBe(400);
    const approved = await officer.postForm(`${contractPath}/decide`, {
      action: 'approve',
      scope: 'endpoints',
      endpoint: 'POST /read',
    });
    expect(approved.statusCode).toBe(303);
    const page = await officer.get(contractPath);
    expect(parse(page.body).querySelector('[data-state]')?.getAttribute('data-state')).toBe(
      'approved',
    );
    expect(text(page.body)).toContain('POST /read');
  });

  it('nobody else decides, and the officer suspends and revokes with reasons', async () => {
    const stranger = await as(WORLD.stranger);
    await stranger.get('/smart-bridge');
    expect((await stranger.get(contractPath)).statusCode).toBe(404);
    const officer = await as(WORLD.officer);
    await officer.get(contractPath);
    expect(
      (
        await officer.postForm(`${contractPath}/decide`, {
          action: 'suspend',
          suspendReason: 'Audit',
        })
      ).statusCode,
    ).toBe(303);
    await officer.get(contractPath);
    expect(
      (await officer.postForm(`${contractPath}/decide`, { action: 'resume' })).statusCode,
    ).toBe(303);
    await officer.get(contractPath);
    expect(
      (
        await officer.postForm(`${contractPath}/decide`, {
          action: 'revoke',
          revokeReason: 'Ended',
        })
      ).statusCode,
    ).toBe(303);
    const page = await officer.get(contractPath);
    expect(parse(page.body).querySelector('[data-state]')?.getAttribute('data-state')).toBe(
      'revoked',
    );
    expect(text(page.body)).toContain('Audit');
  });
});
