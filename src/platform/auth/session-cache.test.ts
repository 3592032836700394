import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { buildApp } from '../../app.js';
import { generateDeploymentKey } from '../crypto/deployment-key.js';
import { createDatabase, type Database } from '../db/database.js';
import { principalChanged } from './session-cache.js';
import { endSession, startSession } from './session-store.js';

/**
 * Sessions and principals cached in each process: a signed-in request reads neither, and two
 * server processes on one database (two whole apps, each with its own pool and change feed)
 * refuse a signed-out session and see changed roles as soon as the change is announced.
 */
let test: TestApp;
let other: { app: FastifyInstance; db: Database };
let accountId: string;
let cookie: string;
let sessionId: string;

const whoami = (app: FastifyInstance, withCookie = cookie) =>
  app.inject({ method: 'GET', url: '/api/v1/identity/whoami', headers: { cookie: withCookie } });

/** Asks until the answer changes (the other process hears of a change when it is committed). */
async function eventually(ask: () => Promise<number>, wanted: number): Promise<number> {
  let got = await ask();
  for (let i = 0; i < 100 && got !== wanted; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    got = await ask();
  }
  return got;
}

beforeAll(async () => {
  test = await createTestApp();
  const db = createDatabase(test.database.url, { max: 3 });
  const app = await buildApp({ config: test.config, db, deploymentKey: generateDeploymentKey() });
  await app.ready();
  other = { app, db };
  // A person with an account, as the identity block stores them (the kernel imports no block).
  const { rows } = await sql<{ id: string }>`
    with person as (
      insert into identity_person (country, national_id, family_name, given_name, created_at)
      values ('kz', '850725400024', 'Test', 'Person', now()) returning id
    )
    insert into identity_account (person_id, password_hash, created_at)
    select id, 'not used', now() from person returning id`.execute(test.database.db);
  accountId = rows[0]!.id;
});
afterAll(async () => {
  await other.app.close();
  await other.db.destroy();
  await test.close();
});

/** A signed-in session of the account, as the sign-in pages start it; its cookie is `cookie`. */
async function signIn(): Promise<void> {
  const { token, session } = await startSession(test.database.db, {
    accountId,
    stage: 'signed-in',
    now: new Date(),
    limits: { idleMinutes: test.config.sessionIdleMinutes, maxHours: test.config.sessionMaxHours },
  });
  cookie = `ortaq_session=${token}`;
  sessionId = session.id;
}

describe('the session cache', () => {
  it('answers a signed-in request without reading the session or the principal again', async () => {
    await signIn();
    expect((await whoami(test.app)).statusCode).toBe(200);
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      if (text && /platform_auth_session|identity_account/.test(text)) statements.push(text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      for (let i = 0; i < 5; i += 1) expect((await whoami(test.app)).statusCode).toBe(200);
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(statements).toEqual([]);
  });

  it('refuses a signed-out session at once here, and in another process once told', async () => {
    await signIn();
    const signedInCookie = cookie;
    expect((await whoami(test.app)).statusCode).toBe(200);
    expect((await whoami(other.app)).statusCode).toBe(200);
    expect((await whoami(other.app)).statusCode).toBe(200); // now from its cache
    await endSession(test.database.db, sessionId); // as sign-out does
    // The old cookie, replayed.
    expect((await whoami(test.app, signedInCookie)).statusCode).toBe(401);
    expect(
      await eventually(async () => (await whoami(other.app, signedInCookie)).statusCode, 401),
    ).toBe(401);
  });

  it('shows changed roles in every process once the change is announced', async () => {
    await signIn();
    const roles = async (app: FastifyInstance) => (await whoami(app)).json().roles as string[];
    expect(await roles(other.app)).toEqual(['citizen']);
    await test.database.db.transaction().execute(async (trx) => {
      await sql`insert into identity_administrator (person_id, created_at)
        select person_id, now() from identity_account where id = ${accountId}`.execute(trx);
      await principalChanged(trx, accountId);
    });
    for (const app of [test.app, other.app]) {
      const admin = async () => ((await roles(app)).includes('admin') ? 1 : 0);
      expect(await eventually(admin, 1)).toBe(1);
    }
  });
});
