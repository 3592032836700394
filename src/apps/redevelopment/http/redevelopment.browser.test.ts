import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { PASSWORD } from '../../../blocks/identity/test/fixtures.js';
import { seedWorld, WORLD } from '../test/world.js';

/**
 * The redevelopment journey in a real Chromium, without scripts on the pages: the demo architect
 * files a plan for the demo flat (a wrong file first), the owner consents from the inbox, the plan
 * is registered at once, and anybody verifies the signed document by its QR link. Every page
 * passes axe.
 */
describe('journey: an architect registers a redevelopment with the owner’s consent', () => {
  let server: ListeningApp;
  let browser: TestBrowser;
  let page: Page;
  let filingPath = '';
  const t = (id: string, params?: Record<string, string | number>) =>
    server.app.platform.catalogue.translate('kk', id, params);

  const signIn = async (iin: string) => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('input[name="login"]', iin);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByRole('button', { name: t('identity.signIn.submit') }).click();
    await page.waitForURL(`${server.baseUrl}/`);
  };

  const fillPlan = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.fill('#field-cadastralNumber', WORLD.flat);
    await page.setInputFiles('#field-plan', file);
    for (const [name, value] of [
      ['wallsRemoved', '2'],
      ['wallsAdded', '0'],
      ['openingsMade', '1'],
      ['loadBearingWalls', '0'],
    ])
      await page.fill(`#field-${name}`, value!);
    for (const name of [
      'wetAreasMoved',
      'commonPropertyAffected',
      'gasChanged',
      'ventilationChanged',
      'forResidentWithDisability',
    ])
      await page.check(`input[name="${name}"][value="no"]`);
    await page.fill('#field-description', 'Kitchen joined with the living room.');
    await page.check('input[name="route"][value="self-certification"]');
    await page.check('input[name="selfCertified"][value="yes"]');
  };

  beforeAll(async () => {
    server = await startListeningApp();
    await seedWorld(server.app);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the architect files the plan (a PNG is refused first)', async () => {
    await signIn(WORLD.architect);
    await page.goto(`${server.baseUrl}/redevelopment`);
    await expectNoAxeViolations(page, 'redevelopment home');
    await page.getByRole('link', { name: t('redev.nav.newFiling') }).click();
    await page.waitForURL(/\/redevelopment\/filings\/new$/);
    await expectNoAxeViolations(page, 'new filing');
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    await fillPlan({ name: 'plan.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: t('redev.action.file') }).click();
    expect(await page.title()).toMatch(new RegExp(`^${t('layout.errorPrefix')}`));
    await expectNoAxeViolations(page, 'new filing with errors');
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await fillPlan({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: t('redev.action.file') }).click();
    await page.waitForURL(/\/redevelopment\/filings\/[0-9a-f-]{36}$/);
    filingPath = new URL(page.url()).pathname;
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('awaiting-consents');
    await expectNoAxeViolations(page, 'filing awaiting consents');
  });

  it('the owner finds the request in the inbox and consents; the plan is registered', async () => {
    await signIn(WORLD.owner);
    await page.goto(`${server.baseUrl}/inbox`);
    await page.locator('main a[href^="/inbox/"]').first().click();
    await page.getByRole('link', { name: t('messaging.message.openLink') }).click();
    await page.waitForURL(`${server.baseUrl}${filingPath}`);
    await expectNoAxeViolations(page, 'filing as the owner');
    await page.check('input[name="answer"][value="given"]');
    await page.getByRole('button', { name: t('redev.action.answer') }).click();
    await page.waitForURL(`${server.baseUrl}${filingPath}`);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('registered');
    await expectNoAxeViolations(page, 'registered filing');
    await page.goto(`${server.baseUrl}/redevelopment/plans`);
    expect(await page.textContent('main')).toContain(WORLD.flat);
    await expectNoAxeViolations(page, 'plan history');
  });

  it('anybody verifies the registration document by its QR link, without signing in', async () => {
    await page.goto(`${server.baseUrl}${filingPath}`);
    const href = await page
      .getByRole('link', { name: t('redev.filing.verifyLink') })
      .getAttribute('href');
    expect(href).toMatch(/^\/verify\//);
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}${href}`);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toMatch(/RP-2026-\d{6}|RP-\d{4}-\d{6}/);
    expect(text).toContain(WORLD.licence);
    expect(text).not.toContain(WORLD.owner);
    await expectNoAxeViolations(page, 'public verification');
    await page.goto(`${server.baseUrl}/redevelopment/restricted-architects`);
    await expectNoAxeViolations(page, 'restricted architects');
  });
});
