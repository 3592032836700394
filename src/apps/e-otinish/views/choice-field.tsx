import { fieldId } from '../../../platform/views/components/index.js';
import { usePage } from '../../../platform/views/page-context.js';

/** A labelled group of radio buttons with hint and error, for choices and yes/no questions. */
export function ChoiceField(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const { t } = usePage();
  const id = fieldId(props.name);
  const describedBy =
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset class={props.error ? 'field field--error' : 'field'} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
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
      {props.options.map((option, index) => (
        <label key={option.value}>
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            aria-invalid={props.error ? 'true' : undefined}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A labelled text area with hint and error. */
export function TextArea(props: {
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  maxLength?: number;
}) {
  const { t } = usePage();
  const id = fieldId(props.name);
  const describedBy =
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
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
      <textarea
        id={id}
        name={props.name}
        rows={6}
        maxLength={props.maxLength}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}
