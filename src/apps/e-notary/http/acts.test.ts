import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { verifyLedger } from '../../../blocks/trust/index.js';
import {
  changeRecord,
  fixedClock,
  saleBody,
  saleOf,
  seedWorld,
  signedIn,
  WORLD,
  writtenRows,
} from '../test/world.js';

/**
 * The e-Notary acts through the real app (JSON API, signed-in sessions, a fixed clock): every
 * pre-deal check failing blocks signing and is recorded in the act's file; the passing path signs
 * and verifies publicly; owners are alerted and "this is not me" freezes; bad input is refused
 * whole.
 */
describe('e-Notary acts', () => {
  let test: TestApp;
  let notary: TestBrowser;
  let owner: TestBrowser;
  const clock = fixedClock();

  beforeAll(async () => {
    test = await createTestApp({ now: clock.now });
    await seedWorld(test.app);
    notary = await signedIn(test.app, WORLD.notary);
    owner = await signedIn(test.app, WORLD.owner);
  });
  afterAll(() => test.close());

  const open = async (body: unknown = saleBody()) => {
    const response = await notary.json('POST', '/e-notary/api/acts', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().actId as string;
  };
  const check = async (actId: string) => {
    const response = await notary.json('POST', `/e-notary/api/acts/${actId}/checks`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      signingAllowed: boolean;
      results: { check: string; passed: boolean; findings: { code: string; severity: string }[] }[];
    };
  };
  const sign = (actId: string) => notary.json('POST', `/e-notary/api/acts/${actId}/sign`);
  const failed = (checks: Awaited<ReturnType<typeof check>>) =>
    checks.results.filter((result) => !result.passed).map((result) => result.check);
  const codes = (checks: Awaited<ReturnType<typeof check>>) =>
    checks.results.flatMap((result) => result.findings.map((finding) => finding.code));
  // An open act blocks opening the same deal again: each test leaves none behind.
  afterEach(async () => {
    const open = await test.app.platform.db
      .selectFrom('enotary_act as a')
      .leftJoin('enotary_act_entry as e', 'e.act_id', 'a.id')
      .select('a.id')
      .where('e.act_id', 'is', null)
      .execute();
    for (const { id } of open)
      await notary.json('POST', `/e-notary/api/acts/${id}/cancel`, { reason: 'test over' });
  });
  const fileOf = async (actId: string) => {
    const rows = await test.app.platform.db
      .selectFrom('enotary_act_action')
      .select(['type', 'payload'])
      .where('act_id', '=', actId)
      .orderBy('seq')
      .execute();
    return rows;
  };

  it('signs a clean sale, enters it in register A and the ledger, and verifies it publicly by QR and number', async () => {
    const actId = await open();
    const checks = await check(actId);
    expect(checks.signingAllowed).toBe(true);
    expect(checks.results.map((result) => result.check)).toEqual([
      'licence',
      'parties',
      'power-of-attorney',
      'cadastral-number',
      'ownership',
      'encumbrances',
      'spouse-consent',
    ]);
    const signed = await sign(actId);
    expect(signed.statusCode, signed.body).toBe(200);
    const { registerNumber, verificationCode } = signed.json();
    expect(registerNumber).toMatch(/^A-NOT0000451-2026-\d{6}$/);

    const qr = await test.app.inject({ method: 'GET', url: `/verify/${verificationCode}` });
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain(registerNumber);
    expect(qr.body).not.toContain(WORLD.owner);
    expect(qr.body).not.toContain(WORLD.buyer);

    const byNumber = await test.app.inject({
      method: 'POST',
      url: '/e-notary/api/verify',
      payload: { number: registerNumber.toLowerCase() },
    });
    expect(byNumber.json()).toMatchObject({ status: 'valid', registerNumber });

    const ledger = await test.app.platform.db
      .selectFrom('trust_ledger_entry')
      .select(['kind', 'subject'])
      .where('ledger', '=', 'e-notary-acts')
      .execute();
    expect(ledger).toContainEqual({ kind: 'act.registered', subject: registerNumber });
    const key = test.app.trust.deploymentKey;
    const report = await verifyLedger(
      test.app.platform.db,
      'e-notary-acts',
      new Map([[key.keyId, key.publicKey]]),
    );
    expect(report.problem).toBeUndefined();
    expect(report.entries).toBeGreaterThanOrEqual(1);
    expect((await fileOf(actId)).map((row) => row.type)).toEqual([
      'drafted',
      'owner-alerted',
      'checks-run',
      'signed',
    ]);
    // Signing twice is refused; the register number stays unique.
    expect((await sign(actId)).json().code).toBe('ENOTARY_ACT_ALREADY_SIGNED');
  });

  it('numbers acts in sequence per licence and year', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const actId = await open();
      await check(actId);
      numbers.push((await sign(actId)).json().registerNumber);
    }
    const [first, second] = numbers.map((n) => Number(n.slice(-6)));
    expect(second).toBe(first! + 1);
  });

  it('gives two acts signed at the same moment two different numbers', async () => {
    const acts = [
      await open(),
      await open({
        kind: 'power-of-attorney',
        parties: [
          { role: 'principal', kind: 'person', id: WORLD.owner },
          { role: 'representative', kind: 'person', id: WORLD.coOwner },
        ],
        powerOfAttorney: {
          scope: { actKinds: ['real-estate-sale'], objects: 'any' },
          validUntil: null,
        },
      }),
    ];
    for (const actId of acts) await check(actId);
    const signed = await Promise.all(acts.map((actId) => sign(actId)));
    const numbers = signed.map((response) => response.json().registerNumber as string);
    expect(signed.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(new Set(numbers).size).toBe(2);
  });

  it('refuses to sign before the checks are run, and when they are stale', async () => {
    const actId = await open();
    expect((await sign(actId)).json().code).toBe('ENOTARY_ACT_CHECKS_MISSING');
    await check(actId);
    clock.advance(16);
    const stale = await sign(actId);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('ENOTARY_ACT_CHECKS_STALE');
  });

  it('licence check: a licence suspended after the act was opened fails the check, which is recorded, and signing is refused', async () => {
    const actId = await open();
    await changeRecord(test.app, 'licences', { number: WORLD.licence }, { status: 'suspended' });
    try {
      const checks = await check(actId);
      expect(checks.signingAllowed).toBe(false);
      expect(failed(checks)).toEqual(['licence']);
      expect(codes(checks)).toContain('ENOTARY_CHECK_LICENCE_NOT_ACTIVE');
      const refused = await sign(actId);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('ENOTARY_CHECK_LICENCE_NOT_ACTIVE');
    } finally {
      await changeRecord(test.app, 'licences', { number: WORLD.licence }, { status: 'active' });
    }
    const file = await fileOf(actId);
    expect(file.map((row) => row.type)).toContain('checks-run');
    expect(JSON.stringify(file.at(-1)!.payload)).toContain('ENOTARY_CHECK_LICENCE_NOT_ACTIVE');
  });

  it('parties check: a buyer who died blocks signing', async () => {
    const actId = await open();
    await changeRecord(
      test.app,
      'population',
      { iin: WORLD.buyer },
      { deceasedDate: '2026-03-01' },
    );
    try {
      const checks = await check(actId);
      expect(failed(checks)).toEqual(['parties']);
      expect(codes(checks)).toContain('ENOTARY_CHECK_PARTY_DECEASED');
      const refused = await sign(actId);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('ENOTARY_ACT_CHECKS_BLOCKING');
    } finally {
      await changeRecord(test.app, 'population', { iin: WORLD.buyer }, { deceasedDate: null });
    }
  });

  it('ownership and encumbrance checks: selling the whole of a half-owned, mortgaged flat', async () => {
    const actId = await open({
      kind: 'real-estate-sale',
      cadastralNumber: WORLD.coOwnedFlat,
      parties: [
        { role: 'seller', kind: 'person', id: WORLD.buyer, share: '1' },
        { role: 'buyer', kind: 'person', id: WORLD.stranger, share: '1' },
      ],
    });
    const checks = await check(actId);
    expect(failed(checks)).toEqual(['ownership', 'encumbrances']);
    expect(codes(checks)).toEqual(
      expect.arrayContaining([
        'ENOTARY_CHECK_SHARE_EXCEEDS_OWNED',
        'ENOTARY_CHECK_MORTGAGE_WITHOUT_CONSENT',
      ]),
    );
    expect((await sign(actId)).json().code).toBe('ENOTARY_ACT_CHECKS_BLOCKING');
  });

  it('encumbrance check: an arrested flat cannot be sold', async () => {
    const actId = await open(saleOf(WORLD.arrestedFlat, WORLD.arrestedOwner));
    const checks = await check(actId);
    expect(failed(checks)).toEqual(['encumbrances']);
    expect(codes(checks)).toContain('ENOTARY_CHECK_ARREST');
    expect((await sign(actId)).json().code).toBe('ENOTARY_ACT_CHECKS_BLOCKING');
  });

  it('power-of-attorney check: a revoked power of attorney fails the very next check', async () => {
    const poaAct = await open({
      kind: 'power-of-attorney',
      parties: [
        { role: 'principal', kind: 'person', id: WORLD.owner },
        { role: 'representative', kind: 'person', id: WORLD.stranger },
      ],
      powerOfAttorney: {
        scope: { actKinds: ['real-estate-sale'], objects: ['20:311:004:017:1:15'] },
        validUntil: null,
      },
    });
    await check(poaAct);
    const poa = (await sign(poaAct)).json().registerNumber as string;

    const actId = await open(
      saleBody({
        parties: [
          {
            role: 'seller',
            kind: 'person',
            id: WORLD.owner,
            share: '1',
            representative: { iin: WORLD.stranger, powerOfAttorney: poa },
          },
          { role: 'buyer', kind: 'person', id: WORLD.buyer, share: '1' },
        ],
      }),
    );
    expect((await check(actId)).signingAllowed).toBe(true);

    const listed = await owner.json('GET', '/e-notary/api/powers-of-attorney');
    expect(listed.json().given.map((p: { registerNumber: string }) => p.registerNumber)).toContain(
      poa,
    );
    const revoked = await owner.json('POST', '/e-notary/api/powers-of-attorney/revoke', {
      registerNumber: poa,
      reason: 'lost-confidence',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    // The checks run before the revocation are stale at once; the next run fails.
    expect((await sign(actId)).json().code).toBe('ENOTARY_ACT_CHECKS_STALE');
    const checks = await check(actId);
    expect(failed(checks)).toEqual(['power-of-attorney']);
    expect(codes(checks)).toContain('ENOTARY_CHECK_POA_REVOKED');
    expect((await sign(actId)).json().code).toBe('ENOTARY_ACT_CHECKS_BLOCKING');

    const again = await owner.json('POST', '/e-notary/api/powers-of-attorney/revoke', {
      registerNumber: poa,
      reason: 'lost-confidence',
    });
    expect(again.json().code).toBe('ENOTARY_POA_ALREADY_REVOKED');
    // Only the principal revokes.
    const byOther = await notary.json('POST', '/e-notary/api/powers-of-attorney/revoke', {
      registerNumber: poa,
      reason: 'no-longer-needed',
    });
    expect(byOther.statusCode).toBe(403);
  });

  it('alerts the owner, whose "this is not me" freezes the act pending review', async () => {
    const actId = await open();
    const inbox = await owner.get('/inbox');
    expect(inbox.body).toContain(WORLD.flat);

    const alert = await owner.get(`/e-notary/alerts/${actId}`);
    expect(alert.statusCode).toBe(200);
    const reported = await owner.postForm(`/e-notary/alerts/${actId}/not-me`, {});
    expect(reported.statusCode).toBe(303);
    // Sent again (a double click, a replay): the report stands once, the notary is told once.
    const messagesBefore = await writtenRows(test.app);
    expect((await owner.postForm(`/e-notary/alerts/${actId}/not-me`, {})).statusCode).toBe(303);
    expect((await owner.json('POST', `/e-notary/api/acts/${actId}/not-me`)).json()).toEqual({
      status: 'frozen',
      disputed: false,
    });
    expect(await writtenRows(test.app)).toEqual(messagesBefore);
    expect(
      (await fileOf(actId)).filter((row) => row.type === 'owner-reported-not-me'),
    ).toHaveLength(1);

    const status = await notary.json('GET', `/e-notary/api/acts/${actId}`);
    expect(status.json().status).toBe('frozen');
    await check(actId);
    const refused = await sign(actId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ENOTARY_ACT_FROZEN');
    const notaryInbox = await notary.get('/inbox');
    expect(notaryInbox.body).toContain(WORLD.flat);

    // Somebody who was not alerted can neither see the alert nor report.
    const stranger = await signedIn(test.app, WORLD.stranger);
    expect((await stranger.get(`/e-notary/alerts/${actId}`)).statusCode).toBe(404);
    expect((await stranger.json('POST', `/e-notary/api/acts/${actId}/not-me`)).statusCode).toBe(
      403,
    );
  });

  it('opens one act per deal: the same deal again, even sent twice at once, is refused whole', async () => {
    const first = await open();
    const before = await writtenRows(test.app);
    const again = await notary.json('POST', '/e-notary/api/acts', saleBody());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ENOTARY_ACT_ALREADY_OPEN');
    expect(again.json().title).toBe(
      test.app.platform.catalogue.translator('kk')('error.ENOTARY_ACT_ALREADY_OPEN'),
    );
    // The parties in another order are the same deal.
    const reordered = saleBody();
    reordered.parties.reverse();
    expect((await notary.json('POST', '/e-notary/api/acts', reordered)).statusCode).toBe(409);
    expect(await writtenRows(test.app)).toEqual(before);

    // Another deal on the same flat (another buyer) may be prepared beside it.
    const other = await open(saleOf(WORLD.flat, WORLD.owner, WORLD.stranger));
    expect(other).not.toBe(first);

    // Once the notary cancels the open act (with a reason), the deal may be opened again.
    const noReason = await notary.json('POST', `/e-notary/api/acts/${first}/cancel`, {
      reason: ' ',
    });
    expect(noReason.json().code).toBe('ENOTARY_ACT_CANCEL_REASON_REQUIRED');
    const cancelled = await notary.json('POST', `/e-notary/api/acts/${first}/cancel`, {
      reason: 'opened by mistake',
    });
    expect(cancelled.json()).toEqual({ status: 'cancelled' });
    const reopened = await open();

    // Two submissions racing: exactly one act is written.
    await notary.json('POST', `/e-notary/api/acts/${reopened}/cancel`, { reason: 'again' });
    const raced = await Promise.all([
      notary.json('POST', '/e-notary/api/acts', saleBody()),
      notary.json('POST', '/e-notary/api/acts', saleBody()),
    ]);
    expect(raced.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('signs once: a replayed or doubled signing request writes no second signature', async () => {
    const actId = await open();
    await check(actId);
    const [a, b] = await Promise.all([sign(actId), sign(actId)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((response) => response.statusCode === 409)!.json().code).toBe(
      'ENOTARY_ACT_ALREADY_SIGNED',
    );
    const replay = await sign(actId);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('ENOTARY_ACT_ALREADY_SIGNED');
    const db = test.app.platform.db;
    const entries = await db
      .selectFrom('enotary_act_entry')
      .select('register_number')
      .where('act_id', '=', actId)
      .execute();
    expect(entries).toHaveLength(1);
    const number = entries[0]!.register_number;
    expect(
      await db
        .selectFrom('trust_document')
        .select('id')
        .where('register_number', '=', number)
        .execute(),
    ).toHaveLength(1);
    expect(
      await db
        .selectFrom('trust_ledger_entry')
        .select('seq')
        .where('ledger', '=', 'e-notary-acts')
        .where('subject', '=', number)
        .execute(),
    ).toHaveLength(1);
    expect((await fileOf(actId)).filter((row) => row.type === 'signed')).toHaveLength(1);
  });

  it('spouse-consent check (demo data): a married seller of a flat bought during the marriage needs the spouse’s consent', async () => {
    const sale = saleOf(WORLD.marriedFlat, WORLD.marriedSeller);
    const actId = await open(sale);
    const checks = await check(actId);
    expect(failed(checks)).toEqual(['spouse-consent']);
    expect(codes(checks)).toContain('ENOTARY_CHECK_SPOUSE_CONSENT_MISSING');
    expect((await sign(actId)).statusCode).toBe(409);

    // The spouse's notarised consent to this sale, attached to a corrected draft, passes.
    const consentAct = await open({
      kind: 'consent',
      cadastralNumber: WORLD.marriedFlat,
      parties: [
        { role: 'consenter', kind: 'person', id: WORLD.spouse },
        { role: 'recipient', kind: 'person', id: WORLD.marriedSeller },
      ],
    });
    expect((await check(consentAct)).signingAllowed).toBe(true);
    const consent = (await sign(consentAct)).json().registerNumber as string;
    await notary.json('POST', `/e-notary/api/acts/${actId}/cancel`, {
      reason: 'the spouse’s consent is to be attached',
    });
    const corrected = await open({ ...sale, attachedConsents: [consent] });
    const passing = await check(corrected);
    expect(failed(passing)).toEqual([]);
  });

  it('parties check (demo data): a seller declared incapable by a court blocks signing', async () => {
    const actId = await open(saleOf(WORLD.incapableFlat, WORLD.incapableOwner));
    const checks = await check(actId);
    expect(failed(checks)).toEqual(['parties']);
    expect(codes(checks)).toContain('ENOTARY_CHECK_PARTY_INCAPACITATED');
    expect((await sign(actId)).statusCode).toBe(409);
  });

  describe('bad input is refused whole: no act, message or access record is written', () => {
    const refused = async (body: unknown, status: number, code: string, field?: string) => {
      const before = await writtenRows(test.app);
      const response = await notary.json('POST', '/e-notary/api/acts', body);
      expect(response.statusCode, response.body).toBe(status);
      const problem = response.json();
      if (field) {
        expect(problem.code).toBe('ENOTARY_ACT_DRAFT_INVALID');
        expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
      } else {
        expect(problem.code).toBe(code);
      }
      expect(problem.title).not.toBe('');
      expect(await writtenRows(test.app)).toEqual(before);
    };
    const withBuyer = (id: string, kind = 'person') =>
      saleBody({
        parties: [
          { role: 'seller', kind: 'person', id: WORLD.owner, share: '1' },
          { role: 'buyer', kind, id, share: '1' },
        ],
      });

    it('an invalid IIN', async () => {
      await refused(withBuyer('900101300018'), 400, 'IDENTITY_ID_BAD_CHECK_DIGIT', 'parties.1.id');
    });

    it('a valid IIN nobody has', async () => {
      await refused(withBuyer(WORLD.unknownIin), 400, 'ENOTARY_IIN_UNKNOWN', 'parties.1.id');
    });

    it('an invalid or unknown BIN', async () => {
      await refused(
        withBuyer('150440012345', 'organisation'),
        400,
        'IDENTITY_ID_BAD_CHECK_DIGIT',
        'parties.1.id',
      );
      await refused(
        withBuyer(WORLD.unknownBin, 'organisation'),
        400,
        'ENOTARY_BIN_UNKNOWN',
        'parties.1.id',
      );
    });

    it('a malformed or unknown cadastral number', async () => {
      await refused(
        saleBody({ cadastralNumber: '20-311-004' }),
        400,
        'ENOTARY_CADASTRAL_INVALID_FORMAT',
        'cadastralNumber',
      );
      await refused(
        saleBody({ cadastralNumber: '20:311:004:017:9/99' }),
        400,
        'ENOTARY_PROPERTY_UNKNOWN',
        'cadastralNumber',
      );
    });

    it('a seller who is not the owner', async () => {
      await refused(
        saleBody({
          parties: [
            { role: 'seller', kind: 'person', id: WORLD.buyer, share: '1' },
            { role: 'buyer', kind: 'person', id: WORLD.stranger, share: '1' },
          ],
        }),
        400,
        'ENOTARY_SELLER_NOT_OWNER',
        'parties.0.id',
      );
    });

    it('a revoked or expired licence', async () => {
      await changeRecord(test.app, 'licences', { number: WORLD.licence }, { status: 'revoked' });
      try {
        await refused(saleBody(), 403, 'ENOTARY_CHECK_LICENCE_NOT_ACTIVE');
      } finally {
        await changeRecord(test.app, 'licences', { number: WORLD.licence }, { status: 'active' });
      }
      await changeRecord(
        test.app,
        'licences',
        { number: WORLD.licence },
        { validTo: '2026-01-31' },
      );
      try {
        await refused(saleBody(), 403, 'ENOTARY_CHECK_LICENCE_EXPIRED');
      } finally {
        await changeRecord(test.app, 'licences', { number: WORLD.licence }, { validTo: null });
      }
    });

    it('someone who is no notary', async () => {
      const before = await writtenRows(test.app);
      const response = await owner.json('POST', '/e-notary/api/acts', saleBody());
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('ENOTARY_NOT_A_NOTARY');
      expect(await writtenRows(test.app)).toEqual(before);
    });
  });
});
