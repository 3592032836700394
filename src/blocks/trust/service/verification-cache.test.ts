import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { buildApp } from '../../../app.js';
import { createDatabase, type Database } from '../../../platform/db/database.js';
import { seedCertificate, seedDocument, tamper } from '../test/fixtures.js';
import { revokeCertificate } from './certificates.js';
import { withdrawDocument } from './documents.js';
import { verifyByCode, verifyDocument } from './verification.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const check = (code: string) =>
  verifyByCode(test.app.trust, code, { actorAccountId: null, channel: 'api' });

describe('verification with the signature check cached', () => {
  it('checks each signature once, and the cached answer is the same as a fresh one', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-1' });
    const issued = await seedDocument(test.app, certificate.id);
    const first = await check(issued.verificationCode);
    const cached = test.app.trust.caches.signatures.size;
    expect(cached).toBeGreaterThan(0);
    const second = await check(issued.verificationCode);
    expect(test.app.trust.caches.signatures.size).toBe(cached);
    expect(second).toEqual(first);
    expect(first.status).toBe('valid');
  });

  it('refuses a document whose certificate is revoked for key compromise after it was cached', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-2' });
    const issued = await seedDocument(test.app, certificate.id);
    expect((await check(issued.verificationCode)).status).toBe('valid');
    await revokeCertificate(
      { deps: test.app.trust, actorAccountId: null },
      { certificateId: certificate.id, reason: 'keyCompromise' },
    );
    const after = await check(issued.verificationCode);
    expect(after.status).toBe('revoked');
    expect(after.document?.certificateRevokedAt).toBeInstanceOf(Date);
  });

  it('reports a document withdrawn after it was cached', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-3' });
    const issued = await seedDocument(test.app, certificate.id);
    expect((await check(issued.verificationCode)).status).toBe('valid');
    await withdrawDocument(
      { deps: test.app.trust, actorAccountId: null },
      { documentId: issued.id, reason: 'Replaced by a corrected act' },
    );
    expect((await check(issued.verificationCode)).status).toBe('withdrawn');
  });

  it('detects a statement, signature or certificate changed after the check was cached', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-4' });
    const changes = [
      (id: string) =>
        sql`update trust_document set statement = replace(statement, '42000000', '42000001') where id = ${id}`,
      (id: string) =>
        sql`update trust_document set signature = set_byte(signature, 9, (get_byte(signature, 9) + 1) % 256) where id = ${id}`,
    ];
    for (const change of changes) {
      const issued = await seedDocument(test.app, certificate.id);
      expect((await verifyDocument(test.app.trust, issued.id)).status).toBe('valid');
      await tamper(test.app, 'trust_document', change(issued.id));
      expect((await verifyDocument(test.app.trust, issued.id)).status).toBe('tampered');
    }
    // The issuer's certificate itself replaced by another one in the database.
    const issued = await seedDocument(test.app, certificate.id);
    expect((await verifyDocument(test.app.trust, issued.id)).status).toBe('valid');
    const other = await seedCertificate(test.app, { holderId: 'notary-cache-4' });
    await tamper(
      test.app,
      'trust_certificate',
      sql`update trust_certificate set certificate_pem = (select certificate_pem from trust_certificate where id = ${other.id}) where id = ${certificate.id}`,
    );
    expect((await verifyDocument(test.app.trust, issued.id)).status).toBe('tampered');
  });
});

/**
 * Two server processes on one database (two whole apps, each with its own pool, change feed and
 * cache of verification outcomes): each answers a known code from memory, and each sees the
 * other's revocation and withdrawal as soon as it is announced.
 */
describe('verification outcomes cached in each process', () => {
  let other: { app: FastifyInstance; db: Database };
  beforeAll(async () => {
    const db = createDatabase(test.database.url, { max: 3 });
    const app = await buildApp({
      config: test.config,
      db,
      deploymentKey: test.app.trust.deploymentKey,
    });
    await app.ready();
    other = { app, db };
  });
  afterAll(async () => {
    await other.app.close();
    await other.db.destroy();
  });

  const verify = (app: FastifyInstance, code: string) =>
    verifyByCode(app.trust, code, { actorAccountId: null, channel: 'api' });

  /** Asks until the status is the one wanted (the other process hears of a change once committed). */
  async function eventually(ask: () => Promise<string>, wanted: string): Promise<string> {
    let got = await ask();
    for (let i = 0; i < 100 && got !== wanted; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      got = await ask();
    }
    return got;
  }

  it('answers a code it verified before without reading the document again', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-5' });
    const issued = await seedDocument(test.app, certificate.id);
    expect((await verify(other.app, issued.verificationCode)).status).toBe('valid');
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      if (text && /trust_document/.test(text)) statements.push(text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      for (let i = 0; i < 3; i += 1)
        expect((await verify(other.app, issued.verificationCode)).status).toBe('valid');
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(statements).toEqual([]);
  });

  it('sees a revocation made by the other process, and the one that revoked sees it at once', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-6' });
    const issued = await seedDocument(test.app, certificate.id);
    const code = issued.verificationCode;
    expect((await verify(test.app, code)).status).toBe('valid');
    expect((await verify(other.app, code)).status).toBe('valid');
    await revokeCertificate(
      { deps: other.app.trust, actorAccountId: null },
      { certificateId: certificate.id, reason: 'keyCompromise' },
    );
    expect((await verify(other.app, code)).status).toBe('revoked');
    expect(await eventually(async () => (await verify(test.app, code)).status, 'revoked')).toBe(
      'revoked',
    );
  });

  it('sees a withdrawal made by the other process, and keeps a rolled-back one unseen', async () => {
    const certificate = await seedCertificate(test.app, { holderId: 'notary-cache-7' });
    const kept = await seedDocument(test.app, certificate.id);
    const withdrawn = await seedDocument(test.app, certificate.id);
    for (const { verificationCode } of [kept, withdrawn])
      expect((await verify(other.app, verificationCode)).status).toBe('valid');
    // A withdrawal in a transaction that rolls back announces nothing.
    await test.app.platform.db
      .transaction()
      .execute(async (trx) => {
        await withdrawDocument(
          { deps: test.app.trust, actorAccountId: null, trx },
          { documentId: kept.id, reason: 'Changed my mind' },
        );
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await withdrawDocument(
      { deps: test.app.trust, actorAccountId: null },
      { documentId: withdrawn.id, reason: 'Replaced by a corrected act' },
    );
    expect((await verify(test.app, withdrawn.verificationCode)).status).toBe('withdrawn');
    expect(
      await eventually(
        async () => (await verify(other.app, withdrawn.verificationCode)).status,
        'withdrawn',
      ),
    ).toBe('withdrawn');
    expect((await verify(other.app, kept.verificationCode)).status).toBe('valid');
    expect((await verify(test.app, kept.verificationCode)).status).toBe('valid');
  });
});
