import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { DomainError } from '../../../platform/errors.js';
import { formSchema } from '../domain/form-schema.js';
import type { ServiceDefinition } from '../domain/definition.js';
import { uploadAttachment } from '../service/attachments.js';
import { assignApplication, performTransition } from '../service/perform-transition.js';
import {
  getApplication,
  listMyApplications,
  officerQueue,
  type ApplicationSummary,
  type ApplicationView,
} from '../service/queries.js';
import { submitApplication } from '../service/submit-application.js';
import { actorOf, requestFacts } from './actor.js';

const tags = ['services'];
const ProblemRef = Type.Unsafe({ $ref: 'Problem#' });
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ProblemRef]));
const Uuid = Type.String({ format: 'uuid' });
const ServiceId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' });
const Localised = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const Json = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });

const ServiceSummary = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    names: Localised,
    agency: Type.String(),
    legalBasis: Localised,
    applicants: Type.Array(Json),
    applyUrl: Type.String(),
  },
  { title: 'ServiceSummary' },
);
const Clock = Type.Object({
  id: Type.String(),
  status: Type.String(),
  startedOn: Type.Optional(Type.String()),
  dueDate: Type.Optional(
    Type.String({ description: 'Last day of the period (YYYY-MM-DD, country calendar)' }),
  ),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  extensions: Type.Integer(),
});
const ApplicationSummaryView = Type.Object(
  {
    id: Uuid,
    reference: Type.String(),
    serviceId: Type.String(),
    state: Type.String(),
    final: Type.Boolean(),
    agency: Type.String(),
    assigneeAccountId: Type.Union([Uuid, Type.Null()]),
    submittedAt: Type.String({ format: 'date-time' }),
    clocks: Type.Array(Clock),
  },
  { title: 'ApplicationSummary' },
);
const ApplicationDetail = Type.Composite(
  [
    ApplicationSummaryView,
    Type.Object({
      values: Json,
      history: Type.Array(
        Type.Object({
          seq: Type.Integer(),
          action: Type.String(),
          toState: Type.Union([Type.String(), Type.Null()]),
          actorAccountId: Type.Union([Uuid, Type.Null()]),
          actorRole: Type.String(),
          at: Type.String({ format: 'date-time' }),
          payload: Json,
          reason: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
    }),
  ],
  { title: 'ApplicationDetail' },
);
const SubmitBody = Type.Object(
  {
    values: Json,
    organisationId: Type.Optional(Uuid),
    agencyCode: Type.Optional(Type.String({ maxLength: 63 })),
  },
  { additionalProperties: false, title: 'SubmitApplication' },
);

export const summaryJson = ({
  row,
  status,
  clocks,
}: Pick<ApplicationSummary, 'row' | 'status' | 'clocks'>) => ({
  id: row.id,
  reference: row.reference,
  serviceId: row.service_id,
  state: status.state,
  final: status.final,
  agency: status.agencyCode,
  assigneeAccountId: status.assigneeAccountId,
  submittedAt: row.submitted_at.toISOString(),
  clocks: clocks.map((c) => ({
    id: c.id,
    status: c.status,
    ...(c.startedOn ? { startedOn: c.startedOn } : {}),
    ...(c.dueDate ? { dueDate: c.dueDate } : {}),
    workingDaysLeft: c.daysLeft ?? null,
    extensions: c.extensions,
  })),
});

export const detailJson = (view: ApplicationView) => ({
  ...summaryJson(view),
  values: view.row.form_values,
  history: view.actions.map((a) => ({ ...a, at: a.at.toISOString() })),
});

export const serviceJson = (d: ServiceDefinition) => ({
  id: d.id,
  version: d.version,
  names: d.names,
  agency: d.agency,
  legalBasis: d.legalBasis,
  applicants: d.applicants,
  applyUrl: `/services/${d.id}/apply`,
});

/**
 * The services JSON API under /api/v1/services: the catalogue, each service's definition and
 * OpenAPI document (its form schema generated from the definition), applications (submit,
 * attach, read, act, assign) and the officer's queue. Sessions only: applications belong to
 * people; a JSON call with the session cookie sends the page's CSRF token.
 */
export async function servicesApiRoutes(app: FastifyInstance) {
  const engine = app.servicesEngine;
  const signedIn = requireSignedIn();

  app.get(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'The services this deployment offers',
        response: { 200: Type.Array(ServiceSummary) },
      },
    },
    async () => engine.list().map(serviceJson),
  );

  app.get(
    '/api/v1/services/:serviceId',
    {
      schema: {
        tags,
        summary: 'A service’s full declarative definition',
        params: Type.Object({ serviceId: ServiceId }),
        response: { 200: Json, ...problems(400, 404) },
      },
    },
    async (request) => engine.get((request.params as { serviceId: string }).serviceId),
  );

  app.get(
    '/api/v1/services/:serviceId/openapi.json',
    {
      schema: {
        tags,
        summary:
          'OpenAPI 3.1 document of one service, with its form schema built from the definition',
        params: Type.Object({ serviceId: ServiceId }),
        response: { 200: Json, ...problems(400, 404) },
      },
    },
    async (request) =>
      serviceOpenApi(engine.get((request.params as { serviceId: string }).serviceId)),
  );

  app.post(
    '/api/v1/services/:serviceId/applications',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Submit an application (values as in the service’s form schema)',
        params: Type.Object({ serviceId: ServiceId }),
        body: SubmitBody,
        response: {
          201: Type.Object({
            id: Uuid,
            reference: Type.String(),
            state: Type.String(),
            warnings: Type.Array(Json),
          }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { serviceId } = request.params as { serviceId: string };
      const body = request.body as {
        values: Record<string, unknown>;
        organisationId?: string;
        agencyCode?: string;
      };
      const submitted = await submitApplication(
        engine,
        {
          serviceId,
          actor: actorOf(request),
          values: body.values,
          ...(body.organisationId ? { organisationId: body.organisationId } : {}),
          ...(body.agencyCode ? { agencyCode: body.agencyCode } : {}),
        },
        requestFacts(request),
      );
      return reply.status(201).send({
        id: submitted.id,
        reference: submitted.reference,
        state: submitted.state,
        warnings: submitted.warnings,
      });
    },
  );

  app.post(
    '/api/v1/services/:serviceId/attachments/:field',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Upload a file for an attachment field (raw body); put the returned id in the form value',
        params: Type.Object({ serviceId: ServiceId, field: Type.String({ maxLength: 63 }) }),
        headers: Type.Object({ 'x-file-name': Type.String({ minLength: 1, maxLength: 255 }) }),
        response: {
          201: Type.Object({ id: Uuid, mediaType: Type.String(), size: Type.Integer() }),
          ...problems(400, 401, 404, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { serviceId, field } = request.params as { serviceId: string; field: string };
      if (!Buffer.isBuffer(request.body)) throw new DomainError('HTTP_UNSUPPORTED_MEDIA_TYPE', 415);
      const file = await uploadAttachment(engine, {
        serviceId,
        field,
        content: request.body,
        originalName: decodeURIComponent(String(request.headers['x-file-name'])),
        actor: actorOf(request),
      });
      return reply
        .status(201)
        .send({ id: file.id, mediaType: file.media_type, size: Number(file.size) });
    },
  );

  app.get(
    '/api/v1/services/applications/mine',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'My applications',
        response: { 200: Type.Array(ApplicationSummaryView), ...problems(401) },
      },
    },
    async (request) =>
      (await listMyApplications(engine, request.principal!.personId)).map(summaryJson),
  );

  app.get(
    '/api/v1/services/queue',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'The officer’s agency queue, least time left first',
        response: { 200: Type.Array(ApplicationSummaryView), ...problems(401, 403) },
      },
    },
    async (request) => (await officerQueue(engine, actorOf(request))).map(summaryJson),
  );

  app.get(
    '/api/v1/services/applications/:applicationId',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'One application with its history and clocks',
        params: Type.Object({ applicationId: Uuid }),
        response: { 200: ApplicationDetail, ...problems(400, 401, 404) },
      },
    },
    async (request) =>
      detailJson(
        await getApplication(
          engine,
          (request.params as { applicationId: string }).applicationId,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/api/v1/services/applications/:applicationId/transitions',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Perform a step of the service’s workflow (refused and audited when the role may not)',
        params: Type.Object({ applicationId: Uuid }),
        body: Type.Object(
          {
            transition: Type.String({ maxLength: 63 }),
            reason: Type.Optional(Type.String({ maxLength: 10_000 })),
            agencyCode: Type.Optional(Type.String({ maxLength: 63 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ApplicationDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { applicationId } = request.params as { applicationId: string };
      const body = request.body as { transition: string; reason?: string; agencyCode?: string };
      const actor = actorOf(request);
      await performTransition(
        engine,
        {
          applicationId,
          transitionId: body.transition,
          actor,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.agencyCode ? { agencyCode: body.agencyCode } : {}),
        },
        requestFacts(request),
      );
      return detailJson(await getApplication(engine, applicationId, actor));
    },
  );

  app.post(
    '/api/v1/services/applications/:applicationId/assign',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Assign the application to an officer of the agency holding it',
        params: Type.Object({ applicationId: Uuid }),
        body: Type.Object({ assigneeAccountId: Uuid }, { additionalProperties: false }),
        response: { 200: ApplicationDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { applicationId } = request.params as { applicationId: string };
      const actor = actorOf(request);
      await assignApplication(
        engine,
        {
          applicationId,
          assigneeAccountId: (request.body as { assigneeAccountId: string }).assigneeAccountId,
          actor,
        },
        requestFacts(request),
      );
      return detailJson(await getApplication(engine, applicationId, actor));
    },
  );
}

/** An OpenAPI 3.1 document for one service: submitting it, with the form schema of its fields. */
export function serviceOpenApi(definition: ServiceDefinition) {
  const form = formSchema(definition);
  return {
    openapi: '3.1.0',
    info: {
      title: definition.names.en,
      version: String(definition.version),
      description: definition.legalBasis.en,
    },
    paths: {
      [`/api/v1/services/${definition.id}/applications`]: {
        post: {
          summary: `Apply: ${definition.names.en}`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['values'],
                  additionalProperties: false,
                  properties: {
                    values: { $ref: '#/components/schemas/Form' },
                    organisationId: { type: 'string', format: 'uuid' },
                  },
                },
              },
            },
          },
          responses: {
            '201': { description: 'Submitted' },
            '400': {
              description: 'Invalid form: one problem per field',
              content: { 'application/problem+json': {} },
            },
            '422': {
              description: 'An automatic check refused the application',
              content: { 'application/problem+json': {} },
            },
          },
        },
      },
    },
    components: { schemas: { Form: form } },
  };
}
