import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import type { AppManifest } from '../apps/manifest.js';
import { SESSION_COOKIE } from '../auth/session-plugin.js';
import { ApiReferencePage } from '../pages/api-reference/api-reference-page.js';
import { PATHS } from '../views/paths.js';
import { operationsOf, type OpenApiDocument } from './openapi-document.js';
import { Problem } from './problem.js';

/** Version of the platform's HTTP API contract (not of the package). */
export const API_VERSION = '0.1.0';

/** Tags of the kernel's own operations; blocks and apps tag theirs, see withUsedTags. */
const PLATFORM_TAGS = [
  { name: 'platform', description: 'Health, metrics and the catalogue of installed apps.' },
];

/**
 * The OpenAPI 3.1 document, generated from the TypeBox schemas every route declares, at
 * /api/openapi.json, and the same document as a readable, script-free page at /api/reference.
 * Registered before any route so that every route is seen; routes with `schema.hide` (pages,
 * redirects) are left out. `Problem` is a shared schema: routes refer to it as
 * `{ $ref: 'Problem#' }` for their error answers.
 */
export const openApiPlugin = fp(
  async (app: FastifyInstance, options: { apps: readonly AppManifest[] }) => {
    app.addSchema(Problem);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Ortaq API',
          version: API_VERSION,
          description:
            'The HTTP API of an Ortaq deployment. Errors are application/problem+json (RFC 9457) with a stable `code`; `title` is translated into the language chosen with the `lang` cookie (kk, ru, en).',
        },
        components: {
          // Routes name these in `schema.security`, e.g. [{ bearer: [] }, { session: [] }].
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API key issued to an API client: `Authorization: Bearer ortaq_…`.',
            },
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: SESSION_COOKIE,
              description:
                'The session of a person signed in through the web pages; writes also need the CSRF token in `x-csrf-token`.',
            },
          },
        },
        tags: [
          ...PLATFORM_TAGS,
          ...options.apps.map((manifest) => ({
            name: manifest.id,
            description: manifest.descriptions.en,
          })),
        ],
      },
      refResolver: {
        // Shared schemas keep their own name in components.schemas (`Problem`, not `def-0`).
        buildLocalReference: (json, _baseUri, _fragment, index) =>
          typeof json.$id === 'string' ? json.$id : `def-${index}`,
      },
    });

    const document = () => withUsedTags(app.swagger() as unknown as OpenApiDocument);
    app.get(PATHS.openApi, { schema: { hide: true } }, async () => document());
    app.get(PATHS.apiReference, { schema: { hide: true } }, async (_request, reply) =>
      reply.page(<ApiReferencePage document={document()} />),
    );
  },
  { name: 'openapi' },
);

/** Declares every tag an operation uses, so blocks need not register theirs centrally. */
function withUsedTags(document: OpenApiDocument): OpenApiDocument {
  const tags = [...(document.tags ?? [])];
  for (const { operation } of operationsOf(document)) {
    for (const tag of operation.tags ?? []) {
      if (!tags.some((declared) => declared.name === tag)) tags.push({ name: tag });
    }
  }
  return { ...document, tags };
}
