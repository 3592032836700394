import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../../http/csrf.js';
import { usePage } from '../page-context.js';

export interface FormProps {
  /** Where the form posts; the current page when omitted (post-redirect-get on the same path). */
  action?: string;
  children: ComponentChildren;
  /** Set for forms with file inputs. */
  multipart?: boolean;
  class?: string;
}

/**
 * Every form of the platform: POST, with the CSRF token the server checks. Validation is the
 * server's: the browser's own bubbles are not translated and not read out consistently.
 */
export function Form({ action, children, multipart = false, class: className }: FormProps) {
  const { csrfToken } = usePage();
  return (
    <form
      method="post"
      action={action}
      enctype={multipart ? 'multipart/form-data' : undefined}
      class={className}
      noValidate
    >
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      {children}
    </form>
  );
}
