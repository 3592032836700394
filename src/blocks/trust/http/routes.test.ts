import { parse } from 'node-html-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { IIN, PASSWORD, seedUser } from '../../identity/test/fixtures.js';
import { totpCode } from '../../identity/service/totp.js';
import { displayVerificationCode } from '../domain/verification-code.js';
import { seedCertificate, seedDocument, SUBJECT_PERSON_ID, tamper } from '../test/fixtures.js';

let test: TestApp;
let certificateId: string;
let issued: Awaited<ReturnType<typeof seedDocument>>;
let issuerBrowser: TestBrowser;
let subjectBrowser: TestBrowser;
let strangerBrowser: TestBrowser;
let admin: TestBrowser;

beforeAll(async () => {
  test = await createTestApp();
  const issuer = await seedUser(test.app, { nationalId: IIN.citizen, role: 'citizen' });
  const subject = await seedUser(test.app, { nationalId: IIN.officer, role: 'citizen' });
  await seedUser(test.app, { nationalId: IIN.other, role: 'citizen' });
  const root = await seedUser(test.app, { nationalId: IIN.admin, role: 'admin', username: 'root' });
  certificateId = (await seedCertificate(test.app)).id;
  issued = await seedDocument(
    test.app,
    certificateId,
    { registerNumber: 'N-2025-0042', subjectPersonIds: [SUBJECT_PERSON_ID, subject.personId] },
    issuer.accountId,
  );
  issuerBrowser = new TestBrowser(test.app);
  await issuerBrowser.signIn(IIN.citizen, PASSWORD);
  subjectBrowser = new TestBrowser(test.app);
  await subjectBrowser.signIn(IIN.officer, PASSWORD);
  strangerBrowser = new TestBrowser(test.app);
  await strangerBrowser.signIn(IIN.other, PASSWORD);
  admin = new TestBrowser(test.app);
  await admin.signIn('root', PASSWORD);
  await admin.get('/sign-in/code');
  await admin.postForm('/sign-in/code', { code: totpCode(root.totpSecret as string, new Date()) });
  await admin.get('/sign-in');
});
afterAll(() => test.close());

const page = (body: string) => parse(body);

describe('public verification page', () => {
  it('shows validity, issuer, date, kind and summary, in each language, and no personal identifier', async () => {
    for (const [lang, valid, title] of [
      ['kk', 'Құжат түпнұсқа және жарамды', 'Пәтерді сатып алу-сату шарты'],
      ['ru', 'Документ подлинный и действителен', 'Договор купли-продажи квартиры'],
      ['en', 'The document is genuine and valid', 'Flat sale contract'],
    ] as const) {
      const visitor = new TestBrowser(test.app);
      await visitor.get(`/language/${lang}?return=%2F`);
      const response = await visitor.get(`/verify/${issued.verificationCode}`);
      expect(response.statusCode).toBe(200);
      const html = page(response.body);
      expect(html.querySelector('html')?.getAttribute('lang')).toBe(lang);
      expect(html.querySelector('[role=status]')?.text).toContain(valid);
      const main = html.querySelector('main')!.text;
      expect(main).toContain(title);
      expect(main).toContain('Ахметова Айгүл Серікқызы');
      expect(main).toContain('N-2025-0042');
      expect(main).toContain('Абай даңғылы 10');
      // Neither the subjects' ids nor the personal content of the document.
      for (const secret of [SUBJECT_PERSON_ID, 'Сейітов', 'Петрова', '42000000'])
        expect(response.body).not.toContain(secret);
    }
  });

  it('answers 404 with “unknown” for a code no document has, and “tampered” for an altered record', async () => {
    const unknown = await test.app.inject({
      url: '/verify/0000-0000-0000-0000-0000',
      headers: { accept: 'text/html' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Мұндай коды немесе нөмірі бар құжат табылмады');

    const victim = await seedDocument(test.app, certificateId);
    await tamper(
      test.app,
      'trust_document',
      sql`update trust_document set statement = replace(statement, 'Абай', 'Абaй') where id = ${victim.id}`,
    );
    const tampered = await test.app.inject({
      url: `/verify/${victim.verificationCode}`,
      headers: { accept: 'text/html' },
    });
    expect(tampered.statusCode).toBe(200);
    expect(page(tampered.body).querySelector('[role=status]')?.text).toContain('сәйкес келмейді');
    expect(tampered.body).not.toContain('Абай даңғылы');
  });

  it('has a form that takes a code or register number by POST, with an accessible error when empty', async () => {
    const visitor = new TestBrowser(test.app);
    await visitor.get('/language/en?return=%2F');
    const form = await visitor.get('/verify');
    expect(form.statusCode).toBe(200);
    expect(page(form.body).querySelector('label[for]')?.text).toContain('Verification code');

    const empty = await visitor.postForm('/verify', { code: '  ' });
    expect(empty.statusCode).toBe(400);
    const html = page(empty.body);
    expect(html.querySelector('title')?.text).toMatch(/^Error:/);
    expect(html.querySelector('.error-summary a')?.getAttribute('href')).toBe(
      html.querySelector('input[name=code]')?.getAttribute('id') &&
        `#${html.querySelector('input[name=code]')?.getAttribute('id')}`,
    );

    await visitor.get('/verify');
    const byCode = await visitor.postForm('/verify', {
      code: displayVerificationCode(issued.verificationCode).toLowerCase(),
    });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.body).toContain('The document is genuine and valid');
    await visitor.get('/verify');
    const byNumber = await visitor.postForm('/verify', { code: 'N-2025-0042' });
    expect(byNumber.body).toContain('The document is genuine and valid');
  });

  it('has a JSON form, and every check lands in the document’s audit trail', async () => {
    const response = await test.app.inject({
      url: `/api/v1/trust/verify/${issued.verificationCode}`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      status: 'valid',
      document: { id: issued.id, registerNumber: 'N-2025-0042', issuerKind: 'notary' },
    });
    expect(response.body).not.toContain(SUBJECT_PERSON_ID);
    await test.app.trust.verificationAudit.flush();
    const trail = await sql<{ n: number }>`
      select count(*)::int as n from audit_log
      where action = 'trust.document-verify' and subject = ${issued.id}`.execute(
      test.app.platform.db,
    );
    expect(trail.rows[0]?.n).toBeGreaterThanOrEqual(6);
    expect((await test.app.inject({ url: '/api/v1/trust/verify/nope' })).json()).toEqual({
      status: 'unknown',
    });
  });
});

describe('PDF download', () => {
  const url = () => `/trust/documents/${issued.id}/pdf`;

  it('gives the issuer a PDF with the QR image and embedded DejaVu fonts', async () => {
    const response = await issuerBrowser.get(url());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text).toMatch(/\/Subtype \/Image/);
    // Fonts embedded (DejaVu): Cyrillic and Kazakh letters print.
    expect(text).toMatch(/DejaVuSans/);
  });

  it('gives it to the people the document is about, to nobody else, and asks anonymous visitors to sign in', async () => {
    expect((await subjectBrowser.get(url())).statusCode).toBe(200);
    expect((await strangerBrowser.get(url())).statusCode).toBe(404);
    const anonymous = await test.app.inject({ url: url(), headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
    expect(
      (await test.app.inject({ url: url(), headers: { accept: 'application/json' } })).statusCode,
    ).toBe(401);
    const downloads = await sql<{ n: number }>`
      select count(*)::int as n from audit_log
      where action = 'trust.document-download' and subject = ${issued.id}`.execute(
      test.app.platform.db,
    );
    expect(downloads.rows[0]?.n).toBe(2);
  });
});

describe('certificate administration API', () => {
  it('lets an administrator issue, read and revoke a certificate; others are refused', async () => {
    const created = await admin.json('POST', '/api/v1/trust/certificates', {
      holderKind: 'officer',
      holderId: 'officer-7',
      holderName: 'Officer Seven',
    });
    expect(created.statusCode).toBe(201);
    const certificate = created.json();
    expect(certificate).toMatchObject({ holderKind: 'officer', status: 'valid', revocation: null });
    expect(certificate.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const revoked = await admin.json(
      'POST',
      `/api/v1/trust/certificates/${certificate.id}/revoke`,
      {
        reason: 'affiliationChanged',
      },
    );
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      revocation: { reason: 'affiliationChanged' },
    });
    const again = await admin.json('POST', `/api/v1/trust/certificates/${certificate.id}/revoke`, {
      reason: 'affiliationChanged',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRUST_CERTIFICATE_ALREADY_REVOKED');

    const bad = await admin.json('POST', '/api/v1/trust/certificates', {
      holderKind: 'wizard',
      holderId: 'x',
      holderName: 'X',
    });
    expect(bad.statusCode).toBe(400);

    await issuerBrowser.get('/verify');
    const refused = await issuerBrowser.json('POST', '/api/v1/trust/certificates', {
      holderKind: 'officer',
      holderId: 'officer-8',
      holderName: 'Officer Eight',
    });
    expect(refused.statusCode).toBe(403);
  });
});
