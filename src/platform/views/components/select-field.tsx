import { describedByNotes, FieldNotes, fieldClass } from './field-notes.js';
import { fieldId } from './form-errors.js';

export interface SelectFieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  options: { value: string; label: string }[];
}

/** A labelled select with hint and error, for a choice among many options. */
export function SelectField(props: SelectFieldProps) {
  const id = fieldId(props.name);
  const aria = describedByNotes({ id, hint: props.hint, error: props.error });
  return (
    <div class={fieldClass(props.error)}>
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      <select id={id} name={props.name} {...aria}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
