import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';

describe('metrics', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url }),
      db: database.db,
    });
    // A route with a parameter, as blocks have them.
    app.get('/probe/:ref', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const scrape = async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.body;
  };

  it('exposes process metrics and the database pool', async () => {
    const text = await scrape();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toMatch(/^ortaq_db_pool_connections\{state="total"\} \d+/m);
    expect(text).toMatch(/^ortaq_db_pool_connections\{state="idle"\} \d+/m);
    expect(text).toMatch(/^ortaq_db_pool_waiting_requests 0/m);
  });

  it('times requests by route pattern and status, never by the raw URL', async () => {
    await app.inject({ method: 'GET', url: '/probe/870101300123' });
    await app.inject({ method: 'GET', url: '/probe/870101300124' });
    await app.inject({ method: 'GET', url: '/no-such-page/870101300125' });
    const text = await scrape();
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/probe\/:ref",status_code="200"\} 2$/m,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\(unmatched\)",status_code="404"\} 1$/m,
    );
    expect(text).not.toContain('8701013001');
  });
});
