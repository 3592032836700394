import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import { foldFieldName } from '../domain/definition.js';
import { REGISTRY_SCOPES } from '../domain/scopes.js';
import { registriesDeps, type ReadContext } from '../service/deps.js';
import {
  findRecord,
  listRecords,
  readValue,
  recordExists,
  toRecord,
} from '../service/record-reads.js';
import { createRecord, deleteRecord } from '../service/record-writes.js';
import { updateMatching, updateOrCreate } from '../service/query-writes.js';
import { getRegistry } from '../service/registries.js';
import { personalDataUsage } from '../service/seals.js';
import { formOf, present, recordNotFound, type ApiForm } from './govstack-form.js';
import { checkImClient, imActor, needScope } from './im-client.js';
import {
  ContentAnswer,
  ExistsAnswer,
  ImHeaders,
  ListAnswer,
  ListQuery,
  NotFoundAnswer,
  ProblemRef,
  QueryBody,
  QueryWriteBody,
  ReadValueAnswer,
  ReadValueParams,
  RecordIdParams,
  RegistryParams,
  UpdatedAnswer,
  UsageAsTested,
  UsageBody,
  UsageCurrent,
  UsageQueryAsTested,
  UsageQueryCurrent,
  WriteBody,
} from './schemas.js';

const tags = ['GovStack Data API'];
const security = [{ bearer: [] }];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef };
const writeErrors = { ...errors, 409: ProblemRef, 413: ProblemRef, 415: ProblemRef };

const ref = (params: RegistryParams) => ({
  name: params.registryName,
  version: params.versionNumber,
});

/** Twelve digits in a row: an IIN or BIN, which never goes into an address. */
const IDENTIFIER_LIKE = /(^|[^0-9])[0-9]{12}([^0-9]|$)/;

/**
 * The GovStack Digital Registries Data API under `/data/{registryName}/{versionNumber}`, in both
 * API generations (current camelCase paths and the as-tested kebab-case ones), plus
 * MyPersonalDataUsage. Every route first checks Information-Mediator-Client against the API key.
 */
export async function dataApiRoutes(app: FastifyInstance) {
  const deps = registriesDeps(app.platform);
  const preValidation = [checkImClient, emptyBodyAsObject];

  const readContext = (request: FastifyRequest, operation: string): ReadContext => ({
    actor: imActor(request),
    purpose: `GovStack Data API ${operation} (${request.imClient!.subsystem})`,
  });
  const writeInput = (request: FastifyRequest, operation: string) => ({
    reason: `GovStack Data API ${operation} by ${request.imClient!.id}`,
  });

  app.get(
    '/data/:registryName/:versionNumber',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'list: one page of records, filtered by query.<field>',
        headers: ImHeaders,
        params: RegistryParams,
        querystring: ListQuery,
        response: { 200: ListAnswer, ...errors },
      },
    },
    async (request) => {
      const params = request.params as RegistryParams;
      const query = request.query as ListQuery;
      const registry = await getRegistry(deps, ref(params));
      const conditions: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(query))
        if (key.startsWith('query.')) conditions[key.slice('query.'.length)] = value;
      refuseIdentifiersInAddress(registry.definition.fields, conditions, query.search);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? query.page_size ?? 10;
      const form: ApiForm =
        query.page_size !== undefined || Object.keys(conditions).some((key) => /^[A-Z]/.test(key))
          ? 'as-tested'
          : 'current';
      const result = await listRecords(deps.db, deps, readContext(request, 'list'), registry, {
        conditions,
        ...(query.search ? { search: query.search } : {}),
        ...(query.filter ? { searchField: query.filter } : {}),
        descending: query.ordering === 'descending',
        page,
        pageSize,
      });
      const pageUrl = (number: number) => {
        const url = new URL(request.url, 'http://registry.invalid');
        url.searchParams.set('page', String(number));
        return `${url.pathname}${url.search}`;
      };
      return {
        count: result.records.length,
        next: pageUrl(page + 1),
        previous: page > 1 ? pageUrl(page - 1) : null,
        results: result.records.map((record) => present(record, form)),
      };
    },
  );

  app.post(
    '/data/:registryName/:versionNumber/create',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'create: a new record (version 1)',
        headers: ImHeaders,
        params: RegistryParams,
        body: WriteBody,
        response: { 200: ContentAnswer, ...writeErrors },
      },
    },
    async (request) => {
      const params = request.params as RegistryParams;
      const { content } = (request.body as WriteBody).write;
      const registry = await getRegistry(deps, ref(params));
      const stored = await deps.db
        .transaction()
        .execute((trx) =>
          createRecord(
            trx,
            deps,
            imActor(request),
            registry,
            content,
            writeInput(request, 'create'),
          ),
        );
      return { content: present(toRecord(registry, stored), formOf(request, content)) };
    },
  );

  app.post(
    '/data/:registryName/:versionNumber/read',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'read: the first record matching the query',
        headers: ImHeaders,
        params: RegistryParams,
        body: QueryBody,
        response: { 200: ContentAnswer, ...errors, 404: NotFoundAnswer },
      },
    },
    async (request, reply) => {
      const params = request.params as RegistryParams;
      const { content } = (request.body as QueryBody).query;
      const record = await findRecord(
        deps.db,
        deps,
        readContext(request, 'read'),
        ref(params),
        content,
      );
      if (!record) return recordNotFound(request, reply);
      return { content: present(record, formOf(request, content)) };
    },
  );

  app.post(
    '/data/:registryName/:versionNumber/exists',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'exists: whether a record matches the query',
        headers: ImHeaders,
        params: RegistryParams,
        body: QueryBody,
        response: { 200: ExistsAnswer, ...errors },
      },
    },
    async (request) => {
      const params = request.params as RegistryParams;
      const { content } = (request.body as QueryBody).query;
      const status = await recordExists(
        deps.db,
        deps,
        readContext(request, 'exists'),
        ref(params),
        content,
      );
      return {
        answer: {
          status,
          message: request.t(status ? 'registries.exists.found' : 'registries.exists.notFound'),
        },
      };
    },
  );

  const update = (all: boolean) => async (request: FastifyRequest) => {
    const params = request.params as RegistryParams;
    const body = request.body as QueryWriteBody;
    // A repeated GovStack call may come first without a body: nothing to do, and a success.
    if (!body.write) return { updated: 0 };
    if (!body.query) throw new DomainError('REGISTRY_QUERY_EMPTY', 400);
    const written = await deps.db.transaction().execute((trx) =>
      updateMatching(
        trx,
        deps,
        imActor(request),
        ref(params),
        body.query!.content,
        body.write!.content,
        {
          ...writeInput(request, all ? 'update-entries' : 'update'),
          all,
        },
      ),
    );
    if (!all && written.length === 0) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
    return { updated: written.length };
  };
  const updateSchema = (summary: string, form: ApiForm = 'current') => ({
    preValidation,
    config: { form },
    schema: {
      tags,
      security,
      summary,
      headers: ImHeaders,
      params: RegistryParams,
      body: QueryWriteBody,
      response: { 200: UpdatedAnswer, ...writeErrors },
    },
  });
  app.put(
    '/data/:registryName/:versionNumber/update',
    updateSchema('update: merge data into the first matching record'),
    update(false),
  );
  for (const [path, form] of [
    ['updateEntries', 'current'],
    ['update-entries', 'as-tested'],
  ] as const)
    app.put(
      `/data/:registryName/:versionNumber/${path}`,
      updateSchema(`${path}: merge data into every matching record`, form),
      update(true),
    );

  for (const [path, form] of [
    ['updateOrCreate', 'current'],
    ['update-or-create', 'as-tested'],
  ] as const)
    app.post(
      `/data/:registryName/:versionNumber/${path}`,
      {
        preValidation,
        config: { form },
        schema: {
          tags,
          security,
          summary: `${path}: update the matching record, or create one`,
          headers: ImHeaders,
          params: RegistryParams,
          body: QueryWriteBody,
          response: { 200: ContentAnswer, ...writeErrors },
        },
      },
      async (request) => {
        const params = request.params as RegistryParams;
        const body = request.body as QueryWriteBody;
        if (!body.write) throw new DomainError('REGISTRY_QUERY_EMPTY', 400);
        const registry = await getRegistry(deps, ref(params));
        const query = body.query?.content ?? {};
        const { record } = await deps.db
          .transaction()
          .execute((trx) =>
            updateOrCreate(
              trx,
              deps,
              imActor(request),
              registry,
              query,
              body.write!.content,
              writeInput(request, path),
            ),
          );
        return {
          content: present(toRecord(registry, record), formOf(request, body.write.content)),
        };
      },
    );

  app.delete(
    '/data/:registryName/:versionNumber/:ID/delete',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'delete: a logical delete, kept in the history; repeating it is a success',
        headers: ImHeaders,
        params: RecordIdParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...writeErrors },
      },
    },
    async (request, reply) => {
      const params = request.params as RegistryParams & { ID: string };
      await deps.db
        .transaction()
        .execute((trx) =>
          deleteRecord(
            trx,
            deps,
            imActor(request),
            ref(params),
            params.ID,
            writeInput(request, 'delete'),
          ),
        );
      return reply.status(204).send();
    },
  );

  for (const [path, form] of [
    ['readValue', 'current'],
    ['read-value', 'as-tested'],
  ] as const)
    app.get(
      `/data/:registryName/:versionNumber/:uuid/${path}/:fieldAndExt`,
      {
        preValidation,
        config: { form },
        schema: {
          tags,
          security,
          summary: `${path}: one field of one record, as json ({"value": …}) or txt`,
          headers: ImHeaders,
          params: ReadValueParams,
          response: { 200: ReadValueAnswer, ...errors },
        },
      },
      async (request, reply) => {
        const params = request.params as RegistryParams & { uuid: string; fieldAndExt: string };
        const dot = params.fieldAndExt.lastIndexOf('.');
        const field = dot > 0 ? params.fieldAndExt.slice(0, dot) : params.fieldAndExt;
        const ext = dot > 0 ? params.fieldAndExt.slice(dot + 1).toLowerCase() : '';
        if (ext !== 'json' && ext !== 'txt')
          throw new DomainError('REGISTRY_VALUE_FORMAT_UNSUPPORTED', 400, { ext });
        const { value } = await readValue(
          deps.db,
          deps,
          readContext(request, 'read-value'),
          ref(params),
          params.uuid,
          field,
        );
        if (ext === 'txt')
          return reply
            .type('text/plain; charset=utf-8')
            .send(value === undefined ? '' : String(value));
        return { value: value ?? null };
      },
    );

  registerUsageRoutes(app, deps);
}

/**
 * MyPersonalDataUsage: who read a person's data, for a citizen portal calling through the
 * mediator with the `registries:data-usage` scope. By GET the person is given by identity person
 * id (an opaque id); an IIN goes only in a POST body.
 */
function registerUsageRoutes(app: FastifyInstance, deps: ReturnType<typeof registriesDeps>) {
  const usage = async (
    request: FastifyRequest,
    person: string | undefined,
    database: string | undefined,
    form: ApiForm,
  ) => {
    needScope(request, REGISTRY_SCOPES.dataUsage);
    if (!person) throw new DomainError('VALIDATION_REQUIRED', 400);
    const isPersonId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
      person,
    );
    const reads = await personalDataUsage(
      deps,
      isPersonId ? { personId: person } : { nationalId: person.trim() },
      database ? database : undefined,
    );
    return reads.map(({ record, recordId }) => {
      const initials = record.accessorName
        .split(/[\s/]+/)
        .filter(Boolean)
        .map((word) => word.charAt(0).toUpperCase())
        .join('');
      return form === 'as-tested'
        ? {
            ID: record.id,
            ReaderID: record.accessorName,
            ReaderInitials: initials,
            ReaderInstitutionID: record.accessorOrganisation,
            ReaderInstitutionName: record.accessorOrganisation,
            ReaderApplicationName: record.purpose,
            SearchDateTime: record.accessedAt.toISOString(),
            Refrences: recordId ? [{ ReferenceID: recordId }] : [],
            LegalBasis: record.legalBasis,
            Fields: record.fields,
          }
        : {
            id: record.id,
            readerId: record.accessorName,
            readerInitials: initials,
            readerInstitutionId: record.accessorOrganisation,
            readerInstitutionName: record.accessorOrganisation,
            readerApplicationName: record.purpose,
            searchDateTime: record.accessedAt.toISOString(),
            refrences: recordId ? [{ referenceId: recordId }] : [],
            legalBasis: record.legalBasis,
            fields: record.fields,
          };
    });
  };
  const preValidation = [checkImClient];
  const common = (form: ApiForm) => ({
    tags: ['GovStack MyPersonalDataUsage'],
    security,
    summary: 'Who read a person’s data, newest first (sealed reads left out)',
    headers: ImHeaders,
    response: { 200: Type.Array(form === 'as-tested' ? UsageAsTested : UsageCurrent), ...errors },
  });

  app.get(
    '/data/MyPersonalDataUsage/1.0',
    {
      preValidation,
      config: { form: 'as-tested' },
      schema: { ...common('as-tested'), querystring: UsageQueryAsTested },
    },
    async (request) => {
      const query = request.query as { userID: string; DatabaseID?: string };
      if (IDENTIFIER_LIKE.test(query.userID))
        throw new DomainError('REGISTRY_IDENTIFIER_IN_URL', 400);
      return usage(request, query.userID, query.DatabaseID, 'as-tested');
    },
  );
  app.get(
    '/data/myPersonalDataUsage',
    { preValidation, schema: { ...common('current'), querystring: UsageQueryCurrent } },
    async (request) => {
      const query = request.query as { userId: string; databaseId?: string };
      if (IDENTIFIER_LIKE.test(query.userId))
        throw new DomainError('REGISTRY_IDENTIFIER_IN_URL', 400);
      return usage(request, query.userId, query.databaseId, 'current');
    },
  );
  for (const [path, form] of [
    ['/data/MyPersonalDataUsage/1.0', 'as-tested'],
    ['/data/myPersonalDataUsage', 'current'],
  ] as const)
    app.post(
      path,
      { preValidation, config: { form }, schema: { ...common(form), body: UsageBody } },
      async (request) => {
        const body = request.body as UsageBody;
        return usage(request, body.userID ?? body.userId, body.DatabaseID ?? body.databaseId, form);
      },
    );
}

/** Identification numbers never travel in an address: look them up with read or exists. */
function refuseIdentifiersInAddress(
  fields: { name: string; type: string }[],
  conditions: Record<string, unknown>,
  search: string | undefined,
): void {
  const fold = foldFieldName;
  const identifierFields = new Set(
    fields
      .filter((field) => field.type === 'national-id' || field.type === 'business-id')
      .map((field) => fold(field.name)),
  );
  const named = Object.keys(conditions).some((key) => identifierFields.has(fold(key)));
  const looksLikeOne = [search, ...Object.values(conditions)].some(
    (value) => typeof value === 'string' && IDENTIFIER_LIKE.test(value),
  );
  if (named || looksLikeOne) throw new DomainError('REGISTRY_IDENTIFIER_IN_URL', 400);
}

/** Lets an update or delete arrive without a body (repeated GovStack calls) and still validate. */
async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}
