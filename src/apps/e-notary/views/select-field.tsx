import { usePage } from '../../../platform/views/page-context.js';
import { fieldId } from '../../../platform/views/components/index.js';

export interface SelectFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  options: { value: string; label: string }[];
}

/**
 * A labelled select with hint and error, laid out as the platform's TextField (hint and error
 * before the control, tied to it with aria-describedby). The kernel has no select component yet.
 */
export function SelectField(props: SelectFieldProps) {
  const { t } = usePage();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p id={`${id}-hint`} class="field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} class="field__error">
          <span class="visually-hidden">{t('layout.errorPrefix')} </span>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
