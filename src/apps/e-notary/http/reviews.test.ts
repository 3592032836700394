import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { TestBrowser } from '../../../blocks/identity/test/browser.js';
import {
  fixedClock,
  saleBody,
  seedWorld,
  signedIn,
  signedInReviewer,
  WORLD,
} from '../test/world.js';

/**
 * The review of acts frozen by an owner's "this is not me", through the real app: the reviewer's
 * queue and decision pages (permission e-notary.acts.review), release with a reason (the notary
 * then runs the checks again and may sign), cancellation, refusals with nothing written, the
 * decision in the act's file, in the audit log and in the notary's inbox.
 */
describe('e-Notary review of frozen acts', () => {
  let test: TestApp;
  let notary: TestBrowser;
  let owner: TestBrowser;
  let reviewer: TestBrowser;
  let errorPrefix: string;
  const clock = fixedClock();

  beforeAll(async () => {
    test = await createTestApp({ now: clock.now });
    await seedWorld(test.app);
    notary = await signedIn(test.app, WORLD.notary);
    owner = await signedIn(test.app, WORLD.owner);
    reviewer = await signedInReviewer(test.app, clock.now);
    errorPrefix = test.app.platform.catalogue.translator('kk')('layout.errorPrefix');
  });
  afterAll(() => test.close());

  const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const t = (id: string) => test.app.platform.catalogue.translator('kk')(id);
  const frozenSale = async () => {
    const opened = await notary.json('POST', '/e-notary/api/acts', saleBody());
    expect(opened.statusCode, opened.body).toBe(201);
    const actId = opened.json().actId as string;
    await owner.get(`/e-notary/alerts/${actId}`);
    expect((await owner.postForm(`/e-notary/alerts/${actId}/not-me`, {})).statusCode).toBe(303);
    return actId;
  };
  const fileOf = (actId: string) =>
    test.app.platform.db
      .selectFrom('enotary_act_action')
      .select(['type', 'payload'])
      .where('act_id', '=', actId)
      .orderBy('seq')
      .execute();
  const reviewAudits = (actId: string) =>
    test.app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'details'])
      .where('action', '=', 'e-notary.act-review')
      .where('subject', '=', actId)
      .execute();

  it('lists frozen acts with the report, and releases one with a reason; the notary then signs', async () => {
    const actId = await frozenSale();

    const home = await reviewer.get('/e-notary');
    expect(home.body).toContain('href="/e-notary/reviews"');
    const list = await reviewer.get('/e-notary/reviews');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/e-notary/reviews/${actId}"`);
    expect(list.body).toContain(WORLD.owner);
    expect(list.body).toContain(WORLD.licence);

    const page = await reviewer.get(`/e-notary/reviews/${actId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-status="frozen"');
    expect(page.body).toMatch(/<label for="field-reason">/);
    expect(page.body).toContain('name="outcome" value="cleared"');
    expect(page.body).toContain('name="outcome" value="cancelled"');

    // No reason: refused, the form comes back with its error summary, nothing is written.
    const before = await fileOf(actId);
    const bare = await reviewer.postForm(`/e-notary/reviews/${actId}`, {
      outcome: 'cleared',
      reason: '  ',
    });
    expect(bare.statusCode).toBe(400);
    expect(titleOf(bare.body).startsWith(errorPrefix)).toBe(true);
    expect(bare.body).toContain('href="#field-reason"');
    expect(bare.body).toContain(t('error.ENOTARY_ACT_REVIEW_REASON_REQUIRED'));
    const tooLong = await reviewer.postForm(`/e-notary/reviews/${actId}`, {
      outcome: 'cleared',
      reason: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(await fileOf(actId)).toEqual(before);
    expect(await reviewAudits(actId)).toEqual([]);

    const released = await reviewer.postForm(`/e-notary/reviews/${actId}`, {
      outcome: 'cleared',
      reason: 'The owner confirmed the sale in person at the notary’s office.',
    });
    expect(released.statusCode).toBe(303);
    expect(released.headers.location).toBe('/e-notary/reviews?decided=cleared');
    const after = await reviewer.get('/e-notary/reviews?decided=cleared');
    expect(after.body).toContain(t('enotary.reviews.notice.cleared'));
    expect(after.body).not.toContain(`/e-notary/reviews/${actId}`);

    const file = await fileOf(actId);
    expect(file.at(-1)).toMatchObject({
      type: 'review-cleared',
      payload: {
        reviewerIin: WORLD.officer,
        reason: 'The owner confirmed the sale in person at the notary’s office.',
      },
    });
    expect(await reviewAudits(actId)).toEqual([
      expect.objectContaining({ details: { decision: 'cleared', status: 'draft' } }),
    ]);
    const status = await notary.json('GET', `/e-notary/api/acts/${actId}`);
    expect(status.json().status).toBe('draft');
    expect((await notary.get('/inbox')).body).toContain(WORLD.flat);

    // The same decision sent again is refused (the act is no longer frozen); nothing is added.
    const replay = await reviewer.postForm(`/e-notary/reviews/${actId}`, {
      outcome: 'cleared',
      reason: 'again',
    });
    expect(replay.statusCode).toBe(409);
    expect(replay.body).toContain(t('error.ENOTARY_ACT_NOT_FROZEN'));
    expect(await reviewAudits(actId)).toHaveLength(1);

    // The checks were discarded: the notary runs them again, then signs.
    expect((await notary.json('POST', `/e-notary/api/acts/${actId}/sign`)).json().code).toBe(
      'ENOTARY_ACT_CHECKS_MISSING',
    );
    expect((await notary.json('POST', `/e-notary/api/acts/${actId}/checks`)).statusCode).toBe(200);
    expect((await notary.json('POST', `/e-notary/api/acts/${actId}/sign`)).statusCode).toBe(200);
  });

  it('cancels a frozen act through the API; it can no longer be signed', async () => {
    const actId = await frozenSale();
    const listed = await reviewer.json('GET', '/e-notary/api/reviews');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toContainEqual(
      expect.objectContaining({
        actId,
        cadastralNumber: WORLD.flat,
        reports: [expect.objectContaining({ owner: WORLD.owner })],
      }),
    );
    const noReason = await reviewer.json('POST', `/e-notary/api/acts/${actId}/review`, {
      outcome: 'cancelled',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('ENOTARY_ACT_REVIEW_REASON_REQUIRED');
    const cancelled = await reviewer.json('POST', `/e-notary/api/acts/${actId}/review`, {
      outcome: 'cancelled',
      reason: 'The seller was not the owner: an impostor with a forged identity card.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toEqual({ status: 'cancelled' });
    expect(await reviewAudits(actId)).toEqual([
      expect.objectContaining({ details: { decision: 'cancelled', status: 'cancelled' } }),
    ]);
    const signing = await notary.json('POST', `/e-notary/api/acts/${actId}/sign`);
    expect(signing.statusCode).toBe(409);
    expect(signing.json().code).toBe('ENOTARY_ACT_CLOSED');
  });

  it('lets nobody without e-notary.acts.review see or decide, and sends the anonymous to sign in', async () => {
    const actId = await frozenSale();
    for (const who of [notary, owner]) {
      expect((await who.get('/e-notary/reviews')).statusCode).toBe(403);
      expect((await who.get(`/e-notary/reviews/${actId}`)).statusCode).toBe(403);
      expect(
        (await who.postForm(`/e-notary/reviews/${actId}`, { outcome: 'cleared', reason: 'x' }))
          .statusCode,
      ).toBe(403);
      expect((await who.json('GET', '/e-notary/api/reviews')).statusCode).toBe(403);
      expect(
        (
          await who.json('POST', `/e-notary/api/acts/${actId}/review`, {
            outcome: 'cleared',
            reason: 'x',
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await notary.get('/e-notary')).body).not.toContain('href="/e-notary/reviews"');
    const anonymous = await new TestBrowser(test.app).get('/e-notary/reviews');
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/^\/sign-in\?/);
    expect((await notary.json('GET', `/e-notary/api/acts/${actId}`)).json().status).toBe('frozen');
    expect(await reviewAudits(actId)).toEqual([]);
  });
});
