import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  startListeningApp,
  type ListeningApp,
  type TestBrowser,
} from '../../../../test/support/browser.js';
import { setPersonEmail } from '../../../blocks/messaging/index.js';
import { parseEmail } from '../../../blocks/messaging/test/parse-email.js';
import { SmtpSink } from '../../../blocks/messaging/test/smtp-sink.js';
import { totpCode } from '../../../blocks/identity/service/totp.js';
import { PASSWORD } from '../../../blocks/identity/test/fixtures.js';
import { seedOtinishWorld, type OtinishWorld } from '../test/world.js';

/**
 * The journey of issue 4 in Chromium, without scripts: a citizen files an appeal in Kazakh, the
 * head of the body extends its term, an officer answers it, and the citizen sees the same status
 * on the appeal page, in the inbox and in the email a real SMTP server received. Every page
 * passes axe.
 */
let sink: SmtpSink;
let server: ListeningApp;
let browser: TestBrowser;
let page: Page;
let world: OtinishWorld;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  server = await startListeningApp({
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Ortaq <noreply@ortaq.test>',
      PUBLIC_BASE_URL: 'https://ortaq.example.kz',
    },
  });
  world = await seedOtinishWorld(server.app);
  await server.app.platform.db
    .transaction()
    .execute((trx) =>
      setPersonEmail(trx, world.citizen.personId, 'citizen@example.kz', new Date()),
    );
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sink?.stop();
});

async function signInAs(who: keyof OtinishWorld['iin']) {
  await browser.context.clearCookies();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.fill('#field-login', world.iin[who]);
  await page.fill('#field-password', PASSWORD);
  await page.click('main form button[type=submit]');
  const secret = world.totp.get(world[who].accountId);
  if (secret) {
    await page.fill('#field-code', totpCode(secret, new Date()));
    await page.click('main form button[type=submit]');
  }
}

const emailSubjects = () =>
  sink.received.map((email) => parseEmail(email.raw).headers.get('subject'));

async function waitForEmail(subject: string) {
  for (let i = 0; i < 100 && !emailSubjects().includes(subject); i += 1) await sleep(200);
  return emailSubjects();
}

describe('an appeal in a browser', () => {
  it('filed in Kazakh, extended by the head, answered by an officer: one status on the page, in the inbox and by email', async () => {
    await signInAs('citizen');
    await page.goto(`${server.baseUrl}/e-otinish/appeals/new`);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await expectNoAxeViolations(page, 'appeal form');

    await page.click('button[name=intent][value=file]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Қате:/);
    await expectNoAxeViolations(page, 'appeal form with errors');

    await page.check('#field-kind');
    await page.check('#field-category-roads-transport');
    await page.check('#field-region-almaty');
    await page.fill('#field-district', 'Бостандық ауданы, Абай даңғылы 10');
    await page.fill('#field-topic', 'Абай даңғылындағы шұңқырлар');
    await page.fill(
      '#field-text',
      'Абай даңғылында 10-үйдің жанында терең шұңқырлар бар, көліктер бүлінеді.',
    );
    await page.check('#field-anonymous-no');
    await page.click('button[name=intent][value=file]');
    await page.waitForURL(/\/e-otinish\/coupons\//);
    expect(await page.textContent('h1')).toMatch(/AKIMAT-ALMATY-\d{4}-000001/);
    await expectNoAxeViolations(page, 'coupon');
    await page.click('main a[href^="/e-otinish/appeals/"]');
    const appealUrl = page.url();
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('registered');
    await expectNoAxeViolations(page, 'appeal page (citizen)');

    await signInAs('head');
    await page.goto(appealUrl);
    await expectNoAxeViolations(page, 'appeal page (head)');
    await page.check('#field-days-10');
    await page.fill('#field-extensionReasons', 'Сараптама қажет');
    await page.click('form[action$="/extension"] button');
    await page.waitForSelector('[data-status="extended"]');

    await signInAs('officer');
    await page.goto(appealUrl);
    await page.fill('#field-text', 'Жол 2026 жылғы мамырда жөнделеді.');
    await page.fill('#field-legalGrounds', 'Автомобиль жолдары туралы заң, 13-бап');
    await page.fill('#field-appealRoute', 'Үкіметке 3 ай ішінде (ӘРПК 92-бабы)');
    await page.click('form[action$="/answer"] button');
    await page.waitForSelector('[data-status="decided"]');
    await page.goto(`${server.baseUrl}/e-otinish/officer`);
    await expectNoAxeViolations(page, 'officer page');

    await signInAs('citizen');
    await page.goto(appealUrl);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('decided');
    const status = (await page.textContent('[data-status]'))!.trim();
    expect(status).toMatch(/жауап берілді/);
    await expectNoAxeViolations(page, 'answered appeal (citizen)');
    // The extension and the answer are signed decisions: two links, each to a valid signature.
    const signed = page.locator('section[aria-labelledby="signed-title"] a');
    expect(await signed.count()).toBe(2);
    await signed.last().click();
    await page.waitForURL(/\/verify\//);
    expect(await page.locator('.verification--valid').count()).toBe(1);
    await expectNoAxeViolations(page, 'signed answer verification');
    await page.goto(appealUrl);
    await page.goto(`${server.baseUrl}/inbox`);
    expect(await page.textContent('main')).toContain(status);
    const subjects = await waitForEmail(status);
    expect(subjects).toContain(status);
    expect(subjects.some((subject) => /ұзартылды/.test(subject ?? ''))).toBe(true);

    await page.goto(`${server.baseUrl}/e-otinish/statistics`);
    await expectNoAxeViolations(page, 'statistics');
  });
});
