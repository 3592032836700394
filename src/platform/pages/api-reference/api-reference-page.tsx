import {
  operationsOf,
  type OpenApiDocument,
  type OpenApiOperation,
} from '../../http/openapi-document.js';
import { Layout } from '../../views/layout.js';
import { usePage } from '../../views/page-context.js';
import { PATHS } from '../../views/paths.js';
import { schemaAnchor, SchemaView } from './schema-view.js';

type Entry = { method: string; path: string; operation: OpenApiOperation };

const anchor = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');

/**
 * The OpenAPI document as a page: operations grouped by tag, each with its method, path,
 * summary, parameters, request body and responses, then the shared schemas. Pure HTML, so it
 * works offline on the deployment and without JavaScript.
 */
export function ApiReferencePage({ document }: { document: OpenApiDocument }) {
  const { t } = usePage();
  const groups = groupByTag(document, t('apiReference.untagged'));
  const schemas = Object.entries(document.components?.schemas ?? {});
  return (
    <Layout title={t('apiReference.title')}>
      <h1>{t('apiReference.title')}</h1>
      <p class="lead">
        {t('apiReference.intro', { title: document.info.title, version: document.info.version })}
      </p>
      <p>
        <a href={PATHS.openApi}>{t('apiReference.download')}</a>
      </p>
      {groups.length === 0 && <p>{t('apiReference.empty')}</p>}
      {groups.length > 0 && (
        <nav aria-labelledby="api-contents" class="api-contents">
          <h2 id="api-contents">{t('apiReference.contents')}</h2>
          <ul>
            {groups.map((group) => (
              <li key={group.name}>
                <a href={`#tag-${anchor(group.name)}`}>{group.name}</a> ({group.entries.length})
              </li>
            ))}
            {schemas.length > 0 && (
              <li>
                <a href="#schemas">{t('apiReference.schemas')}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      {groups.map((group) => (
        <section
          key={group.name}
          id={`tag-${anchor(group.name)}`}
          aria-labelledby={`tag-${anchor(group.name)}-title`}
        >
          <h2 id={`tag-${anchor(group.name)}-title`}>{group.name}</h2>
          {group.description && <p>{group.description}</p>}
          {group.entries.map((entry) => (
            <Operation key={`${entry.method} ${entry.path}`} entry={entry} />
          ))}
        </section>
      ))}
      {schemas.length > 0 && (
        <section id="schemas" aria-labelledby="schemas-title">
          <h2 id="schemas-title">{t('apiReference.schemas')}</h2>
          {schemas.map(([name, schema]) => (
            <article key={name} id={schemaAnchor(name)} class="api-schema">
              <h3>
                <code>{name}</code>
              </h3>
              {schema.description && <p>{schema.description}</p>}
              <SchemaView schema={schema} />
            </article>
          ))}
        </section>
      )}
    </Layout>
  );
}

function Operation({ entry }: { entry: Entry }) {
  const { t } = usePage();
  const { method, path, operation } = entry;
  const id = `op-${method}-${anchor(path)}`;
  const parameters = operation.parameters ?? [];
  const body = Object.entries(operation.requestBody?.content ?? {});
  const responses = Object.entries(operation.responses ?? {});
  return (
    <article class="api-operation" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span class={`http-method http-method--${method}`}>{method.toUpperCase()}</span>{' '}
        <code>{path}</code>
      </h3>
      {operation.summary && <p class="api-summary">{operation.summary}</p>}
      {operation.description && <p>{operation.description}</p>}
      {operation.deprecated && <p class="api-deprecated">{t('apiReference.deprecated')}</p>}
      {operation.security && operation.security.length > 0 && (
        <p>
          {t('apiReference.security')}{' '}
          {operation.security
            .map((requirement) => Object.keys(requirement).join(' + ') || '—')
            .map((scheme, index) => (
              <span key={scheme}>
                {index > 0 && ' | '}
                <code>{scheme}</code>
              </span>
            ))}
        </p>
      )}

      {parameters.length > 0 && (
        <>
          <h4>{t('apiReference.parameters')}</h4>
          {/* Focusable so keyboard users can scroll a wide table (WCAG 2.1.1). */}
          <div class="table-scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('apiReference.column.field')}</th>
                  <th scope="col">{t('apiReference.column.in')}</th>
                  <th scope="col">{t('apiReference.column.type')}</th>
                  <th scope="col">{t('apiReference.column.description')}</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <th scope="row">
                      <code>{parameter.name}</code>
                      {parameter.required && (
                        <span class="schema-required"> {t('apiReference.required')}</span>
                      )}
                    </th>
                    <td>{parameter.in}</td>
                    <td>{parameter.schema ? <SchemaView schema={parameter.schema} /> : ''}</td>
                    <td>{parameter.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {body.length > 0 && (
        <>
          <h4>{t('apiReference.requestBody')}</h4>
          {body.map(([contentType, media]) => (
            <div key={contentType}>
              <p>
                <code>{contentType}</code>
              </p>
              {media.schema && <SchemaView schema={media.schema} />}
            </div>
          ))}
        </>
      )}

      {responses.length > 0 && (
        <>
          <h4>{t('apiReference.responses')}</h4>
          <dl class="api-responses">
            {responses.map(([status, response]) => (
              <div key={status}>
                <dt>
                  <code>{status}</code> {response.description ?? ''}
                </dt>
                <dd>
                  {Object.entries(response.content ?? {}).map(([contentType, media]) => (
                    <div key={contentType}>
                      <p>
                        <code>{contentType}</code>
                      </p>
                      {media.schema && <SchemaView schema={media.schema} />}
                    </div>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </article>
  );
}

/** Operations under each declared tag in declaration order; untagged ones last. */
function groupByTag(document: OpenApiDocument, untaggedName: string) {
  const groups = (document.tags ?? []).map((tag) => ({
    name: tag.name,
    description: tag.description,
    entries: [] as Entry[],
  }));
  const untagged: Entry[] = [];
  for (const entry of operationsOf(document)) {
    const tags = entry.operation.tags ?? [];
    if (tags.length === 0) untagged.push(entry);
    for (const tag of tags) groups.find((group) => group.name === tag)?.entries.push(entry);
  }
  const result = groups.filter((group) => group.entries.length > 0);
  if (untagged.length > 0)
    result.push({ name: untaggedName, description: undefined, entries: untagged });
  return result;
}
