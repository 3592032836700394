import type { FormField } from '../../../blocks/services/index.js';
import type { FieldValue } from '../../../blocks/services/views/service-form.js';
import {
  Button,
  ChoiceField,
  ErrorSummary,
  fieldId,
  Form,
  type FormErrors,
  hasErrors,
  TextArea,
  TextField,
} from '../../../platform/views/components/index.js';
import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';

export interface FileAppealPageProps {
  fields: FormField[];
  values: Record<string, FieldValue>;
  errors: FormErrors;
  /** Public proposals similar to what the citizen typed, to join instead. */
  similar?: { id: string; topic: string }[] | undefined;
}

/** The appeal form, built from the service definition's fields, in the reader's language. */
export function FileAppealPage({ fields, values, errors, similar }: FileAppealPageProps) {
  const { t, locale } = usePage();
  const labels = new Map(fields.map((f) => [f.name, f.label[locale]]));
  const summary = Object.fromEntries(
    Object.entries(errors).map(([name, message]) => [
      name,
      labels.has(name) ? `${labels.get(name)}: ${message}` : message,
    ]),
  );
  const yesNo = [
    { value: 'yes', label: t('otinish.file.yes') },
    { value: 'no', label: t('otinish.file.no') },
  ];
  return (
    <Layout title={t('otinish.file.title')} hasErrors={hasErrors(errors)}>
      <h1>{t('otinish.file.title')}</h1>
      <p>{t('otinish.file.intro')}</p>
      <ErrorSummary errors={summary} />
      {similar && (
        <section aria-labelledby="similar-title">
          <h2 id="similar-title">{t('otinish.similar.title')}</h2>
          {similar.length === 0 ? (
            <p>{t('otinish.similar.none')}</p>
          ) : (
            <>
              <p>{t('otinish.similar.intro')}</p>
              <ul>
                {similar.map((proposal) => (
                  <li key={proposal.id}>
                    {proposal.topic}
                    <Form action={`/e-otinish/proposals/${proposal.id}/join`}>
                      <Button variant="secondary">{t('otinish.similar.join')}</Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <Form action="/e-otinish/appeals" multipart>
        {fields.map((field) => {
          const label = `${field.label[locale]}${field.required ? '' : ` ${t('otinish.file.optional')}`}`;
          const hint =
            [field.hint?.[locale], field.when ? t('otinish.file.onlyIfAnonymous') : '']
              .filter(Boolean)
              .join(' ') || undefined;
          const shown = values[field.name];
          const common = {
            name: field.name,
            // Text fields only: an attachment is posted afresh.
            value: typeof shown === 'string' ? shown : undefined,
            error: errors[field.name],
            hint,
          };
          if (field.type === 'choice') {
            return (
              <ChoiceField
                key={field.name}
                {...common}
                legend={label}
                options={field.options.map((o) => ({ value: o.value, label: o.label[locale] }))}
              />
            );
          }
          if (field.type === 'yes-no')
            return <ChoiceField key={field.name} {...common} legend={label} options={yesNo} />;
          if (field.type === 'long-text')
            return (
              <TextArea key={field.name} {...common} label={label} maxLength={field.maxLength} />
            );
          if (field.type === 'attachment') {
            const id = fieldId(field.name);
            return (
              <div key={field.name} class={common.error ? 'field field--error' : 'field'}>
                <label for={id}>{label}</label>
                <p id={`${id}-hint`} class="field__hint">
                  {t('otinish.file.attachmentHint')}
                </p>
                {common.error && (
                  <p id={`${id}-error`} class="field__error">
                    <span class="visually-hidden">{t('layout.errorPrefix')} </span>
                    {common.error}
                  </p>
                )}
                <input
                  id={id}
                  name={field.name}
                  type="file"
                  accept={field.types.join(',')}
                  aria-describedby={`${id}-hint${common.error ? ` ${id}-error` : ''}`}
                  aria-invalid={common.error ? 'true' : undefined}
                />
              </div>
            );
          }
          return (
            <TextField
              key={field.name}
              name={field.name}
              label={label}
              autocomplete={field.name === 'district' ? 'street-address' : 'off'}
              maxLength={field.type === 'text' ? (field.maxLength ?? 500) : undefined}
              {...(hint ? { hint } : {})}
              {...(common.value ? { value: common.value } : {})}
              {...(common.error ? { error: common.error } : {})}
            />
          );
        })}
        <Button name="intent" value="check" variant="secondary">
          {t('otinish.similar.check')}
        </Button>{' '}
        <Button name="intent" value="file">
          {t('otinish.file.submit')}
        </Button>
      </Form>
    </Layout>
  );
}
