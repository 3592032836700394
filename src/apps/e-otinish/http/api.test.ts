import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { TestBrowser } from '../../../blocks/identity/test/browser.js';
import { appealForm, seedOtinishWorld, signedIn, type OtinishWorld } from '../test/world.js';

/** The JSON API for filing an appeal: the same intake as the page, answered with the coupon. */
const now = new Date('2026-03-20T05:00:00Z'); // a Friday, a working day in Almaty
let test: TestApp;
let world: OtinishWorld;
let citizen: TestBrowser;

const jsonAppeal = (overrides: Record<string, unknown> = {}) => ({
  ...appealForm(),
  anonymous: false,
  ...overrides,
});

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  world = await seedOtinishWorld(test.app);
  citizen = await signedIn(test.app, world, 'citizen', () => now, 'en');
});
afterAll(() => test.close());

describe('POST /e-otinish/api/appeals', () => {
  it('files the appeal and answers 201 with its coupon, once everything is committed', async () => {
    const response = await citizen.json('POST', '/e-otinish/api/appeals', {
      values: jsonAppeal(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const coupon = response.json();
    expect(coupon).toMatchObject({
      bodyCode: 'akimat-almaty',
      considered: true,
      couponNumber: expect.stringMatching(/^AKIMAT-ALMATY-2026-\d{6}$/),
    });
    const db = test.database.db;
    const stored = await db
      .selectFrom('otinish_coupon')
      .select(['application_id', 'number'])
      .where('number', '=', coupon.couponNumber)
      .executeTakeFirstOrThrow();
    expect(stored.application_id).toBe(coupon.applicationId);
    const appeal = await db
      .selectFrom('otinish_appeal')
      .select(['topic', 'first_body_code'])
      .where('application_id', '=', coupon.applicationId)
      .executeTakeFirstOrThrow();
    expect(appeal).toEqual({ topic: 'Potholes on Abai avenue', first_body_code: 'akimat-almaty' });
    // The rest of the intake: the registered action with its clock, the message, the audit entry.
    const { rows } = await sql<{ actions: string; notices: string; audits: string }>`
      select
        (select count(*) from otinish_action where application_id = ${coupon.applicationId}) as actions,
        (select count(*) from messaging_status_event where subject_id = ${coupon.applicationId}) as notices,
        (select count(*) from audit_log where subject = ${coupon.applicationId}) as audits`.execute(
      db,
    );
    expect(rows[0]).toEqual({ actions: 2, notices: 1, audits: 1 });
  });

  it('files appeals sent at once in shared transactions: a few statements each, session included', async () => {
    const post = () => citizen.json('POST', '/e-otinish/api/appeals', { values: jsonAppeal() });
    await post(); // The session, its principal and the agency names are read once.
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      // The job queue's own polling and the change feed run meanwhile; they are not intake's.
      if (text && !/pgboss\.|^LISTEN/.test(text.trim())) statements.push(text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    let answers;
    try {
      answers = await Promise.all(Array.from({ length: 50 }, post));
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(50).fill(201));
    // Alone an appeal costs some fifteen (one transaction of multi-row writes); together, the
    // batches share them. Before the group commit of the whole intake it was 18 each.
    expect(statements.length).toBeLessThan(50 * 3);
  });

  it('sends an invalid form back with one translated problem per field', async () => {
    const response = await citizen.json('POST', '/e-otinish/api/appeals', {
      values: jsonAppeal({ topic: '', region: 'atlantis' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem.code).toBe('SERVICES_FORM_INVALID');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'region',
      'topic',
    ]);
    for (const error of problem.errors) expect(error.message).not.toMatch(/^error\./);
  });

  it('refuses a body that is not { values }', async () => {
    const response = await citizen.json('POST', '/e-otinish/api/appeals', jsonAppeal());
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('HTTP_VALIDATION_FAILED');
  });

  it('refuses nobody signed in (401) and a session call without the CSRF token (403)', async () => {
    const anonymous = await test.app.inject({
      method: 'POST',
      url: '/e-otinish/api/appeals',
      payload: { values: jsonAppeal() },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('AUTH_SIGN_IN_REQUIRED');
    const forged = await citizen.request({
      method: 'POST',
      url: '/e-otinish/api/appeals',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: JSON.stringify({ values: jsonAppeal() }),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('HTTP_CSRF_INVALID');
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = document.paths['/e-otinish/api/appeals']?.post;
    expect(post?.tags).toEqual(['e-otinish']);
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '403', '503']);
  });
});
