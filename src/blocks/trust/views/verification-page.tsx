import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { DocumentStatus } from '../domain/document-status.js';
import { dateTimeFormat, HOLDER_KIND_MESSAGES, resolveText } from '../domain/localised-text.js';
import type { DocumentVerification } from '../service/verification.js';

const STATUS_MESSAGES: Record<DocumentStatus, string> = {
  valid: 'trust.verify.status.valid',
  revoked: 'trust.verify.status.revoked',
  withdrawn: 'trust.verify.status.withdrawn',
  tampered: 'trust.verify.status.tampered',
  unknown: 'trust.verify.status.unknown',
};

/**
 * The result of a public check: the status first (in words, not colour alone), then what the
 * signed statement says about the document: kind, number, date, signer and the minimal summary.
 * Never the holder's personal identifiers: the statement's subjects and content are not shown.
 */
export function VerificationPage({
  result,
  timeZone,
}: {
  result: DocumentVerification;
  timeZone: string;
}) {
  const { t, locale } = usePage();
  const format = dateTimeFormat(locale, timeZone);
  const document = result.document;
  const showRevokedLater = result.status === 'valid' && document?.certificateRevokedAt != null;
  return (
    <Layout title={t('trust.verify.result.title')}>
      <h1>{t('trust.verify.result.title')}</h1>
      <p class={`verification verification--${result.status}`} role="status">
        <strong>{t(STATUS_MESSAGES[result.status])}</strong>
      </p>
      {showRevokedLater && (
        <p>
          {t('trust.verify.revokedLater', { date: format.format(document!.certificateRevokedAt!) })}
        </p>
      )}
      {document && (
        <>
          <dl>
            <dt>{t('trust.field.document')}</dt>
            <dd>{resolveText(document.title, locale, t)}</dd>
            {document.registerNumber && (
              <>
                <dt>{t('trust.field.registerNumber')}</dt>
                <dd>{document.registerNumber}</dd>
              </>
            )}
            <dt>{t('trust.field.issuedAt')}</dt>
            <dd>{format.format(document.issuedAt)}</dd>
            <dt>{t('trust.field.issuer')}</dt>
            <dd>
              {document.issuerName}
              {HOLDER_KIND_MESSAGES[document.issuerKind] &&
                ` (${t(HOLDER_KIND_MESSAGES[document.issuerKind] as string)})`}
            </dd>
            <dt>{t('trust.field.certificate')}</dt>
            <dd>
              <code>{document.certificateSerial}</code>
            </dd>
            {document.withdrawnAt && (
              <>
                <dt>{t('trust.field.withdrawnAt')}</dt>
                <dd>{format.format(document.withdrawnAt)}</dd>
              </>
            )}
          </dl>
          {document.summary.length > 0 && (
            <>
              <h2>{t('trust.verify.summary')}</h2>
              <dl>
                {document.summary.map((item, index) => (
                  <div key={index}>
                    <dt>{resolveText(item.label, locale, t)}</dt>
                    <dd>{item.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </>
      )}
      <p>
        <a href="/verify">{t('trust.verify.another')}</a>
      </p>
    </Layout>
  );
}
