import type { DomainError } from '../errors.js';
import { Layout } from './layout.js';
import { usePage } from './page-context.js';

/** A whole-page error (404, 403, 500…); form errors are shown by ErrorSummary on the form. */
export function ErrorPage({ error, requestId }: { error: DomainError; requestId: string }) {
  const { t } = usePage();
  const message = t(`error.${error.code}`, error.params);
  return (
    <Layout title={message}>
      <h1>{message}</h1>
      <p class="muted">{t('errorPage.reference', { status: error.status, requestId })}</p>
      <p>
        <a href="/">{t('layout.backHome')}</a>
      </p>
    </Layout>
  );
}
