import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { FormField, ServiceDefinition } from './definition.js';

/**
 * The JSON schema of a service's form, built from its fields, for the OpenAPI document of the
 * service's API. A conditional field is optional here (its condition is in its description);
 * validateForm applies the same rules and adds the conditional ones.
 */
export function formSchema(definition: ServiceDefinition): TObject {
  const properties: Record<string, TSchema> = {};
  const required: string[] = [];
  for (const field of definition.fields) {
    const schema = fieldSchema(field);
    const description = [
      field.label.en,
      field.hint?.en,
      field.when && `Only when ${field.when.field} = ${JSON.stringify(field.when.equals)}`,
    ]
      .filter(Boolean)
      .join('. ');
    properties[field.name] = { ...schema, description, title: field.label.en };
    if (field.required && !field.when) required.push(field.name);
  }
  return Type.Object(
    Object.fromEntries(
      Object.entries(properties).map(([name, schema]) => [
        name,
        required.includes(name) ? schema : Type.Optional(schema),
      ]),
    ),
    { additionalProperties: false, title: `${definition.id} form` },
  );
}

function fieldSchema(field: FormField): TSchema {
  switch (field.type) {
    case 'text':
      return Type.String({
        ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
        maxLength: field.maxLength ?? 500,
        ...(field.pattern ? { pattern: `^(?:${field.pattern})$` } : {}),
      });
    case 'long-text':
      return Type.String({
        ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
        maxLength: field.maxLength ?? 10_000,
      });
    case 'number':
      return (field.integer ? Type.Integer : Type.Number)({
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      });
    case 'date':
      return Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
    case 'choice':
      return Type.Union(field.options.map((option) => Type.Literal(option.value)));
    case 'yes-no':
      return Type.Boolean();
    case 'national-id':
      return Type.String({ pattern: '^[0-9]{6,20}$' });
    case 'attachment':
      return Type.Array(Type.String({ pattern: '^[0-9a-f-]{36}$' }), {
        maxItems: field.maxFiles ?? 1,
        description: `Ids of files uploaded for this field: ${field.types.join(', ')}, at most ${field.maxBytes} bytes each`,
      });
  }
}
