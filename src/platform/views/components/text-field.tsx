import type { JSX } from 'preact';
import { usePage } from '../page-context.js';
import { fieldId } from './form-errors.js';

export interface TextFieldProps {
  name: string;
  label: string;
  hint?: string;
  /** The translated error for this field, if the last submission failed on it. */
  error?: string;
  /** What the person typed last time; never pass a password back. */
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'password' | 'number';
  /** Required: tells browsers and password managers what the field holds (WCAG 1.3.5). */
  autocomplete: string;
  inputMode?: JSX.HTMLAttributes['inputMode'];
  maxLength?: number;
  spellcheck?: boolean;
  autocapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
  /** Width hint for short inputs (an IIN, a code): characters. */
  width?: number;
}

/**
 * A labelled text input with optional hint and error. The hint and error come before the input
 * (a screen reader reaches them first) and are tied to it with aria-describedby; aria-invalid
 * marks it when the last submission failed on it.
 */
export function TextField(props: TextFieldProps) {
  const { t } = usePage();
  const id = fieldId(props.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} class="field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field__error">
          <span class="visually-hidden">{t('layout.errorPrefix')} </span>
          {props.error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        spellcheck={props.spellcheck}
        autocapitalize={props.autocapitalize}
        class={props.width ? `input--width-${props.width}` : undefined}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
