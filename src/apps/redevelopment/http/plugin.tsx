import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf, registerService, type Actor } from '../../../blocks/services/index.js';
import { acceptMultipart } from '../../../blocks/services/http/multipart.js';
import { readServiceForm } from '../../../blocks/services/http/read-service-form.js';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { isDomainError } from '../../../platform/errors.js';
import { formErrorsFrom, type FormErrors } from '../../../platform/views/components/index.js';
import { REDEV_SERVICE, redevelopmentService } from '../definition/redevelopment-service.js';
import { decideAudit, restrictedArchitects } from '../service/audits.js';
import { ADVANCE_SWEEP_JOB, sweepDecidedFilings } from '../service/advance-sweep.js';
import { answerConsent } from '../service/consents.js';
import { createRedevDeps } from '../service/deps.js';
import { fileRedevelopment } from '../service/file-plan.js';
import { connectRedevPorts } from '../service/ports.js';
import {
  consentsAwaiting,
  filingView,
  inspections,
  myFilings,
  myPlanHistory,
} from '../service/queries.js';
import { registerRedevTemplates } from '../service/templates.js';
import {
  FilingPage,
  FilingsPage,
  HomePage,
  NewFilingPage,
  PATHS,
  PlansPage,
  RestrictedPage,
} from '../views/pages.js';

const Params = Type.Object({ id: Type.String({ maxLength: 40 }) });
const facts = (request: FastifyRequest) => ({ ip: request.ip, requestId: String(request.id) });

/**
 * The Redevelopment app: wires its ports into the services engine and registers the service,
 * then serves the pages. Forms post and redirect (303); a refusal renders the page again with
 * its error summary and the refusal's status. Identifiers travel in form bodies only.
 */
export async function redevelopmentPlugin(app: FastifyInstance) {
  const deps = createRedevDeps(app);
  registerRedevTemplates();
  connectRedevPorts(deps, app.servicesEngine);
  registerService(app, redevelopmentService);
  // Steps decided by a consent that did not complete (a crash, a failed registration) run here.
  await app.platform.jobs.work(ADVANCE_SWEEP_JOB, async () => {
    await sweepDecidedFilings(deps);
  });
  app.addHook('onReady', () => app.platform.jobs.schedule(ADVANCE_SWEEP_JOB, '* * * * *'));
  acceptMultipart(app, app.platform.config.uploadLimitBytes);
  const signedIn = requireSignedIn();
  const page = { hide: true };
  const definition = () => deps.engine.get(REDEV_SERVICE);

  app.get('/', { schema: page }, async (_request, reply) => reply.page(<HomePage />));

  app.get('/filings/new', { schema: page, preHandler: signedIn }, async (_request, reply) =>
    reply.page(<NewFilingPage definition={definition()} values={{}} errors={{}} />),
  );

  app.post('/filings', { schema: page, preHandler: signedIn }, async (request, reply) => {
    const actor = actorOf(request);
    const { values, shown, errors } = await readServiceForm(deps.engine, request, REDEV_SERVICE);
    const again = (status: number, found: FormErrors) =>
      reply
        .status(status)
        .page(<NewFilingPage definition={definition()} values={shown} errors={found} />);
    if (Object.keys(errors).length > 0) return again(400, errors);
    try {
      const filed = await fileRedevelopment(deps, actor, values, facts(request));
      return reply.redirect(PATHS.filing(filed.applicationId), 303);
    } catch (error) {
      if (!isDomainError(error) || error.status >= 500) throw error;
      return again(error.status, formErrorsFrom(error, request.t, 'cadastralNumber'));
    }
  });

  app.get('/filings', { schema: page, preHandler: signedIn }, async (request, reply) =>
    reply.page(
      <FilingsPage
        title={request.t('redev.nav.filings')}
        filings={await myFilings(deps, actorOf(request))}
      />,
    ),
  );

  app.get('/consents', { schema: page, preHandler: signedIn }, async (request, reply) =>
    reply.page(
      <FilingsPage
        title={request.t('redev.nav.consents')}
        filings={await consentsAwaiting(deps, actorOf(request))}
      />,
    ),
  );

  app.get('/plans', { schema: page, preHandler: signedIn }, async (request, reply) =>
    reply.page(
      <PlansPage
        flats={await myPlanHistory(deps, {
          ...actorOf(request),
          name: request.principal!.displayName,
        })}
      />,
    ),
  );

  app.get('/inspections', { schema: page, preHandler: signedIn }, async (request, reply) =>
    reply.page(
      <FilingsPage
        title={request.t('redev.nav.inspections')}
        filings={await inspections(deps, actorOf(request))}
      />,
    ),
  );

  app.get('/restricted-architects', { schema: page }, async (_request, reply) =>
    reply.page(<RestrictedPage architects={await restrictedArchitects(deps)} />),
  );

  const renderFiling = async (
    reply: FastifyReply,
    actor: Actor,
    id: string,
    errors: FormErrors = {},
    status = 200,
  ) =>
    reply
      .status(status)
      .page(<FilingPage view={await filingView(deps, actor, id)} errors={errors} />);

  app.get(
    '/filings/:id',
    { schema: { ...page, params: Params }, preHandler: signedIn },
    async (request, reply) =>
      renderFiling(reply, actorOf(request), (request.params as { id: string }).id),
  );

  /** A step posted from the filing page: post-redirect-get, or the page again with its errors. */
  const step = (
    path: string,
    fallback: string,
    /** Does the step; returns the form's errors when a choice is missing. */
    perform: (request: FastifyRequest, actor: Actor, id: string) => Promise<FormErrors | void>,
  ) =>
    app.post(
      path,
      {
        schema: {
          ...page,
          params: Params,
          body: Type.Record(Type.String(), Type.String({ maxLength: 5000 })),
        },
        preHandler: signedIn,
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const actor = actorOf(request);
        try {
          const missing = await perform(request, actor, id);
          if (missing) return renderFiling(reply, actor, id, missing, 400);
        } catch (error) {
          if (!isDomainError(error) || error.status >= 500 || error.status === 404) throw error;
          return renderFiling(
            reply,
            actor,
            id,
            formErrorsFrom(error, request.t, fallback),
            error.status,
          );
        }
        return reply.redirect(PATHS.filing(id), 303);
      },
    );
  const posted = (request: FastifyRequest) => request.body as Record<string, string | undefined>;

  step('/filings/:id/consent', 'answer', async (request, actor, id) => {
    const answer = posted(request).answer;
    if (answer !== 'given' && answer !== 'refused')
      return { answer: request.t('redev.consent.required') };
    await answerConsent(deps, actor, id, answer);
  });

  step('/inspections/:id', 'decision', async (request, actor, id) => {
    const { decision, reasons } = posted(request);
    if (decision !== 'confirmed' && decision !== 'revoked')
      return { decision: request.t('redev.inspection.decisionRequired') };
    await decideAudit(deps, actor, id, decision, reasons ?? '');
  });
}
