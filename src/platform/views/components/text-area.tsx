import { describedByNotes, FieldNotes, fieldClass } from './field-notes.js';
import { fieldId } from './form-errors.js';

export interface TextAreaProps {
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  maxLength?: number;
  rows?: number;
}

/** A labelled multi-line text box with hint and error, for reasons, comments and descriptions. */
export function TextArea(props: TextAreaProps) {
  const id = fieldId(props.name);
  return (
    <div class={fieldClass(props.error)}>
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        maxLength={props.maxLength}
        {...describedByNotes({ id, hint: props.hint, error: props.error })}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}
