import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromModifyBody, toDatabaseSchema } from '../domain/govstack-schema.js';
import { REGISTRY_SCOPES } from '../domain/scopes.js';
import { registriesDeps } from '../service/deps.js';
import {
  archiveRegistry,
  defineRegistry,
  getRegistryById,
  listAllRegistries,
  type Registry,
} from '../service/registries.js';
import { checkImClient, imActor, needScope } from './im-client.js';
import { ImHeaders, ProblemRef } from './schemas.js';

const tags = ['GovStack Database API'];
const security = [{ bearer: [] }];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef };

const AnyObject = Type.Object({}, { additionalProperties: true });
const DatabaseInfo = Type.Object(
  {
    id: Type.Integer(),
    version: Type.String(),
    name: Type.String(),
    description: Type.String(),
    institution: Type.String(),
    schema: AnyObject,
  },
  { additionalProperties: true, description: 'GovStack DatabaseInfo, in both spellings' },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/**
 * A registry as GovStack DatabaseInfo. The two API generations differ only in the spelling of
 * these keys (`isArchived` / `is_archived`…), so both are sent: each client reads its own.
 */
function databaseInfo(registry: Registry) {
  const { definition } = registry;
  const both = (camel: string, snake: string, value: unknown) => ({
    [camel]: value,
    [snake]: value,
  });
  const services = [
    'list',
    'create',
    'read',
    'exists',
    'update',
    'update-entries',
    'update-or-create',
    'delete',
    'read-value',
  ].map((name, index) => ({
    serviceId: index + 1,
    service_id: index + 1,
    name: `data-${name}`,
    isVisible: true,
    is_visible: true,
    usedCount: 0,
    used_count: 0,
  }));
  return {
    id: registry.id,
    version: registry.version,
    name: registry.name,
    description: definition.description,
    institution: definition.institution,
    title: definition.title,
    legalBasis: definition.legalBasis,
    ...both('numberFormat', 'number_format', '{uuid}'),
    schema: toDatabaseSchema(definition),
    ...both(
      'schemaTags',
      'schema_tags',
      definition.fields
        .filter((field) => field.indexed)
        .map((field) => ({
          name: field.name,
          path: `/${field.name}`,
          isFulltext: false,
          is_fulltext: false,
        })),
    ),
    ...both('schemaFlags', 'schema_flags', [
      ...definition.fields
        .filter((field) => field.required)
        .map((field) => ({ name: 'mandatory', path: `/${field.name}` })),
      ...definition.fields
        .filter((field) => field.personal)
        .map((field) => ({ name: 'personal-data', path: `/${field.name}` })),
    ]),
    ...both('fieldsUniques', 'fields_uniques', definition.key ? [[definition.key]] : []),
    ...both('isDraft', 'is_draft', false),
    ...both('isDisabled', 'is_disabled', false),
    ...both('isArchived', 'is_archived', registry.archivedAt !== null),
    ...both('modifiedAt', 'modified_at', registry.modifiedAt.toISOString()),
    ...both('byUserName', 'by_user_name', registry.modifiedBy),
    ...both('genericServices', 'generic_services', services),
    ...both('dataIndexIncrement', 'data_index_increment', 0),
    ...both('hasLogo', 'has_logo', false),
  };
}

/**
 * The GovStack Digital Registries Database API: `/databases`, `/database/{id}` (read, delete =
 * archive) and `/database/modify` (create or change a registry without code). Reading needs the
 * `registries:read` scope; changing needs `registries:admin`.
 */
export async function databaseApiRoutes(app: FastifyInstance) {
  const deps = registriesDeps(app.platform);
  const preValidation = [checkImClient];
  const readScope = (request: FastifyRequest) => {
    if (!request.apiCaller?.scopes.includes(REGISTRY_SCOPES.admin))
      needScope(request, REGISTRY_SCOPES.read);
  };

  app.get(
    '/databases',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'Every registry of the deployment, as one GovStack databases group',
        headers: ImHeaders,
        response: {
          200: Type.Object(
            {
              id: Type.Integer(),
              name: Type.String(),
              code: Type.String(),
              databases: Type.Array(DatabaseInfo),
            },
            { additionalProperties: true },
          ),
          ...errors,
        },
      },
    },
    async (request) => {
      readScope(request);
      const registries = await listAllRegistries(deps);
      return {
        id: 1,
        name: app.platform.country.names.en,
        code: app.platform.country.id.toUpperCase(),
        databases: registries.map(databaseInfo),
        groupId: 1,
        group_id: 1,
        order: 1,
        dataIndexIncrement: 0,
        data_index_increment: 0,
      };
    },
  );

  app.get(
    '/database/:id',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'One registry with its schema',
        headers: ImHeaders,
        params: IdParams,
        response: { 200: DatabaseInfo, ...errors },
      },
    },
    async (request) => {
      readScope(request);
      return databaseInfo(await getRegistryById(deps, (request.params as { id: number }).id));
    },
  );

  app.delete(
    '/database/:id',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'Archive a registry: no more writes; records and history stay. Answers "Success"',
        headers: ImHeaders,
        params: IdParams,
        response: { 200: Type.Literal('Success'), ...errors },
      },
    },
    async (request, reply) => {
      needScope(request, REGISTRY_SCOPES.admin);
      await archiveRegistry(deps, imActor(request), (request.params as { id: number }).id);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify('Success'));
    },
  );

  app.post(
    '/database/modify',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary:
          'Create or change a registry from a GovStack DatabaseSchema (or a platform definition under `definition`)',
        headers: ImHeaders,
        body: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 63 })),
            version: Type.Optional(Type.String({ maxLength: 20 })),
            groupName: Type.Optional(Type.String({ maxLength: 200 })),
            group_name: Type.Optional(Type.String({ maxLength: 200 })),
            catalogName: Type.Optional(Type.String({ maxLength: 200 })),
            catalog_name: Type.Optional(Type.String({ maxLength: 200 })),
            schema: Type.Optional(AnyObject),
            definition: Type.Optional(AnyObject),
          },
          { additionalProperties: true },
        ),
        response: { 200: AnyObject, ...errors, 409: ProblemRef },
      },
    },
    async (request) => {
      needScope(request, REGISTRY_SCOPES.admin);
      const input = fromModifyBody(request.body as Record<string, unknown>);
      const { registry } = await defineRegistry(
        deps,
        imActor(request),
        input,
        `GovStack Database API modify by ${request.imClient!.id}`,
      );
      return toDatabaseSchema(registry.definition);
    },
  );
}
