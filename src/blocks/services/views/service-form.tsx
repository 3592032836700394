import type { Locale } from '../../../platform/i18n/locales.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  describedByNotes,
  FieldNotes,
  fieldClass,
  fieldId,
} from '../../../platform/views/components/index.js';
import type { FormField, Localised, ServiceDefinition } from '../domain/definition.js';
import { typeLabels } from '../../../platform/files/media-types.js';
import { sizeLabel } from '../service/attachments.js';

export const pick = (text: Localised, locale: Locale): string => text[locale];

/** What a form field shows: what the person sent last time (strings), or a kept file. */
export type FieldValue = string | { fileId: string; name: string } | undefined;

/**
 * One field of a service's form, rendered from its definition: a labelled input with its hint
 * and error tied to it. A conditional field is always shown (pages work without scripts), with a
 * hint that says when it applies; the server ignores it when its condition does not hold.
 */
export function ServiceFormField({
  definition,
  field,
  value,
  error,
}: {
  definition: ServiceDefinition;
  field: FormField;
  value: FieldValue;
  error?: string | undefined;
}) {
  const { t, locale } = usePage();
  const id = fieldId(field.name);
  const hints = [
    field.hint ? pick(field.hint, locale) : '',
    conditionHint(definition, field, locale, t),
    field.type === 'attachment'
      ? t('services.form.attachmentHint', {
          types: typeLabels(field.types),
          limit: sizeLabel(field.maxBytes),
        })
      : '',
  ].filter(Boolean);
  const hint = hints.join(' ');
  const label = `${pick(field.label, locale)}${field.required ? '' : ` ${t('services.form.optional')}`}`;
  const text = typeof value === 'string' ? value : '';
  const aria = describedByNotes({ id, hint, error });
  const describedBy = aria['aria-describedby'];
  const hintAndError = <FieldNotes id={id} hint={hint} error={error} />;
  const wrapper = fieldClass(error);

  if (field.type === 'choice' || field.type === 'yes-no') {
    const options =
      field.type === 'choice'
        ? field.options.map((o) => ({ value: o.value, label: pick(o.label, locale) }))
        : [
            { value: 'yes', label: t('services.form.yes') },
            { value: 'no', label: t('services.form.no') },
          ];
    return (
      <fieldset class={wrapper} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {hintAndError}
        {options.map((option, index) => (
          <label key={option.value}>
            <input
              type="radio"
              id={index === 0 ? id : `${id}-${option.value}`}
              name={field.name}
              value={option.value}
              checked={text === option.value}
              aria-invalid={error ? 'true' : undefined}
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div class={wrapper}>
      <label for={id}>{label}</label>
      {hintAndError}
      {field.type === 'long-text' ? (
        <textarea id={id} name={field.name} rows={6} maxLength={field.maxLength} {...aria}>
          {text}
        </textarea>
      ) : field.type === 'attachment' ? (
        <>
          {typeof value === 'object' && (
            <p class="notice" role="status">
              {t('services.form.attachmentKept', { name: value.name })}
              <input type="hidden" name={`${field.name}__kept`} value={value.fileId} />
            </p>
          )}
          <input id={id} name={field.name} type="file" accept={field.types.join(',')} {...aria} />
        </>
      ) : (
        <input
          id={id}
          name={field.name}
          type={field.type === 'date' ? 'date' : 'text'}
          value={text}
          autocomplete="off"
          inputMode={
            field.type === 'number' || field.type === 'national-id' ? 'numeric' : undefined
          }
          maxLength={
            field.type === 'text'
              ? (field.maxLength ?? 500)
              : field.type === 'national-id'
                ? 20
                : undefined
          }
          class={field.type === 'national-id' ? 'input--width-12' : undefined}
          spellcheck={field.type === 'national-id' ? false : undefined}
          {...aria}
        />
      )}
    </div>
  );
}

function conditionHint(
  definition: ServiceDefinition,
  field: FormField,
  locale: Locale,
  t: (id: string, params?: Record<string, string | number>) => string,
): string {
  if (!field.when) return '';
  const target = definition.fields.find((f) => f.name === field.when!.field);
  if (!target) return '';
  const equals = field.when.equals;
  const answer =
    target.type === 'choice'
      ? (target.options.find((o) => o.value === equals)?.label[locale] ?? String(equals))
      : target.type === 'yes-no'
        ? t(equals === true ? 'services.form.yes' : 'services.form.no')
        : String(equals);
  return t('services.form.onlyWhen', { question: pick(target.label, locale), answer });
}
