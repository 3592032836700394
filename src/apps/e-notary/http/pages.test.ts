import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { fixedClock, seedWorld, signedIn, WORLD } from '../test/world.js';

/** The e-Notary pages without JavaScript: forms post, redirect, and show refusals in a summary. */
describe('e-Notary pages', () => {
  let test: TestApp;
  let notary: TestBrowser;
  let errorPrefix: string;

  beforeAll(async () => {
    test = await createTestApp({ now: fixedClock().now });
    await seedWorld(test.app);
    notary = await signedIn(test.app, WORLD.notary);
    errorPrefix = test.app.platform.catalogue.translator('kk')('layout.errorPrefix');
  });
  afterAll(() => test.close());

  const saleForm = (changes: Record<string, string> = {}) => ({
    cadastralNumber: WORLD.flat,
    sellerKind: 'person',
    sellerId: WORLD.owner,
    sellerShare: '1',
    representativeIin: '',
    powerOfAttorney: '',
    buyerKind: 'person',
    buyerId: WORLD.buyer,
    buyerShare: '1',
    ...changes,
  });
  const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

  it('walks a sale: a refused form, a refused signing, then checks and signature', async () => {
    expect((await notary.get('/e-notary/acts/new')).statusCode).toBe(200);

    const bad = await notary.postForm(
      '/e-notary/acts',
      saleForm({ cadastralNumber: '20:311', buyerId: '1' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(titleOf(bad.body).startsWith(errorPrefix)).toBe(true);
    expect(bad.body).toContain('href="#field-cadastralNumber"');
    expect(bad.body).toContain('href="#field-buyerId"');

    const opened = await notary.postForm('/e-notary/acts', saleForm());
    expect(opened.statusCode).toBe(303);
    const location = String(opened.headers.location);
    expect(location).toMatch(/^\/e-notary\/acts\/[0-9a-f-]{36}$/);
    expect(location).not.toContain(WORLD.owner);

    // The same form sent again (a double click, a reload): no second act, a translated refusal.
    const twice = await notary.postForm('/e-notary/acts', saleForm());
    expect(twice.statusCode).toBe(409);
    expect(titleOf(twice.body).startsWith(errorPrefix)).toBe(true);
    expect(twice.body).toContain(
      test.app.platform.catalogue.translator('kk')('error.ENOTARY_ACT_ALREADY_OPEN'),
    );

    const actPage = await notary.get(location);
    expect(actPage.body).toMatch(/<label for="field-reason">/);
    const early = await notary.postForm(`${location}/sign`, {});
    expect(early.statusCode).toBe(409);
    expect(titleOf(early.body).startsWith(errorPrefix)).toBe(true);
    expect(early.body).toContain('href="#field-sign"');
    expect(early.body).toContain('id="field-sign"');

    expect((await notary.postForm(`${location}/checks`, {})).statusCode).toBe(303);
    const checked = await notary.get(location);
    expect(checked.body).toContain('data-check="ownership" data-passed="true"');
    expect((await notary.postForm(`${location}/sign`, {})).statusCode).toBe(303);
    // A replayed signing POST signs nothing twice: it comes back refused, in the summary.
    const replayed = await notary.postForm(`${location}/sign`, {});
    expect(replayed.statusCode).toBe(409);
    expect(replayed.body).toContain(
      test.app.platform.catalogue.translator('kk')('error.ENOTARY_ACT_ALREADY_SIGNED'),
    );
    const signed = await notary.get(location);
    expect(signed.body).toContain('data-status="signed"');
    expect(signed.body).toMatch(/href="\/verify\/[^"]+"/);

    const list = await notary.get('/e-notary/acts');
    expect(list.body).toContain(location);
  });

  it('lets the notary cancel an open act with a reason, and refuses one without', async () => {
    const opened = await notary.postForm('/e-notary/acts', saleForm({ buyerId: WORLD.stranger }));
    expect(opened.statusCode).toBe(303);
    const location = String(opened.headers.location);
    await notary.get(location);
    const bare = await notary.postForm(`${location}/cancel`, { reason: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(titleOf(bare.body).startsWith(errorPrefix)).toBe(true);
    expect(bare.body).toContain('href="#field-reason"');
    const done = await notary.postForm(`${location}/cancel`, { reason: 'the parties withdrew' });
    expect(done.statusCode).toBe(303);
    const cancelled = await notary.get(location);
    expect(cancelled.body).toContain('data-status="cancelled"');
    expect(cancelled.body).not.toMatch(/<label for="field-reason">/);
  });

  it('shows the citizen their acts and powers of attorney, in every language', async () => {
    const citizen = await signedIn(test.app, WORLD.owner);
    const acts = await citizen.get('/e-notary/acts');
    expect(acts.statusCode).toBe(200);
    expect(acts.body).toContain('/e-notary/acts/');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      citizen.cookies.set('lang', lang);
      const page = await citizen.get('/e-notary/powers-of-attorney');
      expect(page.statusCode).toBe(200);
      const heading = test.app.platform.catalogue.translator(lang)('enotary.nav.powersOfAttorney');
      expect(page.body).toContain(`<h1>${heading}</h1>`);
    }
    citizen.cookies.delete('lang');
    const revoke = await citizen.postForm('/e-notary/powers-of-attorney/revoke', {
      registerNumber: 'A-NOT0000451-2026-999999',
      reason: 'other',
    });
    expect(revoke.statusCode).toBe(404);
    expect(titleOf(revoke.body).startsWith(errorPrefix)).toBe(true);
  });

  it('sends anonymous visitors to sign in', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/e-notary/acts',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(303);
  });
});
