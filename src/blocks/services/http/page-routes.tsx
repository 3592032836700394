import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { isDomainError, type DomainError } from '../../../platform/errors.js';
import type { FormErrors } from '../../../platform/views/components/index.js';
import { allowedTransitions } from '../domain/application-status.js';
import { assignApplication, performTransition } from '../service/perform-transition.js';
import {
  getApplication,
  listMyApplications,
  officerQueue,
  type ApplicationView,
} from '../service/queries.js';
import { checkForm, submitApplication } from '../service/submit-application.js';
import { accountNames, agencyCodeOf, officersOf } from '../repo/applications-repo.js';
import { ApplicationPage } from '../views/application-page.js';
import { ApplyPage } from '../views/apply-page.js';
import { MyApplicationsPage } from '../views/my-applications-page.js';
import { QueuePage } from '../views/queue-page.js';
import type { FieldValue } from '../views/service-form.js';
import { actorOf, requestFacts } from './actor.js';
import { readServiceForm } from './read-service-form.js';

const Id = Type.String({ maxLength: 100 });
const ServiceParams = Type.Object({ serviceId: Id });
const ApplicationParams = Type.Object({ applicationId: Id });
const TransitionParams = Type.Object({ applicationId: Id, transitionId: Id });

/** Translates a refusal's field problems; a refusal about no field goes on `fallback`. */
function errorsFrom(error: DomainError, t: FastifyRequest['t'], fallback: string): FormErrors {
  if (error.fields.length === 0) return { [fallback]: t(`error.${error.code}`, error.params) };
  const errors: FormErrors = {};
  for (const problem of error.fields) {
    errors[problem.field] ??= t(`error.${problem.code}`, problem.params);
  }
  return errors;
}

/**
 * The pages: a service's form (`/services/:serviceId/apply`), "My applications" with each
 * application's steps and deadlines, and the officer's queue and application page with the
 * actions their role allows. Forms post back and redirect (post-redirect-get) on success; a
 * refusal re-renders the form with its errors and the refusal's status.
 */
export async function servicesPageRoutes(app: FastifyInstance) {
  const engine = app.servicesEngine;
  const signedIn = requireSignedIn();

  app.get(
    '/services/:serviceId/apply',
    { preHandler: signedIn, schema: { hide: true, params: ServiceParams } },
    async (request, reply) => {
      const { serviceId } = request.params as { serviceId: string };
      return reply.page(<ApplyPage definition={engine.get(serviceId)} values={{}} errors={{}} />);
    },
  );

  app.post(
    '/services/:serviceId/apply',
    { preHandler: signedIn, schema: { hide: true, params: ServiceParams } },
    async (request, reply) => {
      const { serviceId } = request.params as { serviceId: string };
      const definition = engine.get(serviceId);
      const actor = actorOf(request);
      const { values, shown, errors } = await readServiceForm(engine, request, serviceId);
      const fieldNames = definition.fields.map((f) => f.name);
      if (Object.keys(errors).length > 0) {
        // An upload was refused: show it with every other problem of the form, submit nothing.
        for (const problem of checkForm(engine, definition, values).problems) {
          errors[problem.field] ??= request.t(`error.${problem.code}`, problem.params);
        }
        return renderApply(reply, 400, serviceId, shown, ordered(fieldNames, errors));
      }
      try {
        const submitted = await submitApplication(
          engine,
          { serviceId, actor, values },
          requestFacts(request),
        );
        return reply.redirect(`/my/applications/${submitted.id}?submitted=1`, 303);
      } catch (error) {
        if (!isDomainError(error) || error.status >= 500) throw error;
        return renderApply(
          reply,
          error.status,
          serviceId,
          shown,
          ordered(fieldNames, errorsFrom(error, request.t, fieldNames[0] ?? 'form')),
        );
      }
    },
  );

  const renderApply = (
    reply: FastifyReply,
    status: number,
    serviceId: string,
    values: Record<string, FieldValue>,
    errors: FormErrors,
  ) =>
    reply
      .status(status)
      .page(<ApplyPage definition={engine.get(serviceId)} values={values} errors={errors} />);

  app.get(
    '/my/applications',
    { preHandler: signedIn, schema: { hide: true } },
    async (request, reply) => {
      const applications = await listMyApplications(engine, request.principal!.personId);
      return reply.page(<MyApplicationsPage applications={applications} />);
    },
  );

  app.get(
    '/my/applications/:applicationId',
    {
      preHandler: signedIn,
      schema: {
        hide: true,
        params: ApplicationParams,
        querystring: Type.Object({ submitted: Type.Optional(Type.String({ maxLength: 1 })) }),
      },
    },
    async (request, reply) => {
      const { applicationId } = request.params as { applicationId: string };
      const view = await getApplication(engine, applicationId, actorOf(request));
      if (view.row.applicant_person_id !== request.principal!.personId)
        return reply.redirect(`/officer/applications/${applicationId}`, 303);
      const submitted = (request.query as { submitted?: string }).submitted === '1';
      return reply.page(applicantPage(view, {}, submitted));
    },
  );

  const applicantPage = (view: ApplicationView, errors: FormErrors, justSubmitted = false) => (
    <ApplicationPage
      view={view}
      audience="applicant"
      transitions={
        view.status.final
          ? []
          : allowedTransitions(view.definition, view.status.state, ['applicant'])
      }
      errors={errors}
      justSubmitted={justSubmitted}
    />
  );

  const officerPage = async (
    request: FastifyRequest,
    view: ApplicationView,
    errors: FormErrors = {},
  ) => {
    const actor = actorOf(request);
    const code = actor.agencyId ? await agencyCodeOf(app.platform.db, actor.agencyId) : undefined;
    const holds = code === view.status.agencyCode;
    const officers = holds
      ? (await officersOf(app.platform.db, view.status.agencyCode)).map((o) => ({
          accountId: o.accountId,
          name: `${o.given_name} ${o.family_name}`,
        }))
      : [];
    const transitions = holds
      ? allowedTransitions(view.definition, view.status.state, actor.roles)
      : [];
    return (
      <ApplicationPage
        view={view}
        audience="officer"
        transitions={transitions}
        officers={officers}
        errors={errors}
      />
    );
  };

  app.get(
    '/officer/queue',
    { preHandler: signedIn, schema: { hide: true } },
    async (request, reply) => {
      const queue = await officerQueue(engine, actorOf(request));
      const names = await accountNames(
        app.platform.db,
        queue.map((s) => s.status.assigneeAccountId ?? ''),
      );
      return reply.page(<QueuePage queue={queue} names={names} />);
    },
  );

  app.get(
    '/officer/applications/:applicationId',
    { preHandler: signedIn, schema: { hide: true, params: ApplicationParams } },
    async (request, reply) => {
      const { applicationId } = request.params as { applicationId: string };
      const view = await getApplication(engine, applicationId, actorOf(request));
      return reply.page(await officerPage(request, view));
    },
  );

  const ActionBody = Type.Object(
    {
      reason: Type.Optional(Type.String({ maxLength: 10_000 })),
      agencyCode: Type.Optional(Type.String({ maxLength: 100 })),
    },
    { additionalProperties: false },
  );

  for (const audience of ['applicant', 'officer'] as const) {
    const base = audience === 'applicant' ? '/my/applications' : '/officer/applications';
    app.post(
      `${base}/:applicationId/transitions/:transitionId`,
      { preHandler: signedIn, schema: { hide: true, params: TransitionParams, body: ActionBody } },
      async (request, reply) => {
        const { applicationId, transitionId } = request.params as {
          applicationId: string;
          transitionId: string;
        };
        const body = request.body as { reason?: string; agencyCode?: string };
        const actor = actorOf(request);
        try {
          await performTransition(
            engine,
            {
              applicationId,
              transitionId,
              actor,
              ...(body.reason ? { reason: body.reason } : {}),
              ...(body.agencyCode ? { agencyCode: body.agencyCode.trim() } : {}),
            },
            requestFacts(request),
          );
        } catch (error) {
          // A refused role, a missing application: the error page. A form problem: the form again.
          if (!isDomainError(error) || error.fields.length === 0) throw error;
          const view = await getApplication(engine, applicationId, actor);
          const errors = Object.fromEntries(
            error.fields.map((p) => [
              `${p.field === 'agencyCode' ? 'agency' : 'reason'}-${transitionId}`,
              request.t(`error.${p.code}`, p.params),
            ]),
          );
          return reply
            .status(error.status)
            .page(
              audience === 'applicant'
                ? applicantPage(view, errors)
                : await officerPage(request, view, errors),
            );
        }
        return reply.redirect(`${base}/${applicationId}`, 303);
      },
    );
  }

  app.post(
    '/officer/applications/:applicationId/assign',
    {
      preHandler: signedIn,
      schema: {
        hide: true,
        params: ApplicationParams,
        body: Type.Object(
          { assignee: Type.String({ maxLength: 100 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { applicationId } = request.params as { applicationId: string };
      const { assignee } = request.body as { assignee: string };
      const actor = actorOf(request);
      try {
        await assignApplication(
          engine,
          { applicationId, assigneeAccountId: assignee, actor },
          requestFacts(request),
        );
      } catch (error) {
        if (!isDomainError(error) || error.fields.length === 0) throw error;
        const view = await getApplication(engine, applicationId, actor);
        return reply
          .status(error.status)
          .page(await officerPage(request, view, errorsFrom(error, request.t, 'assignee')));
      }
      return reply.redirect(`/officer/applications/${applicationId}`, 303);
    },
  );
}

/** Errors in the order the fields appear, so the summary reads top to bottom. */
function ordered(names: string[], errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const name of names) if (errors[name]) out[name] = errors[name];
  for (const [name, message] of Object.entries(errors)) if (!(name in out)) out[name] = message;
  return out;
}
