import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { TestBrowser, testClock } from '../test/browser.js';
import { IIN, PASSWORD, seedUser } from '../test/fixtures.js';

describe('progressive delay and lockout', () => {
  let test: TestApp;
  const clock = testClock(new Date('2025-03-03T06:00:00Z')); // 11:00 in Kazakhstan

  beforeAll(async () => {
    test = await createTestApp({ now: clock.now, env: { SESSION_IDLE_MINUTES: '1000' } });
    await seedUser(test.app, { nationalId: IIN.citizen, role: 'citizen' });
  });
  afterAll(() => test.close());

  /** Runs the whole sequence for one login and returns the status and error of each step. */
  async function sequence(login: string) {
    const browser = new TestBrowser(test.app);
    const attempt = async (password = 'wrong password!') => {
      const response = await browser.signIn(login, password);
      const message = /<li><a href="#field-login">([^<]+)<\/a>/.exec(response.body)?.[1] ?? '';
      return { status: response.statusCode, message, retryAfter: response.headers['retry-after'] };
    };
    const steps = [];
    for (let i = 0; i < 3; i++) steps.push(await attempt());
    steps.push(await attempt()); // too soon after the 3rd failure
    clock.advance(5_000);
    steps.push(await attempt()); // 4th failure: next wait 10 s
    clock.advance(9_000);
    steps.push(await attempt(PASSWORD)); // right password but too soon: refused unchecked
    for (const wait of [1_000, 20_000, 40_000, 80_000, 160_000, 320_000]) {
      clock.advance(wait);
      steps.push(await attempt()); // failures 5..10; the 10th locks
    }
    steps.push(await attempt(PASSWORD)); // locked
    clock.advance(15 * 60_000);
    steps.push(await attempt(PASSWORD)); // lock served
    return steps;
  }

  it('slows down after 3 failures, locks after 10 for 15 minutes, and says until when', async () => {
    const start = clock.now().getTime();
    const steps = await sequence(IIN.citizen);
    expect(steps.map((s) => s.status)).toEqual([
      401, 401, 401, 429, 401, 429, 401, 401, 401, 401, 401, 429, 429, 303,
    ]);
    expect(steps[0]?.message).toBe('Логин немесе құпиясөз қате');
    // 3rd failure at 11:00:00 → wait 5 s.
    expect(steps[2]?.message).toContain('11:00:05');
    expect(steps[3]?.message).toContain('11:00:05');
    expect(steps[3]?.retryAfter).toBe('5');
    // The 10th failure locks until 15 minutes later, and says so.
    const lockedAt = new Date(
      start + 5_000 + 9_000 + 1_000 + 20_000 + 40_000 + 80_000 + 160_000 + 320_000,
    );
    const until = new Date(lockedAt.getTime() + 15 * 60_000);
    const local = until.toLocaleTimeString('en-GB', { timeZone: 'Asia/Almaty', hourCycle: 'h23' });
    expect(steps[11]?.message).toContain(local);
    expect(steps[12]?.message).toContain(local);
    expect(steps[12]?.message).toContain('бұғатталды');

    const locks = await test.database.db
      .selectFrom('audit_log')
      .select(['subject', 'details'])
      .where('action', '=', 'identity.account-lock')
      .execute();
    expect(locks).toHaveLength(1);
  });

  it('answers exactly the same for a login that matches no account', async () => {
    clock.advance(60 * 60_000);
    const known = await sequence(IIN.citizen);
    clock.advance(60 * 60_000);
    const unknown = await sequence(IIN.other);
    expect(unknown.slice(0, 13).map((s) => s.status)).toEqual(
      known.slice(0, 13).map((s) => s.status),
    );
    const shape = (steps: typeof known) =>
      steps.slice(0, 13).map((s) => s.message.replace(/\d\d:\d\d:\d\d/, 'HH:MM:SS'));
    expect(shape(unknown)).toEqual(shape(known));
    expect(unknown[13]?.status).toBe(401); // no account: the right "password" is still wrong
  });
});
