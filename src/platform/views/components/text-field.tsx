import type { JSX } from 'preact';
import { describedByNotes, FieldNotes, fieldClass } from './field-notes.js';
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
  const id = fieldId(props.name);
  return (
    <div class={fieldClass(props.error)}>
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
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
        {...describedByNotes({ id, hint: props.hint, error: props.error })}
      />
    </div>
  );
}
