import { usePage } from '../page-context.js';
import { fieldId, type FormErrors } from './form-errors.js';

/**
 * The box at the top of a form that failed: a heading and one link per problem, each jumping to
 * its field. role="alert" makes screen readers announce it when the page loads; tabindex lets a
 * skip or script move focus to it.
 */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = usePage();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('form.errorSummary.title')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
