import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { seedUser, IIN } from '../src/blocks/identity/test/fixtures.js';
import { SESSION_SWEEP_JOB } from '../src/platform/auth/session-sweeper.js';
import { deleteExpiredSessions, startSession } from '../src/platform/auth/session-store.js';

describe('expired-session sweep', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('deletes sessions past their end or idle too long, and keeps live ones', async () => {
    const { db } = test.database;
    const { accountId } = await seedUser(test.app, {
      nationalId: IIN.citizen,
      role: 'citizen',
      username: 'sweep',
    });
    const limits = { idleMinutes: 30, maxHours: 8 };
    const start = new Date('2026-03-02T08:00:00Z');
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const begin = (now: Date) =>
      startSession(db, { accountId, stage: 'signed-in', now, limits }).then((s) => s.session.id);

    const idle = await begin(at(0)); // last seen at 0, idle past 30 minutes
    const live = await begin(at(20)); // last seen at 20: still inside the idle window at 45
    const secondFactor = await begin(at(0)); // ends after 8 hours by maxHours
    await db
      .updateTable('platform_auth_session')
      .set({ stage: 'second-factor', expires_at: at(5) })
      .where('id', '=', secondFactor)
      .execute();

    expect(await deleteExpiredSessions(db, at(45), limits)).toBe(2);
    const left = await db.selectFrom('platform_auth_session').select('id').execute();
    expect(left.map((row) => row.id)).toEqual([live]);
    expect(idle).not.toBe(live);
  });

  it('is scheduled once the app is ready', async () => {
    const { rows } = await sql<{ name: string; cron: string }>`
      select name, cron from pgboss.schedule where name = ${SESSION_SWEEP_JOB}`.execute(
      test.database.db,
    );
    expect(rows).toEqual([{ name: SESSION_SWEEP_JOB, cron: '*/15 * * * *' }]);
  });
});
