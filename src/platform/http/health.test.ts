import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../db/database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';

describe('health', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  it('answers liveness', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers and the job queue runs', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: 'ok', jobs: 'ok' } });
  });

  it('describes the probes in the OpenAPI document under "operations"', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      expect(document.paths[path]?.get?.tags, path).toEqual(['operations']);
    }
    expect(document.paths['/health/ready'].get.responses['503']).toBeDefined();
  });
});

describe('health when something is down', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is not ready, with a translated problem, when the job queue has stopped', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    const app = await buildApp({ config, db: database.db });
    await app.ready();
    try {
      await app.platform.jobs.stop();
      const response = await app.inject({
        method: 'GET',
        url: '/health/ready',
        cookies: { lang: 'ru' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 503,
        code: 'HEALTH_NOT_READY',
        title: 'Сервис ещё не готов: база данных или очередь задач недоступна',
      });
      // Liveness does not depend on it: restarting the process would not help.
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('is not ready when the database does not answer', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    const db = createDatabase(database.url, { max: 2 });
    const app = await buildApp({ config, db });
    await app.ready();
    try {
      await app.platform.jobs.stop();
      await db.destroy(); // the pool is gone: every query fails
      const response = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('HEALTH_NOT_READY');
    } finally {
      await app.close();
    }
  });
});
