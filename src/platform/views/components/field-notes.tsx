import { usePage } from '../page-context.js';

export interface FieldNotesProps {
  /** The control's id (from fieldId); the notes' ids derive from it. */
  id: string;
  hint?: string | undefined;
  /** The translated error for this field, if the last submission failed on it. */
  error?: string | undefined;
}

/**
 * The hint and the error of a form field, placed before its control (a screen reader reaches
 * them first). Every field of every page uses this, so the ids that aria-describedby points to
 * are the same everywhere.
 */
export function FieldNotes({ id, hint, error }: FieldNotesProps) {
  const { t } = usePage();
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          <span class="visually-hidden">{t('layout.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}

/** The attributes that tie a control to its notes and mark it invalid after a failed submission. */
export function describedByNotes({ id, hint, error }: FieldNotesProps): {
  'aria-describedby': string | undefined;
  'aria-invalid': 'true' | undefined;
} {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? 'true' : undefined };
}

/** The class of a field's wrapper: marked when the last submission failed on it. */
export const fieldClass = (error: string | undefined): string =>
  error ? 'field field--error' : 'field';
