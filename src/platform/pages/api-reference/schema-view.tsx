import type { JsonSchema } from '../../http/openapi-document.js';
import { usePage } from '../../views/page-context.js';

const COMPONENT_PREFIX = '#/components/schemas/';

/** Anchor of a shared schema's section on the reference page. */
export const schemaAnchor = (name: string) => `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * A JSON Schema as people read it: objects as a table of fields, arrays as "list of …",
 * references as links to the shared schema's section, constraints in words a developer knows.
 */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const { t } = usePage();
  if (schema.type === 'object' || schema.properties) {
    const properties = Object.entries(schema.properties ?? {});
    if (properties.length === 0) return <TypeLabel schema={schema} />;
    const required = new Set(schema.required ?? []);
    // Focusable so keyboard users can scroll a wide table (WCAG 2.1.1).
    return (
      <div class="table-scroll" tabIndex={0}>
        <table class="schema-table">
          <thead>
            <tr>
              <th scope="col">{t('apiReference.column.field')}</th>
              <th scope="col">{t('apiReference.column.type')}</th>
              <th scope="col">{t('apiReference.column.description')}</th>
            </tr>
          </thead>
          <tbody>
            {properties.map(([name, property]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                  {required.has(name) && (
                    <span class="schema-required"> {t('apiReference.required')}</span>
                  )}
                </th>
                <td>
                  {isNested(property) ? (
                    <SchemaView schema={property} />
                  ) : (
                    <TypeLabel schema={property} />
                  )}
                </td>
                <td>{property.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (schema.type === 'array' && schema.items && isNested(schema.items)) {
    return (
      <div>
        <p>{t('apiReference.listOf')}</p>
        <SchemaView schema={schema.items} />
      </div>
    );
  }
  return <TypeLabel schema={schema} />;
}

function isNested(schema: JsonSchema): boolean {
  return (
    (schema.type === 'object' && Object.keys(schema.properties ?? {}).length > 0) ||
    (schema.type === 'array' && schema.items !== undefined && isNested(schema.items))
  );
}

/** A one-line description of a schema that is not an object with fields. */
export function TypeLabel({ schema }: { schema: JsonSchema }) {
  const { t } = usePage();
  if (schema.$ref) {
    const name = schema.$ref.startsWith(COMPONENT_PREFIX)
      ? schema.$ref.slice(COMPONENT_PREFIX.length)
      : schema.$ref;
    return (
      <a href={`#${schemaAnchor(name)}`}>
        <code>{name}</code>
      </a>
    );
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    return (
      <span>
        {variants.map((variant, index) => (
          <span key={index}>
            {index > 0 && ' | '}
            <TypeLabel schema={variant} />
          </span>
        ))}
      </span>
    );
  }
  if (schema.type === 'array') {
    return (
      <span>
        {t('apiReference.listOf')}{' '}
        {schema.items ? <TypeLabel schema={schema.items} /> : <code>any</code>}
      </span>
    );
  }
  const constraints = constraintsOf(schema);
  return (
    <span>
      <code>{schema.const !== undefined ? JSON.stringify(schema.const) : typeName(schema)}</code>
      {constraints && <span class="schema-constraints"> {constraints}</span>}
    </span>
  );
}

function typeName(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.enum)
    parts.push(`∈ {${schema.enum.map((value) => JSON.stringify(value)).join(', ')}}`);
  if (schema.minLength !== undefined) parts.push(`length ≥ ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`length ≤ ${schema.maxLength}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) parts.push(`items ≥ ${schema.minItems}`);
  if (schema.maxItems !== undefined) parts.push(`items ≤ ${schema.maxItems}`);
  if (schema.pattern !== undefined) parts.push(`/${schema.pattern}/`);
  if (schema.default !== undefined) parts.push(`= ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}
