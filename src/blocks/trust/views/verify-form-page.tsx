import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  Button,
  ErrorSummary,
  Form,
  hasErrors,
  TextField,
  type FormErrors,
} from '../../../platform/views/components/index.js';

/** The public form where anyone types a document's verification code or register number. */
export function VerifyFormPage({ errors, code }: { errors: FormErrors; code: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('trust.verify.title')} hasErrors={hasErrors(errors)}>
      <h1>{t('trust.verify.title')}</h1>
      <ErrorSummary errors={errors} />
      <p class="lead">{t('trust.verify.lead')}</p>
      <Form action="/verify">
        <TextField
          name="code"
          label={t('trust.verify.code.label')}
          hint={t('trust.verify.code.hint')}
          error={errors.code}
          value={code}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="characters"
          maxLength={100}
          width={30}
        />
        <Button>{t('trust.verify.submit')}</Button>
      </Form>
    </Layout>
  );
}
