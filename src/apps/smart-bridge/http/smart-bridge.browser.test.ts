import { createPrivateKey, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { signRequest } from '../../../blocks/bridge/service/signed-request.js';
import { totpCode } from '../../../blocks/identity/service/totp.js';
import { PASSWORD } from '../../../blocks/identity/test/fixtures.js';
import { seedPortalWorld, WORLD } from '../test/world.js';

/**
 * The Smart Bridge journey in a real Chromium, without scripts on the pages: the company's
 * director registers the company as a member and gets a certificate, requests access to the
 * population register's passport, the ministry's officer approves one endpoint, the company's
 * system calls the register through the gateway with a signed request, and the citizen concerned
 * sees that call on "Who used my data". Every page passes axe.
 */
describe('journey: a company gets access to the population register through the bridge', () => {
  let server: ListeningApp;
  let browser: TestBrowser;
  let page: Page;
  let totp: Map<string, string>;
  let keyId = '';
  let privateKeyPem = '';
  let contractPath = '';
  const client = `KZ/COM/${WORLD.bin}/crm`;
  const t = (id: string, params?: Record<string, string | number>) =>
    server.app.platform.catalogue.translate('kk', id, params);

  const signIn = async (nationalId: string) => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('#field-login', nationalId);
    await page.fill('#field-password', PASSWORD);
    await page.click('main form button[type=submit]');
    const secret = totp.get(nationalId);
    if (secret) {
      await page.fill('#field-code', totpCode(secret, new Date()));
      await page.click('main form button[type=submit]');
    }
    await page.waitForURL(`${server.baseUrl}/`);
  };

  beforeAll(async () => {
    server = await startListeningApp();
    // The passport's provider is this very deployment's registries Data API.
    ({ totp } = await seedPortalWorld(server.app, server.baseUrl));
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the director registers the company as a member and gets a certificate, shown once', async () => {
    await signIn(WORLD.director);
    await page.goto(`${server.baseUrl}/smart-bridge`);
    await expectNoAxeViolations(page, 'portal home');
    await page.getByRole('link', { name: t('bridgePortal.nav.members') }).click();
    await expectNoAxeViolations(page, 'my organisations');
    await page.getByRole('link', { name: t('bridgePortal.nav.newMember') }).click();
    await expectNoAxeViolations(page, 'register a member');
    await page.click('main form button[type=submit]');
    expect(await page.title()).toMatch(new RegExp(`^${t('layout.errorPrefix')}`));
    await expectNoAxeViolations(page, 'register a member, with errors');
    await page.fill('#field-subsystem', 'crm');
    await page.click('main form button[type=submit]');
    await page.waitForURL(/\/smart-bridge\/members\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain(client);
    await expectNoAxeViolations(page, 'member page');
    await page.getByRole('button', { name: t('bridgePortal.certificate.issue') }).click();
    await expectNoAxeViolations(page, 'certificate issued');
    expect(await page.textContent('[role="alert"]')).toContain(
      t('bridgePortal.certificate.warningTitle'),
    );
    keyId = (await page.textContent('#key-id'))!.trim();
    privateKeyPem = await page.inputValue('#private-key');
    expect(privateKeyPem).toContain('BEGIN PRIVATE KEY');
  });

  it('the director requests access to the population register’s passport', async () => {
    await page.goto(`${server.baseUrl}/smart-bridge/services`);
    await expectNoAxeViolations(page, 'catalogue');
    await page.getByRole('link', { name: 'KZ/GOV/070540001234/registries/population' }).click();
    await expectNoAxeViolations(page, 'passport');
    await page.getByRole('link', { name: t('bridgePortal.request.link') }).click();
    await expectNoAxeViolations(page, 'access request form');
    await page.fill('#field-purpose', 'Checking a client’s identity before a loan contract');
    await page.fill('#field-legalBasis', 'Client’s written consent, Law No. 94-V, Art. 8');
    await page.fill('#field-expectedVolume', '200 requests a day');
    await page.getByRole('button', { name: t('bridgePortal.request.submit') }).click();
    await page.waitForURL(/\/smart-bridge\/contracts\/[0-9a-f-]{36}$/);
    contractPath = new URL(page.url()).pathname;
    expect(await page.getAttribute('main [data-state]', 'data-state')).toBe('requested');
    await expectNoAxeViolations(page, 'contract, requested');
  });

  it('the ministry’s officer approves the one endpoint it needs', async () => {
    await signIn(WORLD.officer);
    await page.goto(`${server.baseUrl}/smart-bridge/requests`);
    await expectNoAxeViolations(page, 'incoming requests');
    await page.click(`main a[href="${contractPath}"]`);
    await expectNoAxeViolations(page, 'contract, as owner');
    await page.getByRole('button', { name: t('bridgePortal.decide.approve') }).click();
    expect(await page.title()).toMatch(new RegExp(`^${t('layout.errorPrefix')}`));
    await expectNoAxeViolations(page, 'contract, approval with errors');
    await page.check('input[name="scope"][value="endpoints"]');
    await page.check('input[name="endpoint"][value="POST /read"]');
    await page.getByRole('button', { name: t('bridgePortal.decide.approve') }).click();
    await page.waitForURL(`${server.baseUrl}${contractPath}`);
    expect(await page.getAttribute('main [data-state]', 'data-state')).toBe('approved');
    await expectNoAxeViolations(page, 'contract, approved');
  });

  it('the company’s system reads the citizen’s record through the gateway', async () => {
    // The gateway presents the registries its own key (the demo seed sealed it in the passport)
    // and names the company's system as the client; the company needs no key of the registries.
    const call = async (path: string) => {
      const body = Buffer.from(JSON.stringify({ query: { content: { iin: WORLD.citizen } } }));
      const origin = new URL(server.app.platform.config.publicBaseUrl).origin;
      const headers = await signRequest(
        {
          method: 'POST',
          url: `${origin}${path}`,
          headers: { 'information-mediator-client': client, 'content-type': 'application/json' },
          body,
        },
        {
          keyId,
          privateKey: createPrivateKey(privateKeyPem),
          nonce: randomBytes(16).toString('base64url'),
          now: new Date(),
        },
      );
      return fetch(`${server.baseUrl}${path}`, { method: 'POST', headers, body });
    };
    const service = '/KZ/GOV/070540001234/registries/population';
    const answer = await call(`${service}/read`);
    expect(answer.status).toBe(200);
    const record = (await answer.json()) as { content: { iin: string } };
    expect(record.content.iin).toBe(WORLD.citizen);
    // Only the granted endpoint passes.
    const refused = await call(`${service}/exists`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('BRIDGE_NO_CONTRACT');
  });

  it('the director sees the contract’s usage', async () => {
    await signIn(WORLD.director);
    await page.goto(`${server.baseUrl}${contractPath}`);
    expect((await page.textContent('[data-usage-requests]'))?.trim()).toBe('2');
    expect((await page.textContent('[data-usage-errors]'))?.trim()).toBe('1');
    // Latency from the message log (kk: 'медиана N мс, 95-процентиль M мс') and the quota.
    expect(await page.textContent('[data-usage-latency]')).toMatch(/\d+ мс.*\d+ мс/);
    expect(await page.textContent('[data-usage-quota]')).toMatch(/\d+/);
    await expectNoAxeViolations(page, 'contract with usage');
  });

  it('the citizen sees the call on “Who used my data”', async () => {
    await signIn(WORLD.citizen);
    await page.goto(`${server.baseUrl}/my-data-usage`);
    expect(await page.textContent('main')).toContain(client);
    await expectNoAxeViolations(page, 'who used my data');
  });
});
