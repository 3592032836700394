import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ConfigError, loadConfig } from '../../../platform/config/config.js';
import { DomainError } from '../../../platform/errors.js';
import { canonicalJson } from '../../../platform/crypto/canonical-json.js';
import { seedCertificate, seedDocument, SUBJECT_PERSON_ID, tamper } from '../test/fixtures.js';
import { revokeCertificate } from './certificates.js';
import { issueDocument, withdrawDocument } from './documents.js';
import { verifyByCode, verifyDocument } from './verification.js';
import { x509 } from './x509.js';

let test: TestApp;
let certificateId: string;
beforeAll(async () => {
  test = await createTestApp({ env: { PUBLIC_BASE_URL: 'https://ortaq.example.kz' } });
  certificateId = (await seedCertificate(test.app)).id;
});
afterAll(() => test.close());

const documentCount = async () =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from trust_document`.execute(
        test.app.platform.db,
      )
    ).rows[0]?.n,
  );

describe('PUBLIC_BASE_URL', () => {
  it('defaults to the local server and refuses what would make a broken verification link', () => {
    expect(loadConfig({}).publicBaseUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://e.gov.kz/ortaq' }).publicBaseUrl).toBe(
      'https://e.gov.kz/ortaq',
    );
    for (const bad of ['e.gov.kz', 'https://e.gov.kz/', 'ftp://e.gov.kz', 'https://e.gov.kz?x=1'])
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad }), bad).toThrow(ConfigError);
  });
});

describe('issuing a signed document', () => {
  it('signs the RFC 8785 canonical statement with the issuer’s certificate and returns a code and URL', async () => {
    const issued = await seedDocument(test.app, certificateId, { registerNumber: 'N-0001' });
    expect(issued.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(issued.verificationUrl).toBe(
      `https://ortaq.example.kz/verify/${issued.verificationCode}`,
    );

    const row = await test.app.platform.db
      .selectFrom('trust_document as d')
      .innerJoin('trust_certificate as c', 'c.id', 'd.certificate_id')
      .select(['d.statement', 'd.signature', 'c.certificate_pem', 'c.serial'])
      .where('d.id', '=', issued.id)
      .executeTakeFirstOrThrow();
    // Anyone with the certificate can re-check the detached signature over the stored bytes.
    const statement = JSON.parse(row.statement) as Record<string, unknown>;
    expect(canonicalJson(statement)).toBe(row.statement);
    expect(statement).toMatchObject({
      format: 'ortaq.trust.document.v1',
      id: issued.id,
      kind: 'notary.sale-act',
      registerNumber: 'N-0001',
      issuer: { certificateSerial: row.serial, kind: 'notary' },
    });
    const publicKey = crypto.createPublicKey({
      key: Buffer.from(new x509.X509Certificate(row.certificate_pem).publicKey.rawData),
      format: 'der',
      type: 'spki',
    });
    expect(crypto.verify(null, Buffer.from(row.statement), publicKey, row.signature)).toBe(true);

    const verification = await verifyDocument(test.app.trust, issued.id);
    expect(verification.status).toBe('valid');
    expect(verification.document).toMatchObject({
      id: issued.id,
      registerNumber: 'N-0001',
      issuerName: 'Ахметова Айгүл Серікқызы',
      issuerKind: 'notary',
    });
  });

  it('refuses a bad draft, a revoked or unknown certificate and a taken number, writing nothing', async () => {
    const before = await documentCount();
    await expect(
      seedDocument(test.app, certificateId, {
        summary: [{ label: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' }, value: '850725400024' }],
      }),
    ).rejects.toMatchObject({ code: 'TRUST_DOCUMENT_INVALID' });
    await expect(seedDocument(test.app, crypto.randomUUID())).rejects.toMatchObject({
      code: 'TRUST_CERTIFICATE_NOT_FOUND',
    });
    await seedDocument(test.app, certificateId, { registerNumber: 'N-TAKEN' });
    await expect(
      seedDocument(test.app, certificateId, { registerNumber: 'N-TAKEN' }),
    ).rejects.toMatchObject({ code: 'TRUST_REGISTER_NUMBER_TAKEN', status: 409 });
    const revoked = await seedCertificate(test.app, { holderId: 'notary-revoked' });
    await revokeCertificate(
      { deps: test.app.trust, actorAccountId: null },
      { certificateId: revoked.id, reason: 'cessationOfOperation' },
    );
    await expect(seedDocument(test.app, revoked.id)).rejects.toMatchObject({
      code: 'TRUST_CERTIFICATE_REVOKED',
    });
    expect(await documentCount()).toBe(before + 1);
  });

  it('refuses a certificate past its validity, and verification checks the signing time against it', async () => {
    const shortLived = await seedCertificate(test.app, { holderId: 'notary-short', validDays: 1 });
    const later = { ...test.app.trust, now: () => new Date(Date.now() + 2 * 86_400_000) };
    await expect(
      issueDocument(
        { deps: later, actorAccountId: null },
        {
          issuerCertificateId: shortLived.id,
          kind: 'services.decision',
          title: { kk: 'Шешім', ru: 'Решение', en: 'Decision' },
          content: {},
          summary: [],
        },
      ),
    ).rejects.toMatchObject({ code: 'TRUST_CERTIFICATE_EXPIRED', status: 409 });
    const issued = await seedDocument(test.app, shortLived.id);
    // Expired since signing: still valid (it was in force when signed).
    expect((await verifyDocument(later, issued.id)).status).toBe('valid');
  });

  it('rolls back with the caller’s transaction', async () => {
    const before = await documentCount();
    await expect(
      test.app.platform.db.transaction().execute(async (trx) => {
        await issueDocument(
          { deps: test.app.trust, actorAccountId: null, trx },
          {
            issuerCertificateId: certificateId,
            kind: 'services.decision',
            title: { kk: 'Шешім', ru: 'Решение', en: 'Decision' },
            content: {},
            summary: [],
          },
        );
        throw new DomainError('TEST_ABORT', 400);
      }),
    ).rejects.toThrow('TEST_ABORT');
    expect(await documentCount()).toBe(before);
  });
});

describe('verifying a document', () => {
  it('detects a changed byte of the stored statement, of the signature, or of a column', async () => {
    const cases: [string, (id: string) => ReturnType<typeof sql>][] = [
      [
        'statement',
        (id) =>
          sql`update trust_document set statement = replace(statement, '42000000', '42000001') where id = ${id}`,
      ],
      [
        'signature',
        (id) =>
          sql`update trust_document set signature = set_byte(signature, 5, (get_byte(signature, 5) + 1) % 256) where id = ${id}`,
      ],
      [
        'register number',
        (id) => sql`update trust_document set register_number = 'N-FORGED' where id = ${id}`,
      ],
      [
        'signing time',
        (id) =>
          sql`update trust_document set issued_at = issued_at - interval '1 day' where id = ${id}`,
      ],
    ];
    for (const [what, change] of cases) {
      const issued = await seedDocument(test.app, certificateId, { registerNumber: `N-${what}` });
      expect((await verifyDocument(test.app.trust, issued.id)).status, what).toBe('valid');
      await tamper(test.app, 'trust_document', change(issued.id));
      const result = await verifyDocument(test.app.trust, issued.id);
      expect(result.status, what).toBe('tampered');
      expect(result.document, what).toBeUndefined();
    }
  });

  it('detects a certificate swapped for another holder’s', async () => {
    const issued = await seedDocument(test.app, certificateId);
    const other = await seedCertificate(test.app, {
      holderId: 'notary-other',
      holderName: 'Other Notary',
    });
    await tamper(
      test.app,
      'trust_document',
      sql`update trust_document set certificate_id = ${other.id} where id = ${issued.id}`,
    );
    expect((await verifyDocument(test.app.trust, issued.id)).status).toBe('tampered');
  });

  it('follows the revocation rule: revoked after signing stays valid, unless for key compromise', async () => {
    const later = await seedCertificate(test.app, { holderId: 'notary-later' });
    const compromised = await seedCertificate(test.app, { holderId: 'notary-compromised' });
    const signedBefore = await seedDocument(test.app, later.id);
    const signedByCompromised = await seedDocument(test.app, compromised.id);
    const context = { deps: test.app.trust, actorAccountId: null };
    await revokeCertificate(context, { certificateId: later.id, reason: 'superseded' });
    await revokeCertificate(context, { certificateId: compromised.id, reason: 'keyCompromise' });
    const kept = await verifyDocument(test.app.trust, signedBefore.id);
    expect(kept.status).toBe('valid');
    expect(kept.document?.certificateRevokedAt).toBeInstanceOf(Date);
    expect((await verifyDocument(test.app.trust, signedByCompromised.id)).status).toBe('revoked');
  });

  it('reports a withdrawn document, and refuses to withdraw it twice', async () => {
    const issued = await seedDocument(test.app, certificateId);
    const context = { deps: test.app.trust, actorAccountId: null };
    await withdrawDocument(context, {
      documentId: issued.id,
      reason: 'Replaced by a corrected act',
    });
    const result = await verifyDocument(test.app.trust, issued.id);
    expect(result.status).toBe('withdrawn');
    expect(result.document?.withdrawnAt).toBeInstanceOf(Date);
    await expect(
      withdrawDocument(context, { documentId: issued.id, reason: 'again' }),
    ).rejects.toMatchObject({ code: 'TRUST_DOCUMENT_ALREADY_WITHDRAWN' });
    await expect(
      withdrawDocument(context, { documentId: issued.id, reason: ' ' }),
    ).rejects.toMatchObject({ code: 'TRUST_REASON_INVALID' });
  });

  it('verifies by code as people type it, records each check in the document’s audit trail, and never returns the subjects', async () => {
    const issued = await seedDocument(test.app, certificateId, { registerNumber: 'N-TYPED' });
    const typed = issued.verificationCode.toLowerCase().replace(/(.{4})(?!$)/g, '$1 ');
    const result = await verifyByCode(test.app.trust, typed, {
      actorAccountId: null,
      channel: 'api',
    });
    expect(result.status).toBe('valid');
    expect(JSON.stringify(result)).not.toContain(SUBJECT_PERSON_ID);
    expect(JSON.stringify(result)).not.toContain('Сейітов');
    const byNumber = await verifyByCode(test.app.trust, 'N-TYPED', {
      actorAccountId: null,
      channel: 'form',
      alsoRegisterNumber: true,
    });
    expect(byNumber.document?.id).toBe(issued.id);
    const unknown = await verifyByCode(test.app.trust, '0000-0000-0000-0000-0000', {
      actorAccountId: null,
      channel: 'api',
    });
    expect(unknown).toEqual({ status: 'unknown' });
    // The answers did not wait for their entries (see VerificationAudit); they follow at once.
    await test.app.trust.verificationAudit.flush();
    const trail = await sql<{ details: { status: string; channel: string } }>`
      select details from audit_log where action = 'trust.document-verify' and subject = ${issued.id}
      order by seq`.execute(test.app.platform.db);
    expect(trail.rows.map((row) => row.details)).toEqual([
      { status: 'valid', channel: 'api' },
      { status: 'valid', channel: 'form' },
    ]);
  });
});
