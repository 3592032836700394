import { describedByNotes, FieldNotes, fieldClass } from './field-notes.js';
import { fieldId } from './form-errors.js';

export interface ChoiceFieldProps {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * A group of radio buttons with legend, hint and error, for a choice among a few options and for
 * yes/no questions. The first button carries the field's id, so the error summary's link lands
 * on the group.
 */
export function ChoiceField(props: ChoiceFieldProps) {
  const id = fieldId(props.name);
  const aria = describedByNotes({ id, hint: props.hint, error: props.error });
  return (
    <fieldset class={fieldClass(props.error)} aria-describedby={aria['aria-describedby']}>
      <legend>{props.legend}</legend>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      {props.options.map((option, index) => (
        <label key={option.value}>
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            aria-invalid={aria['aria-invalid']}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
