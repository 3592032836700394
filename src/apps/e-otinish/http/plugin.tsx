import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  connectServicePorts,
  officerQueue,
  registerService,
  type Actor,
} from '../../../blocks/services/index.js';
import { acceptMultipart } from '../../../blocks/services/http/multipart.js';
import { readServiceForm } from '../../../blocks/services/http/read-service-form.js';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { isDomainError } from '../../../platform/errors.js';
import { formErrorsFrom, type FormErrors } from '../../../platform/views/components/index.js';
import {
  appealServices,
  APPEAL_SERVICE,
  APPEAL_SERVICES,
  UNCONSIDERED_SERVICE,
} from '../definition/appeal-service.js';
import { agencyNames, couponsOf, findAppeal } from '../repo/appeals-repo.js';
import { appealNotifier } from '../service/appeal-notifier.js';
import {
  commentOnHearing,
  complaintDraft,
  fileComplaint,
  joinProposal,
  rateAppeal,
} from '../service/applicant-actions.js';
import { otinishDeps } from '../service/deps.js';
import { fileAppeal, registerPending } from '../service/file-appeal.js';
import {
  answerAppeal,
  extendTerm,
  forwardAppeal,
  notifyHearing,
} from '../service/officer-actions.js';
import {
  appealView,
  publicStatistics,
  similarClusters,
  similarProposals,
} from '../service/queries.js';
import { localDateTime } from '../service/status.js';
import { registerOtinishTemplates } from '../service/templates.js';
import { AppealPage } from '../views/appeal-page.js';
import { CouponPage } from '../views/coupon-page.js';
import { FileAppealPage } from '../views/file-appeal-page.js';
import { HomePage } from '../views/home-page.js';
import { OfficerPage } from '../views/officer-page.js';
import { ProposalPage } from '../views/proposal-page.js';
import { StatisticsPage } from '../views/statistics-page.js';
import { eOtinishApiRoutes } from './api-routes.js';

export const REGISTER_PENDING_JOB = 'e-otinish.register-pending';

const Params = Type.Object({ id: Type.String({ maxLength: 100 }) });
const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

const actorOf = (request: FastifyRequest): Actor => {
  const p = request.principal!;
  return { accountId: p.accountId, personId: p.personId, roles: p.roles, agencyId: p.agencyId };
};
const facts = (request: FastifyRequest) => ({ ip: request.ip, requestId: String(request.id) });

/**
 * The e-Otinish app: wires its notifier into the services engine (chained to any notifier
 * wired before), registers the appeal services and message templates, runs the registration
 * sweep every minute, and serves the pages and the JSON API.
 */
export async function eOtinishPlugin(app: FastifyInstance) {
  const deps = otinishDeps(app);
  registerOtinishTemplates();
  connectServicePorts(app, { notifier: appealNotifier(deps, app.servicesEngine.ports.notifier) });
  for (const definition of appealServices()) registerService(app, definition);
  await app.platform.jobs.work(REGISTER_PENDING_JOB, async () => {
    await registerPending(deps);
  });
  app.addHook('onReady', () => app.platform.jobs.schedule(REGISTER_PENDING_JOB, '* * * * *'));
  acceptMultipart(app, app.platform.config.uploadLimitBytes);

  const signedIn = requireSignedIn();
  const fields = () => deps.engine.get(APPEAL_SERVICE).fields;
  await eOtinishApiRoutes(app, deps);

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.page(<HomePage prefix={app.prefix} />),
  );

  app.get(
    '/appeals/new',
    { preHandler: signedIn, schema: { hide: true } },
    async (_request, reply) =>
      reply.page(<FileAppealPage fields={fields()} values={{}} errors={{}} />),
  );

  app.post('/appeals', { preHandler: signedIn, schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const actor = actorOf(request);
    const { values, shown, errors } = await readServiceForm(deps.engine, request, APPEAL_SERVICE);
    if (body.intent === 'check') {
      const similar = await similarProposals(deps, {
        category: String(values.category ?? ''),
        region: String(values.region ?? ''),
        ...(typeof values.district === 'string' && values.district
          ? { district: values.district }
          : {}),
        topic: String(values.topic ?? ''),
      });
      return reply.page(
        <FileAppealPage fields={fields()} values={shown} errors={errors} similar={similar} />,
      );
    }
    if (Object.keys(errors).length > 0)
      return reply
        .status(400)
        .page(<FileAppealPage fields={fields()} values={shown} errors={errors} />);
    try {
      const filed = await fileAppeal(deps, { actor, values }, facts(request));
      return reply.redirect(`/e-otinish/coupons/${encodeURIComponent(filed.couponNumber)}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.status >= 500) throw error;
      return reply
        .status(error.status)
        .page(
          <FileAppealPage
            fields={fields()}
            values={shown}
            errors={formErrorsFrom(error, request.t, 'kind')}
          />,
        );
    }
  });

  app.get(
    '/coupons/:id',
    { preHandler: signedIn, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const number = (request.params as { id: string }).id;
      const coupon = await app.platform.db
        .selectFrom('otinish_coupon')
        .select('application_id')
        .where('number', '=', number)
        .executeTakeFirst();
      // The appeal view checks that the reader is its applicant or an officer of its body.
      const view = await appealView(deps, coupon?.application_id ?? '-', actorOf(request));
      const own = (await couponsOf(app.platform.db, view.appeal.application_id)).find(
        (c) => c.number === number,
      )!;
      const names = (await agencyNames(app.platform.db)).get(own.bodyCode);
      return reply.page(
        <CouponPage
          coupon={own}
          bodyName={names ? names[request.locale] : own.bodyCode}
          receivedAt={localDateTime(own.receivedAt, deps.legal.timeZone)}
          considered={view.application.row.service_id !== UNCONSIDERED_SERVICE}
        />,
      );
    },
  );

  const renderAppeal = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FormErrors = {},
    status = 200,
  ) => {
    const actor = actorOf(request);
    const view = await appealView(deps, id, actor);
    if (view.application.row.applicant_person_id === actor.personId) {
      let complaint;
      let noHigherBody = false;
      try {
        complaint = await complaintDraft(deps, { applicationId: id, actor });
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'OTINISH_NO_HIGHER_BODY') throw error;
        noHigherBody = true;
      }
      return reply
        .status(status)
        .page(
          <AppealPage
            view={view}
            audience="applicant"
            complaint={complaint}
            noHigherBody={noHigherBody}
            errors={errors}
          />,
        );
    }
    const agency = actor.agencyId
      ? await app.platform.db
          .selectFrom('identity_agency')
          .select('code')
          .where('id', '=', actor.agencyId)
          .executeTakeFirst()
      : undefined;
    const holds = agency?.code === view.application.status.agencyCode;
    const canAct = {
      officer: holds && actor.roles.includes('officer'),
      head: holds && (actor.roles.includes('agency-head') || actor.roles.includes('agency-deputy')),
    };
    return reply
      .status(status)
      .page(<AppealPage view={view} audience="officer" canAct={canAct} errors={errors} />);
  };

  app.get(
    '/appeals/:id',
    { preHandler: signedIn, schema: { hide: true, params: Params } },
    async (request, reply) => renderAppeal(request, reply, (request.params as { id: string }).id),
  );

  /** A step posted from the appeal page: post-redirect-get, or the page again with its errors. */
  const step = (
    path: string,
    body: ReturnType<typeof Type.Object>,
    fallback: string,
    perform: (request: FastifyRequest, id: string) => Promise<unknown>,
  ) =>
    app.post(
      `/appeals/:id/${path}`,
      { preHandler: signedIn, schema: { hide: true, params: Params, body } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        try {
          await perform(request, id);
        } catch (error) {
          if (
            !isDomainError(error) ||
            error.status >= 500 ||
            error.status === 404 ||
            (error.status === 403 && error.fields.length === 0)
          )
            throw error;
          return renderAppeal(
            request,
            reply,
            id,
            formErrorsFrom(error, request.t, fallback),
            error.status,
          );
        }
        return reply.redirect(`/e-otinish/appeals/${id}`, 303);
      },
    );

  const posted = (request: FastifyRequest) => request.body as Record<string, string | undefined>;
  step(
    'comment',
    Type.Object({ comment: Text(10000) }, { additionalProperties: false }),
    'comment',
    (request, id) =>
      commentOnHearing(deps, {
        applicationId: id,
        actor: actorOf(request),
        text: posted(request).comment ?? '',
      }),
  );
  step(
    'rating',
    Type.Object({ score: Text(2) }, { additionalProperties: false }),
    'score',
    (request, id) =>
      rateAppeal(deps, {
        applicationId: id,
        actor: actorOf(request),
        score: Number(posted(request).score ?? ''),
      }),
  );
  step(
    'complaint',
    Type.Object({ restorationReason: Text(2000) }, { additionalProperties: false }),
    'restorationReason',
    (request, id) =>
      fileComplaint(
        deps,
        {
          applicationId: id,
          actor: actorOf(request),
          t: request.t,
          ...(posted(request).restorationReason
            ? { restorationReason: posted(request).restorationReason! }
            : {}),
        },
        facts(request),
      ),
  );
  step(
    'answer',
    Type.Object(
      { text: Text(10000), legalGrounds: Text(4000), appealRoute: Text(4000), adverse: Text(3) },
      { additionalProperties: false },
    ),
    'text',
    (request, id) => {
      const b = posted(request);
      return answerAppeal(
        deps,
        {
          applicationId: id,
          actor: actorOf(request),
          adverse: b.adverse === 'yes',
          answer: {
            text: b.text ?? '',
            legalGrounds: b.legalGrounds ?? '',
            appealRoute: b.appealRoute ?? '',
          },
        },
        facts(request),
      );
    },
  );
  step(
    'hearing',
    Type.Object({ reasons: Text(4000) }, { additionalProperties: false }),
    'reasons',
    (request, id) =>
      notifyHearing(
        deps,
        { applicationId: id, actor: actorOf(request), reasons: posted(request).reasons ?? '' },
        facts(request),
      ),
  );
  step(
    'forward',
    Type.Object({ toBodyCode: Text(100), reason: Text(4000) }, { additionalProperties: false }),
    'toBodyCode',
    (request, id) =>
      forwardAppeal(
        deps,
        {
          applicationId: id,
          actor: actorOf(request),
          toBodyCode: (posted(request).toBodyCode ?? '').trim(),
          reason: posted(request).reason ?? '',
        },
        facts(request),
      ),
  );
  step(
    'extension',
    Type.Object({ days: Text(3), extensionReasons: Text(4000) }, { additionalProperties: false }),
    'days',
    (request, id) =>
      extendTerm(
        deps,
        {
          applicationId: id,
          actor: actorOf(request),
          days: Number(posted(request).days ?? ''),
          reasons: posted(request).extensionReasons ?? '',
        },
        facts(request),
      ),
  );

  app.post(
    '/proposals/:id/join',
    { preHandler: signedIn, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await joinProposal(deps, { applicationId: id, actor: actorOf(request) });
      return reply.redirect(`/e-otinish/proposals/${id}`, 303);
    },
  );

  app.get('/proposals/:id', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const appeal = await findAppeal(app.platform.db, (request.params as { id: string }).id);
    if (!appeal?.public_proposal) return reply.callNotFound();
    const count = await app.platform.db
      .selectFrom('otinish_supporter')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('application_id', '=', appeal.application_id)
      .executeTakeFirstOrThrow();
    return reply.page(<ProposalPage topic={appeal.topic} supporters={Number(count.n)} />);
  });

  app.get('/officer', { preHandler: signedIn, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const clusters = await similarClusters(deps, actor);
    const queue = (await officerQueue(deps.engine, actor))
      .filter((item) => APPEAL_SERVICES.includes(item.row.service_id))
      .map((item) => {
        const running = item.clocks.find((clock) => clock.status === 'running');
        return {
          id: item.row.id,
          reference: item.row.reference,
          dueDate: running?.dueDate,
          daysLeft: running?.daysLeft,
        };
      });
    return reply.page(<OfficerPage clusters={clusters} queue={queue} />);
  });

  app.get('/statistics', { schema: { hide: true } }, async (request, reply) => {
    const stats = await publicStatistics(deps);
    const agencies = await agencyNames(app.platform.db);
    const names = new Map<string, string>(
      [...agencies].map(([code, n]) => [code, n[request.locale]]),
    );
    return reply.page(
      <StatisticsPage byAgency={stats.byAgency} byRegion={stats.byRegion} names={names} />,
    );
  });
}
