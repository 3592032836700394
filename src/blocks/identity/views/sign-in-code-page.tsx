import { usePage } from '../../../platform/views/page-context.js';
import { Layout } from '../../../platform/views/layout.js';
import {
  Button,
  ErrorSummary,
  Form,
  hasErrors,
  TextField,
  type FormErrors,
} from '../../../platform/views/components/index.js';

/** The one-time code from the authenticator app (officers and administrators). */
export function SignInCodePage({ errors, returnTo }: { errors: FormErrors; returnTo: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('identity.code.title')} hasErrors={hasErrors(errors)}>
      <h1>{t('identity.code.title')}</h1>
      <ErrorSummary errors={errors} />
      <Form action="/sign-in/code">
        <input type="hidden" name="return" value={returnTo} />
        <TextField
          name="code"
          label={t('identity.code.label')}
          hint={t('identity.code.hint')}
          error={errors.code}
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          width={10}
          spellcheck={false}
        />
        <Button>{t('identity.code.submit')}</Button>
      </Form>
    </Layout>
  );
}
