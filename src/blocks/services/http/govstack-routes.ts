import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { DomainError } from '../../../platform/errors.js';
import { allowedTransitions, type ApplicationStatus } from '../domain/application-status.js';
import type { ServiceDefinition } from '../domain/definition.js';
import { formSchema } from '../domain/form-schema.js';
import { findApplication, listActions } from '../repo/applications-repo.js';
import { performTransition } from '../service/perform-transition.js';
import {
  getApplication,
  listMyApplications,
  officerQueue,
  type ApplicationSummary,
} from '../service/queries.js';
import { submitApplication } from '../service/submit-application.js';
import { actorOf, requestFacts } from './actor.js';

/** Where the GovStack Registration API lives, so its /services and /applications clash with nothing. */
export const GOVSTACK_PREFIX = '/govstack/registration';

const tags = ['govstack-registration'];
const Json = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });
const JsonArray = Type.Array(Json);

/** GovStack's four application statuses, from the engine's state. */
function statusOf(definition: ServiceDefinition, status: ApplicationStatus) {
  const state = definition.states.find((s) => s.id === status.state);
  const title = state?.names.en ?? status.state;
  if (state?.final) return { code: state.outcome === 'rejected' ? 'REJECTED' : 'APPROVED', title };
  // Waiting for the applicant (a step only they can take) is GovStack's "sent back".
  if (allowedTransitions(definition, status.state, ['applicant']).length > 0)
    return { code: 'SENDBACK', title };
  return { code: 'PENDING', title };
}

const serviceJson = (d: ServiceDefinition) => ({
  id: d.id,
  name: d.names.en,
  version: String(d.version),
  type: 'Public',
  isExecutable: true,
  isClosed: false,
  description: d.legalBasis.en,
  serviceBody: [
    { code: 'agency', value: d.agency },
    { code: 'name.kk', value: d.names.kk },
    { code: 'name.ru', value: d.names.ru },
  ],
});

const fileJson = ({
  row,
  definition,
  status,
}: Pick<ApplicationSummary, 'row' | 'definition' | 'status'>) => ({
  fileId: row.id,
  registered: row.submitted_at.toISOString(),
  serviceId: definition.id,
  serviceName: definition.names.en,
  applicantId: row.applicant_person_id,
  assigneeId: status.assigneeAccountId ?? undefined,
  status: statusOf(definition, status),
  ended: status.final,
});

/** A task: one step an officer may take now on one application, valid while nothing else happens. */
const taskId = (applicationId: string, transition: string, lastSeq: number) =>
  `${applicationId}~${transition}~${lastSeq}`;
const parseTaskId = (id: string) => {
  const [applicationId, transition, seq] = id.split('~');
  return applicationId && transition && seq && /^\d+$/.test(seq)
    ? { applicationId, transition, lastSeq: Number(seq) }
    : undefined;
};

/**
 * The GovStack Registration Building Block API over the same engine (a subset; see README):
 * services, eForms (the form schema generated from each definition), applications, tasks (the
 * steps an officer may take now), complete task (performs the step, idempotent on repeat) and
 * statistics. Persons and officers call it with their session.
 */
export async function govstackRegistrationRoutes(app: FastifyInstance) {
  const engine = app.servicesEngine;
  const signedIn = requireSignedIn();
  const p = GOVSTACK_PREFIX;

  app.get(
    `${p}/services`,
    {
      schema: {
        tags,
        querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: JsonArray },
      },
    },
    async (request) => {
      const name = (request.query as { name?: string }).name?.toLowerCase();
      return engine
        .list()
        .filter((d) => !name || Object.values(d.names).some((n) => n.toLowerCase().includes(name)))
        .map(serviceJson);
    },
  );

  // As tested by GovStack clients: one service answers as an array.
  app.get(
    `${p}/services/:serviceId`,
    {
      schema: {
        tags,
        params: Type.Object({ serviceId: Type.String({ maxLength: 63 }) }),
        response: { 200: JsonArray },
      },
    },
    async (request) => [
      serviceJson(engine.get((request.params as { serviceId: string }).serviceId)),
    ],
  );

  app.get(
    `${p}/services/:serviceId/eForms`,
    {
      schema: {
        tags,
        params: Type.Object({ serviceId: Type.String({ maxLength: 63 }) }),
        response: { 200: JsonArray },
      },
    },
    async (request) => {
      const d = engine.get((request.params as { serviceId: string }).serviceId);
      return [
        {
          eFormId: `${d.id}@${d.version}`,
          name: d.names.en,
          description: d.legalBasis.en,
          version: String(d.version),
          latest: true,
        },
      ];
    },
  );

  app.get(
    `${p}/eForms/:eFormId`,
    {
      schema: {
        tags,
        params: Type.Object({ eFormId: Type.String({ maxLength: 80 }) }),
        response: { 200: Json },
      },
    },
    async (request) => {
      const [serviceId, version] = (request.params as { eFormId: string }).eFormId.split('@');
      const d = engine.get(serviceId ?? '');
      if (String(d.version) !== version) throw new DomainError('SERVICES_NOT_FOUND', 404);
      return {
        eFormId: `${d.id}@${d.version}`,
        name: d.names.en,
        description: d.legalBasis.en,
        version: String(d.version),
        latest: true,
        schema: formSchema(d),
      };
    },
  );

  app.post(
    `${p}/services/:serviceId/applications`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        params: Type.Object({ serviceId: Type.String({ maxLength: 63 }) }),
        response: { 200: Json },
      },
    },
    async (request) => {
      const { serviceId } = request.params as { serviceId: string };
      const body = (request.body ?? {}) as { applicantId?: unknown; formData?: unknown };
      const actor = actorOf(request);
      // Clients send the form JSON-encoded or, as tested, form-encoded with formData as a string.
      let formData = body.formData;
      if (typeof formData === 'string') {
        try {
          formData = JSON.parse(formData);
        } catch {
          throw new DomainError('HTTP_MALFORMED_JSON', 400);
        }
      }
      const data = (formData as { data?: unknown } | undefined)?.data;
      if (body.applicantId !== undefined && body.applicantId !== actor.personId)
        throw new DomainError('SERVICES_APPLICANT_NOT_ALLOWED', 403);
      const values =
        typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
      const submitted = await submitApplication(
        engine,
        { serviceId, actor, values },
        requestFacts(request),
      );
      const view = await getApplication(engine, submitted.id, actor);
      return fileJson(view);
    },
  );

  app.get(
    `${p}/applications`,
    { preHandler: signedIn, schema: { tags, response: { 200: JsonArray } } },
    async (request) => {
      const actor = actorOf(request);
      const rows = actor.roles.includes('officer')
        ? await officerQueue(engine, actor)
        : await listMyApplications(engine, actor.personId);
      return rows.map(fileJson);
    },
  );

  app.get(
    `${p}/applications/:fileId`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        params: Type.Object({ fileId: Type.String({ maxLength: 64 }) }),
        response: { 200: Json },
      },
    },
    async (request) =>
      fileJson(
        await getApplication(
          engine,
          (request.params as { fileId: string }).fileId,
          actorOf(request),
        ),
      ),
  );

  const tasksFor = async (summary: ApplicationSummary, roles: readonly string[]) =>
    allowedTransitions(summary.definition, summary.status.state, roles).map((t) => ({
      taskId: taskId(summary.row.id, t.id, summary.row.last_seq),
      mainTaskId: summary.row.id,
      name: t.names.en,
      assigneeId: summary.status.assigneeAccountId ?? undefined,
      created: summary.row.updated_at.toISOString(),
      serviceId: summary.definition.id,
      serviceName: summary.definition.names.en,
      fileId: summary.row.id,
      eFormId: `${summary.definition.id}@${summary.definition.version}`,
      status: statusOf(summary.definition, summary.status),
    }));

  app.get(
    `${p}/tasks`,
    { preHandler: signedIn, schema: { tags, response: { 200: JsonArray } } },
    async (request) => {
      const actor = actorOf(request);
      const tasks = [];
      for (const summary of await officerQueue(engine, actor))
        tasks.push(...(await tasksFor(summary, actor.roles)));
      return tasks;
    },
  );

  app.get(
    `${p}/tasks/:taskId`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        params: Type.Object({ taskId: Type.String({ maxLength: 200 }) }),
        response: { 200: Json },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { taskId: string }).taskId;
      const task = parseTaskId(id);
      const view = task ? await getApplication(engine, task.applicationId, actor) : undefined;
      const found = view
        ? (await tasksFor(view, actor.roles)).find((t) => t.taskId === id)
        : undefined;
      if (!found) throw new DomainError('SERVICES_TRANSITION_UNKNOWN', 404);
      return found;
    },
  );

  app.post(
    `${p}/tasks/:taskId/complete`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        params: Type.Object({ taskId: Type.String({ maxLength: 200 }) }),
        response: { 200: Json },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { taskId: string }).taskId;
      const task = parseTaskId(id);
      const row = task ? await findApplication(app.platform.db, task.applicationId) : undefined;
      if (!task || !row) throw new DomainError('SERVICES_TRANSITION_UNKNOWN', 404);
      const data = ((request.body ?? {}) as { data?: Record<string, unknown> }).data ?? {};
      if (row.last_seq === task.lastSeq) {
        await performTransition(
          engine,
          {
            applicationId: task.applicationId,
            transitionId: task.transition,
            actor,
            ...(typeof data.reason === 'string' ? { reason: data.reason } : {}),
            ...(typeof data.agencyCode === 'string' ? { agencyCode: data.agencyCode } : {}),
          },
          requestFacts(request),
        );
      } else {
        // A repeated call (clients may send it twice): success if this very step followed.
        const next = (await listActions(app.platform.db, row.id)).find(
          (a) => a.seq === task.lastSeq + 1,
        );
        if (next?.action !== task.transition || next.actorAccountId !== actor.accountId) {
          throw new DomainError('SERVICES_TRANSITION_NOT_AVAILABLE', 409);
        }
      }
      const view = await getApplication(engine, task.applicationId, actor);
      return {
        taskId: id,
        fileId: view.row.id,
        serviceId: view.definition.id,
        status: statusOf(view.definition, view.status),
        variables: {},
      };
    },
  );

  app.get(
    `${p}/data/statistics`,
    {
      schema: {
        tags,
        querystring: Type.Object({
          startDate: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
          endDate: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
          registrationName: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: JsonArray },
      },
    },
    async (request) => {
      const query = request.query as {
        startDate?: string;
        endDate?: string;
        registrationName?: string;
      };
      const counts = { processed: 0, approved: 0, sentBack: 0, rejected: 0 };
      let rowsQuery = app.platform.db
        .selectFrom('services_application')
        .select(['service_id', 'state', 'service_version']);
      if (query.startDate)
        rowsQuery = rowsQuery.where('submitted_at', '>=', new Date(`${query.startDate}T00:00:00Z`));
      if (query.endDate)
        rowsQuery = rowsQuery.where(
          'submitted_at',
          '<',
          new Date(new Date(`${query.endDate}T00:00:00Z`).getTime() + 86_400_000),
        );
      for (const row of await rowsQuery.execute()) {
        const definition = engine.find(row.service_id);
        if (!definition) continue;
        if (
          query.registrationName &&
          !Object.values(definition.names).includes(query.registrationName) &&
          definition.id !== query.registrationName
        )
          continue;
        const state = definition.states.find((s) => s.id === row.state);
        const sentBack =
          !state?.final && allowedTransitions(definition, row.state, ['applicant']).length > 0;
        if (state?.final) counts.processed += 1;
        if (state?.final && state.outcome !== 'rejected') counts.approved += 1;
        if (state?.final && state.outcome === 'rejected') counts.rejected += 1;
        if (sentBack) counts.sentBack += 1;
      }
      return [
        {
          ...counts,
          references: {
            ...(query.startDate ? { startDate: query.startDate } : {}),
            ...(query.endDate ? { endDate: query.endDate } : {}),
            ...(query.registrationName ? { registrationName: query.registrationName } : {}),
          },
        },
      ];
    },
  );
}
