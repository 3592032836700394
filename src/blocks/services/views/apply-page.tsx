import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  Button,
  ErrorSummary,
  Form,
  hasErrors,
  type FormErrors,
} from '../../../platform/views/components/index.js';
import type { ServiceDefinition } from '../domain/definition.js';
import { pick, ServiceFormField, type FieldValue } from './service-form.js';

export interface ApplyPageProps {
  definition: ServiceDefinition;
  values: Record<string, FieldValue>;
  /** Field name -> translated message, in form order. */
  errors: FormErrors;
}

/** The application form of a service, built from its definition. */
export function ApplyPage({ definition, values, errors }: ApplyPageProps) {
  const { t, locale } = usePage();
  const name = pick(definition.names, locale);
  const labels = new Map(definition.fields.map((f) => [f.name, pick(f.label, locale)]));
  // The summary names each field, since its message alone ("Fill in this field") would not.
  const summary = Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      labels.has(field) ? `${labels.get(field)}: ${message}` : message,
    ]),
  );
  return (
    <Layout title={t('services.apply.title', { service: name })} hasErrors={hasErrors(errors)}>
      <h1>{name}</h1>
      {definition.descriptions && <p>{pick(definition.descriptions, locale)}</p>}
      <p class="field__hint">
        {t('services.apply.legalBasis')} {pick(definition.legalBasis, locale)}
      </p>
      <ErrorSummary errors={summary} />
      <Form action={`/services/${definition.id}/apply`} multipart>
        {definition.fields.map((field) => (
          <ServiceFormField
            key={field.name}
            definition={definition}
            field={field}
            value={values[field.name]}
            error={errors[field.name]}
          />
        ))}
        <Button>{t('services.apply.submit')}</Button>
      </Form>
    </Layout>
  );
}
