import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { addRecord, changeRecord, fixedClock, seedWorld, signedIn, WORLD } from '../test/world.js';

/**
 * A sealed will: its existence reaches only the notary of the testator's open inheritance case,
 * after the death is recorded; not the certifying notary, not a citizen, not before the death.
 */
describe('e-Notary wills and inheritance cases', () => {
  let test: TestApp;
  let certifier: TestBrowser;
  let heirsNotary: TestBrowser;
  let citizen: TestBrowser;
  const testator = WORLD.coOwner;

  beforeAll(async () => {
    test = await createTestApp({ now: fixedClock().now });
    await seedWorld(test.app);
    // A second notary, who will handle the inheritance.
    await addRecord(test.app, 'licences', {
      number: 'NOT-0000777',
      holderIin: WORLD.stranger,
      kind: 'notary',
      scope: 'Астана қаласының нотариаттық округі',
      issuedBy: 'Қазақстан Республикасының Әділет министрлігі',
      validFrom: '2012-01-10',
      status: 'active',
    });
    certifier = await signedIn(test.app, WORLD.notary);
    heirsNotary = await signedIn(test.app, WORLD.stranger);
    citizen = await signedIn(test.app, WORLD.owner);
  });
  afterAll(() => test.close());

  const search = async (browser: TestBrowser) => {
    const response = await browser.json('POST', '/e-notary/api/wills/search', {
      testatorIin: testator,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { registerNumber: string }[]).map((will) => will.registerNumber);
  };

  it('keeps a will sealed until the death, then shows it to the inheritance notary only', async () => {
    const certified = await certifier.json('POST', '/e-notary/api/wills', {
      testatorIin: testator,
      text: 'Пәтерімді ұлыма қалдырамын.',
    });
    expect(certified.statusCode, certified.body).toBe(201);
    const { registerNumber } = certified.json();
    expect(registerNumber).toMatch(/^W-NOT0000451-2026-000001$/);

    // Before the death: nobody sees it, and no case can be opened.
    for (const browser of [certifier, heirsNotary, citizen])
      expect(await search(browser)).toEqual([]);
    const early = await heirsNotary.json('POST', '/e-notary/api/inheritance-cases', {
      testatorIin: testator,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ENOTARY_INHERITANCE_DEATH_NOT_RECORDED');

    await changeRecord(test.app, 'population', { iin: testator }, { deceasedDate: '2026-03-10' });
    const opened = await heirsNotary.json('POST', '/e-notary/api/inheritance-cases', {
      testatorIin: testator,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().registerNumber).toBe('I-NOT0000777-2026-000001');

    expect(await search(heirsNotary)).toEqual([registerNumber]);
    expect(await search(certifier)).toEqual([]);
    expect(await search(citizen)).toEqual([]);

    const second = await certifier.json('POST', '/e-notary/api/inheritance-cases', {
      testatorIin: testator,
    });
    expect(second.json().code).toBe('ENOTARY_INHERITANCE_CASE_EXISTS');

    const lookups = await test.app.platform.db
      .selectFrom('audit_log')
      .select(['outcome'])
      .where('action', '=', 'e-notary.will-lookup')
      .execute();
    expect(lookups.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a will of a dead testator, one made through a representative, and a bad IIN', async () => {
    const dead = await certifier.json('POST', '/e-notary/api/wills', {
      testatorIin: testator,
      text: 'x',
    });
    expect(dead.json().code).toBe('ENOTARY_CHECK_PARTY_DECEASED');
    const represented = await certifier.json('POST', '/e-notary/api/wills', {
      testatorIin: WORLD.owner,
      text: 'x',
      representativeIin: WORLD.buyer,
    });
    expect(represented.json().code).toBe('ENOTARY_WILL_IN_PERSON_ONLY');
    const bad = await certifier.json('POST', '/e-notary/api/wills', {
      testatorIin: '123',
      text: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('ENOTARY_INVALID_IIN');
  });
});
