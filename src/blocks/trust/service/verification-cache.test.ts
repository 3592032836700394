import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
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
