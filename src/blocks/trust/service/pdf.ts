import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { Translate } from '../../../platform/i18n/catalogue.js';
import type { DocumentStatement } from '../domain/document-statement.js';
import { dateTimeFormat, HOLDER_KIND_MESSAGES, resolveText } from '../domain/localised-text.js';
import { displayVerificationCode } from '../domain/verification-code.js';

// DejaVu Sans has every Kazakh and Russian letter; PDF's standard fonts have neither.
const fontDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(fontDirectory, 'DejaVuSans.ttf');
const BOLD = path.join(fontDirectory, 'DejaVuSans-Bold.ttf');

export interface PdfInput {
  statement: DocumentStatement;
  verificationCode: string;
  verificationUrl: string;
  locale: Locale;
  t: Translate;
  timeZone: string;
}

/**
 * The printable form of a signed document (A4): title, register number, signing date and signer,
 * the summary and the content, then a QR code of the public verification address with the
 * verification code in letters beside it. The PDF is a rendering, not the signed object: what
 * is signed is the canonical statement, which the QR's page re-checks.
 *
 * Outcomes: the PDF bytes.
 */
export async function renderDocumentPdf(input: PdfInput): Promise<Buffer> {
  const { statement, t, locale } = input;
  const qr = await QRCode.toBuffer(input.verificationUrl, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 300,
  });
  const date = dateTimeFormat(locale, input.timeZone).format(new Date(statement.issuedAt));
  const title = resolveText(statement.title, locale, t);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Producer: 'Ortaq', Creator: 'Ortaq trust block' },
    lang: locale,
  });
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('bold').fontSize(18).text(title);
  pdf.moveDown(0.5);
  const line = (label: string, value: string) =>
    pdf
      .font('bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('regular')
      .text(value);
  if (statement.registerNumber) line(t('trust.field.registerNumber'), statement.registerNumber);
  line(t('trust.field.issuedAt'), date);
  const kindMessage = HOLDER_KIND_MESSAGES[statement.issuer.kind];
  line(
    t('trust.field.issuer'),
    kindMessage ? `${statement.issuer.name} (${t(kindMessage)})` : statement.issuer.name,
  );

  if (statement.summary.length > 0) {
    pdf.moveDown();
    pdf.font('bold').fontSize(13).text(t('trust.verify.summary'));
    for (const item of statement.summary) line(resolveText(item.label, locale, t), item.value);
  }
  pdf.moveDown();
  pdf.font('bold').fontSize(13).text(t('trust.pdf.content'));
  for (const [key, value] of Object.entries(statement.content))
    line(key, typeof value === 'string' ? value : JSON.stringify(value));

  pdf.moveDown(2);
  const top = pdf.y;
  pdf.image(qr, pdf.page.margins.left, top, { width: 110 });
  const textLeft = pdf.page.margins.left + 125;
  const width = pdf.page.width - pdf.page.margins.right - textLeft;
  pdf
    .font('bold')
    .fontSize(11)
    .text(
      t('trust.pdf.code', { code: displayVerificationCode(input.verificationCode) }),
      textLeft,
      top,
      {
        width,
      },
    );
  pdf.moveDown(0.3);
  pdf
    .font('regular')
    .fontSize(9)
    .text(t('trust.pdf.verifyHint', { url: input.verificationUrl }), { width });
  pdf.moveDown(0.3);
  pdf.text(
    t('trust.pdf.signed', {
      issuer: statement.issuer.name,
      serial: statement.issuer.certificateSerial,
    }),
    { width },
  );
  pdf.end();
  return finished;
}
