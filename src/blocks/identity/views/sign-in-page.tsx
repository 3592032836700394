import { usePage } from '../../../platform/views/page-context.js';
import { Layout } from '../../../platform/views/layout.js';
import {
  Button,
  ErrorSummary,
  Form,
  hasErrors,
  PasswordField,
  TextField,
  type FormErrors,
} from '../../../platform/views/components/index.js';

export interface SignInPageProps {
  errors: FormErrors;
  /** What the person typed as login last time (never the password). */
  login: string;
  /** Where to go after signing in (a path on this site). */
  returnTo: string;
  /** The person was sent here because their session had ended. */
  expired: boolean;
}

/** Login (national identifier or username) and password. */
export function SignInPage({ errors, login, returnTo, expired }: SignInPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('identity.signIn.title')} hasErrors={hasErrors(errors)}>
      <h1>{t('identity.signIn.title')}</h1>
      <ErrorSummary errors={errors} />
      {expired && !hasErrors(errors) && (
        <p class="notice" role="status">
          {t('error.AUTH_SESSION_EXPIRED')}
        </p>
      )}
      <Form action="/sign-in">
        <input type="hidden" name="return" value={returnTo} />
        <TextField
          name="login"
          label={t('identity.signIn.login.label')}
          hint={t('identity.signIn.login.hint')}
          error={errors.login}
          value={login}
          autocomplete="username"
          spellcheck={false}
          autocapitalize="none"
          maxLength={100}
        />
        <PasswordField
          name="password"
          label={t('identity.signIn.password.label')}
          error={errors.password}
          autocomplete="current-password"
        />
        <Button>{t('identity.signIn.submit')}</Button>
      </Form>
    </Layout>
  );
}
