import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import {
  generateDeploymentKey,
  loadOrCreateDeploymentKey,
} from '../../../platform/crypto/deployment-key.js';
import { DomainError } from '../../../platform/errors.js';
import { UID_OID } from '../domain/holder.js';
import { seedCertificate } from '../test/fixtures.js';
import { currentAuthority } from './authority.js';
import { findSigningCertificate, issueCertificate, revokeCertificate } from './certificates.js';
import { keySealerFor } from './key-sealing.js';
import { x509 } from './x509.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const count = async (
  table: 'trust_certificate' | 'trust_authority' | 'trust_certificate_revocation',
) =>
  Number(
    (
      await test.app.platform.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const auditActions = async () =>
  (
    await sql<{ action: string }>`select action from audit_log order by seq`.execute(
      test.app.platform.db,
    )
  ).rows.map((row) => row.action);

describe('deployment certificate authority', () => {
  it('is created once, on first use, self-signed Ed25519 with CA constraints, and then reused', async () => {
    const [a, b] = await Promise.all([
      currentAuthority(test.app.trust),
      currentAuthority(test.app.trust),
    ]);
    expect(a).toBe(b);
    expect(await count('trust_authority')).toBe(1);
    const certificate = a.certificate;
    expect(certificate.subject).toBe(certificate.issuer);
    expect(certificate.signatureAlgorithm.name).toBe('Ed25519');
    expect(await certificate.verify({ signatureOnly: true })).toBe(true);
    expect(certificate.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    const response = await test.app.inject({ url: '/trust/ca.pem' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(a.pem);
    expect(
      (await auditActions()).filter((action) => action === 'trust.authority-create'),
    ).toHaveLength(1);
  });

  it('keeps its private key sealed: the stored bytes are not the key, and another deployment key cannot open them', async () => {
    const row = await test.app.platform.db
      .selectFrom('trust_authority')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.sealing_key_id).toBe(test.app.trust.deploymentKey.keyId);
    // A PKCS#8 Ed25519 key starts with these bytes; sealed, they appear nowhere.
    expect(row.sealed_private_key.includes(Buffer.from('302e020100300506032b6570', 'hex'))).toBe(
      false,
    );
    const stranger = keySealerFor(generateDeploymentKey());
    expect(() => stranger.open(row.sealed_private_key, `trust_authority:${row.serial}`)).toThrow();
    const strangerDeps = {
      ...test.app.trust,
      sealer: stranger,
      caches: {
        current: null,
        authorities: new Map(),
        certificates: new Map(),
        signatures: new Map(),
        crl: null,
        verifications: test.app.trust.caches.verifications,
      },
    };
    await expect(currentAuthority(strangerDeps)).rejects.toMatchObject({
      code: 'TRUST_AUTHORITY_UNUSABLE',
    });
  });
  it('seals with the deployment key under DATA_DIR/keys when the app has no key handed in', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-trust-key-'));
    const onDisk = await createTestApp({ env: { DATA_DIR: dataDir } });
    try {
      const key = await loadOrCreateDeploymentKey(dataDir);
      expect(onDisk.app.trust.deploymentKey.keyId).toBe(key.keyId);
      expect(onDisk.app.trust.sealer.keyId).toBe(key.keyId);
    } finally {
      await onDisk.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('issuing certificates', () => {
  it('issues a certificate naming the holder, for digital signatures, chained to the CA', async () => {
    const issued = await seedCertificate(test.app, {
      holderKind: 'agency',
      holderId: 'akimat-almaty',
      holderName: 'Алматы қаласының әкімдігі, ТОО «Тест»',
    });
    const certificate = new x509.X509Certificate(issued.pem);
    const ca = await currentAuthority(test.app.trust);
    expect(certificate.serialNumber).toBe(issued.serial);
    expect(certificate.issuer).toBe(ca.certificate.subject);
    expect(await certificate.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    expect(certificate.subjectName.getField('CN')).toEqual([
      'Алматы қаласының әкімдігі, ТОО «Тест»',
    ]);
    expect(certificate.subjectName.getField('OU')).toEqual(['agency']);
    expect(certificate.subjectName.getField(UID_OID)).toEqual(['akimat-almaty']);
    const usage = certificate.getExtension(x509.KeyUsagesExtension)!;
    expect(usage.usages & x509.KeyUsageFlags.digitalSignature).toBeTruthy();
    expect(usage.usages & x509.KeyUsageFlags.keyCertSign).toBeFalsy();
    expect(certificate.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    expect(issued.status).toBe('valid');
    expect(
      (
        await findSigningCertificate(
          test.app.platform.db,
          { kind: 'agency', id: 'akimat-almaty' },
          new Date(),
        )
      )?.id,
    ).toBe(issued.id);
  });

  it('stores the holder key sealed, and it signs what the certificate verifies', async () => {
    const issued = await seedCertificate(test.app, { holderId: 'notary-seal' });
    const row = await test.app.platform.db
      .selectFrom('trust_certificate')
      .select(['sealed_private_key'])
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    const key = crypto.createPrivateKey({
      key: test.app.trust.sealer.open(row.sealed_private_key, `trust_certificate:${issued.serial}`),
      format: 'der',
      type: 'pkcs8',
    });
    const signature = crypto.sign(null, Buffer.from('x'), key);
    const publicKey = crypto.createPublicKey({
      key: Buffer.from(new x509.X509Certificate(issued.pem).publicKey.rawData),
      format: 'der',
      type: 'spki',
    });
    expect(crypto.verify(null, Buffer.from('x'), publicKey, signature)).toBe(true);
    // Moved to another row (another label), the sealed key does not open.
    expect(() =>
      test.app.trust.sealer.open(row.sealed_private_key, 'trust_certificate:00'),
    ).toThrow();
  });

  it('refuses bad input, naming each field, and writes nothing', async () => {
    const before = await count('trust_certificate');
    const error = await issueCertificate(
      { deps: test.app.trust, actorAccountId: null },
      {
        holderKind: 'wizard' as never,
        holderId: '../etc',
        holderName: 'IIN 850725400024',
        validDays: 0,
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('TRUST_CERTIFICATE_INVALID');
    expect((error as DomainError).fields.map((field) => field.code)).toEqual([
      'TRUST_HOLDER_KIND_INVALID',
      'TRUST_HOLDER_ID_INVALID',
      'TRUST_HOLDER_NAME_INVALID',
      'TRUST_VALIDITY_INVALID',
    ]);
    expect(await count('trust_certificate')).toBe(before);
  });
});

describe('revocation and the CRL', () => {
  it('revokes with a reason and time, audits it, and the signed CRL lists it', async () => {
    const kept = await seedCertificate(test.app, { holderId: 'notary-kept' });
    const revoked = await seedCertificate(test.app, { holderId: 'notary-gone' });
    const result = await revokeCertificate(
      { deps: test.app.trust, actorAccountId: null },
      { certificateId: revoked.id, reason: 'keyCompromise', note: 'token lost' },
    );
    expect(result.status).toBe('revoked');
    expect(result.revocation?.reason).toBe('keyCompromise');
    expect(await auditActions()).toContain('trust.certificate-revoke');
    expect(
      await findSigningCertificate(
        test.app.platform.db,
        { kind: 'notary', id: 'notary-gone' },
        new Date(),
      ),
    ).toBeUndefined();

    const response = await test.app.inject({ url: '/trust/crl' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pkix-crl');
    const crl = new x509.X509Crl(new Uint8Array(response.rawPayload));
    const ca = await currentAuthority(test.app.trust);
    expect(await crl.verify({ publicKey: ca.publicKey })).toBe(true);
    expect(crl.issuer).toBe(ca.certificate.subject);
    const entry = crl.entries.find((item) => item.serialNumber === revoked.serial);
    expect(entry?.reason).toBe(x509.X509CrlReason.keyCompromise);
    expect(crl.entries.some((item) => item.serialNumber === kept.serial)).toBe(false);
  });

  it('refuses a second revocation, an unknown certificate and an unknown reason', async () => {
    const issued = await seedCertificate(test.app, { holderId: 'notary-twice' });
    const context = { deps: test.app.trust, actorAccountId: null };
    await revokeCertificate(context, { certificateId: issued.id, reason: 'superseded' });
    await expect(
      revokeCertificate(context, { certificateId: issued.id, reason: 'superseded' }),
    ).rejects.toMatchObject({ code: 'TRUST_CERTIFICATE_ALREADY_REVOKED', status: 409 });
    await expect(
      revokeCertificate(context, { certificateId: crypto.randomUUID(), reason: 'superseded' }),
    ).rejects.toMatchObject({ code: 'TRUST_CERTIFICATE_NOT_FOUND', status: 404 });
    await expect(
      revokeCertificate(context, { certificateId: issued.id, reason: 'boredom' as never }),
    ).rejects.toMatchObject({ code: 'TRUST_REVOCATION_REASON_INVALID' });
  });

  it('cannot be undone: revocations are append-only', async () => {
    await expect(
      sql`delete from trust_certificate_revocation`.execute(test.app.platform.db),
    ).rejects.toThrow(/append-only/);
  });
});
