import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import { REGISTRY_SCOPES } from '../domain/scopes.js';
import { personActor } from '../service/actors.js';
import { registriesDeps, type RegistryActor } from '../service/deps.js';
import { importRecords } from '../service/import.js';
import { recordHistory } from '../service/record-reads.js';
import { defineRegistry } from '../service/registries.js';
import { liftSeals } from '../service/seals.js';
import { ProblemRef } from './schemas.js';

const tags = ['registries'];
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const errors = {
  400: ProblemRef,
  401: ProblemRef,
  403: ProblemRef,
  404: ProblemRef,
  409: ProblemRef,
  413: ProblemRef,
  415: ProblemRef,
};

const RegistryName = Type.String({ minLength: 1, maxLength: 63 });
const Version = Type.Optional(Type.String({ minLength: 1, maxLength: 20 }));
const Reason = Type.String({ minLength: 1, maxLength: 1000 });

const DefineBody = Type.Object(
  { definition: Type.Object({}, { additionalProperties: true }), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
const ImportBody = Type.Object(
  {
    registry: RegistryName,
    version: Version,
    format: Type.Union([Type.Literal('json'), Type.Literal('csv')]),
    content: Type.String({ maxLength: 10_000_000 }),
    allOrNothing: Type.Optional(Type.Boolean()),
    reason: Reason,
  },
  { additionalProperties: false },
);
type ImportBody = Static<typeof ImportBody>;
const RecordBody = Type.Object(
  {
    registry: RegistryName,
    version: Version,
    recordId: Type.String({ format: 'uuid' }),
    reason: Reason,
  },
  { additionalProperties: false },
);
type RecordBody = Static<typeof RecordBody>;

const Problems = Type.Array(
  Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }),
);
const ImportReport = Type.Object({
  registry: Type.String(),
  version: Type.String(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  committed: Type.Boolean(),
  rejected: Type.Array(
    Type.Object({ row: Type.Integer(), line: Type.Integer(), problems: Problems }),
  ),
});
const Version_ = Type.Object({
  revision: Type.Integer(),
  operation: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  authorName: Type.String(),
  authorOrganisation: Type.String(),
  reason: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
});

/**
 * The registries' own JSON API under /api/v1/registries, for officers, administrators and API
 * clients with the block's scopes: define a registry, import records, read a record's history,
 * and lift the seal on the access records of a record. Identifiers travel only in bodies.
 */
export async function registryApiRoutes(app: FastifyInstance) {
  const deps = registriesDeps(app.platform);

  /** The caller as an actor, if it holds one of the roles or the scope; else 401/403. */
  const actorFor = async (
    request: FastifyRequest,
    roles: string[],
    scope: string,
  ): Promise<RegistryActor> => {
    if (request.principal) {
      if (!roles.some((role) => request.principal!.roles.includes(role)))
        throw new DomainError('AUTH_FORBIDDEN', 403);
      return personActor(deps.db, request.principal);
    }
    if (!request.apiCaller) throw new DomainError('AUTH_SIGN_IN_REQUIRED', 401);
    if (!request.apiCaller.scopes.includes(scope))
      throw new DomainError('AUTH_SCOPE_MISSING', 403, { scope });
    return {
      accountId: null,
      name: request.apiCaller.name,
      organisation: request.apiCaller.name,
      roles: [],
      scopes: request.apiCaller.scopes,
    };
  };
  const translate = (
    request: FastifyRequest,
    problems: { field: string; code: string; params?: Record<string, string | number> }[],
  ) =>
    problems.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: request.t(`error.${problem.code}`, problem.params),
    }));

  app.post(
    '/api/v1/registries/definitions',
    {
      schema: {
        tags,
        security,
        summary: 'Define a registry, or a new revision of one (administrators)',
        body: DefineBody,
        response: {
          200: Type.Object({
            id: Type.Integer(),
            name: Type.String(),
            version: Type.String(),
            revision: Type.Integer(),
            created: Type.Boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await actorFor(request, ['admin'], REGISTRY_SCOPES.admin);
      const body = request.body as { definition: unknown; reason?: string };
      const { registry, created } = await defineRegistry(
        deps,
        actor,
        body.definition,
        body.reason ?? 'definition',
      );
      return {
        id: registry.id,
        name: registry.name,
        version: registry.version,
        revision: registry.revision,
        created,
      };
    },
  );

  app.post(
    '/api/v1/registries/import',
    {
      schema: {
        tags,
        security,
        summary:
          'Load records from JSON or CSV: valid rows load and each rejected row is reported; with allOrNothing, one bad row loads nothing',
        body: ImportBody,
        response: { 200: ImportReport, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await actorFor(request, ['officer', 'admin'], REGISTRY_SCOPES.write);
      const body = request.body as ImportBody;
      const report = await importRecords(
        deps,
        actor,
        { name: body.registry, ...(body.version ? { version: body.version } : {}) },
        {
          format: body.format,
          content: body.content,
          allOrNothing: body.allOrNothing ?? false,
          reason: body.reason,
        },
      );
      if (!report.committed) {
        const problems = report.rejected.flatMap((row) =>
          row.problems.map((problem) => ({
            ...problem,
            field: `line ${row.line}: ${problem.field}`,
          })),
        );
        throw new DomainError(
          'REGISTRY_IMPORT_REJECTED',
          400,
          { count: report.rejected.length },
          problems,
        );
      }
      return reply.send({
        ...report,
        rejected: report.rejected.map((row) => ({
          ...row,
          problems: translate(request, row.problems),
        })),
      });
    },
  );

  app.post(
    '/api/v1/registries/history',
    {
      schema: {
        tags,
        security,
        summary:
          'Every version of a record: who wrote what, when and why (officers); recorded as a read',
        body: RecordBody,
        response: { 200: Type.Object({ versions: Type.Array(Version_) }), ...errors },
      },
    },
    async (request) => {
      const actor = await actorFor(request, ['officer', 'admin'], REGISTRY_SCOPES.read);
      const body = request.body as RecordBody;
      const versions = await recordHistory(
        deps.db,
        deps,
        { actor, purpose: body.reason },
        { name: body.registry, ...(body.version ? { version: body.version } : {}) },
        body.recordId,
      );
      return {
        versions: versions.map((version) => ({
          revision: version.revision,
          operation: version.operation,
          data: version.data,
          authorName: version.authorName,
          authorOrganisation: version.authorOrganisation,
          reason: version.reason,
          recordedAt: version.recordedAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/v1/registries/seals/lift',
    {
      schema: {
        tags,
        security,
        summary:
          'Lift the seal on every sealed access record of a record, by a recorded decision (officers, administrators)',
        body: RecordBody,
        response: { 200: Type.Object({ lifted: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const actor = await actorFor(request, ['officer', 'admin'], REGISTRY_SCOPES.seal);
      const body = request.body as RecordBody;
      return liftSeals(
        deps,
        actor,
        { name: body.registry, ...(body.version ? { version: body.version } : {}) },
        body.recordId,
        body.reason,
      );
    },
  );
}
