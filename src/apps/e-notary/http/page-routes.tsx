import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { DomainError, isDomainError } from '../../../platform/errors.js';
import type { FormErrors } from '../../../platform/views/components/index.js';
import type { PartyRole } from '../domain/act-kinds.js';
import type { PartyKind } from '../domain/facts.js';
import type { ActInput, PartyInput } from '../service/act-input.js';
import {
  cancelAct,
  listFrozenActs,
  listMyActs,
  openAct,
  reportNotMe,
  reviewAct,
  runChecks,
  signAct,
  viewAct,
  viewFrozenAct,
} from '../service/acts.js';
import { holdsPermission, REVIEW_PERMISSION } from '../permissions.js';
import type { ENotaryDeps } from '../service/deps.js';
import { listMyPowersOfAttorney, revokeMyPowerOfAttorney } from '../service/powers-of-attorney.js';
import { ActPage } from '../views/act-page.js';
import { AlertPage } from '../views/alert-page.js';
import { APP_PATHS } from '../views/format.js';
import { HomePage } from '../views/home-page.js';
import { MyActsPage } from '../views/my-acts-page.js';
import { NewActPage, SALE_FIELDS, type SaleForm } from '../views/new-act-page.js';
import { PowersOfAttorneyPage } from '../views/powers-of-attorney-page.js';
import { ReviewPage } from '../views/review-page.js';
import { ReviewsPage } from '../views/reviews-page.js';

const ActParams = Type.Object({ actId: Type.String({ maxLength: 40 }) });
const FormBody = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));

/** Where each field problem of a sale draft shows on the form. */
const SALE_FIELD_OF: Record<string, (typeof SALE_FIELDS)[number]> = {
  cadastralNumber: 'cadastralNumber',
  parties: 'sellerId',
  notaryIin: 'sellerId',
  'parties.0.kind': 'sellerKind',
  'parties.0.id': 'sellerId',
  'parties.0.share': 'sellerShare',
  'parties.0.representative.iin': 'representativeIin',
  'parties.0.representative.powerOfAttorney': 'powerOfAttorney',
  'parties.1.kind': 'buyerKind',
  'parties.1.id': 'buyerId',
  'parties.1.share': 'buyerShare',
};

/** A DomainError's problems as the sale form's errors, in the form's order. */
function saleErrors(error: DomainError, t: FastifyRequest['t']): FormErrors {
  const found: Partial<Record<string, string>> = {};
  for (const problem of error.fields) {
    const field = SALE_FIELD_OF[problem.field] ?? 'cadastralNumber';
    found[field] ??= t(`error.${problem.code}`, problem.params);
  }
  if (error.fields.length === 0) found.cadastralNumber = t(`error.${error.code}`, error.params);
  const errors: FormErrors = {};
  for (const field of SALE_FIELDS) if (found[field]) errors[field] = found[field];
  return errors;
}

const partyKind = (value: string | undefined): PartyKind =>
  value === 'organisation' ? 'organisation' : 'person';

/** The sale form as the service's input: the same checks as the API, nothing skipped. */
function saleInput(form: SaleForm): ActInput {
  const seller: PartyInput = {
    role: 'seller' as PartyRole,
    kind: partyKind(form.sellerKind),
    id: form.sellerId ?? '',
    share: form.sellerShare ?? '',
  };
  const representativeIin = form.representativeIin?.trim() ?? '';
  const powerOfAttorney = form.powerOfAttorney?.trim() ?? '';
  if (representativeIin !== '' || powerOfAttorney !== '') {
    seller.representative = { iin: representativeIin, powerOfAttorney };
  }
  return {
    kind: 'real-estate-sale',
    cadastralNumber: form.cadastralNumber ?? '',
    parties: [
      seller,
      {
        role: 'buyer',
        kind: partyKind(form.buyerKind),
        id: form.buyerId ?? '',
        share: form.buyerShare ?? '',
      },
    ],
  };
}

/**
 * The pages: the app's front page, "my acts", a new sale, an act with its checks and signing,
 * the owner's alert with "this is not me", and "my powers of attorney" with revocation. Forms
 * post and redirect (303) on success; a refusal re-renders the page with its error summary and
 * the refusal's status. Identifiers travel in form bodies only.
 */
export async function eNotaryPageRoutes(app: FastifyInstance, deps: ENotaryDeps) {
  const timeZone = app.platform.country.timeZone;
  const page = { hide: true };
  const signedIn = requireSignedIn();

  app.get('/', { schema: page }, async (request, reply) =>
    reply.page(
      <HomePage reviewer={holdsPermission(request.principal ?? null, REVIEW_PERMISSION)} />,
    ),
  );

  app.get('/acts', { schema: page, preHandler: signedIn }, async (request, reply) => {
    const acts = await listMyActs(deps, request.principal!);
    return reply.page(<MyActsPage {...acts} timeZone={timeZone} />);
  });

  app.get('/acts/new', { schema: page, preHandler: signedIn }, async (_request, reply) =>
    reply.page(<NewActPage values={{}} errors={{}} />),
  );

  app.post(
    '/acts',
    { schema: { ...page, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const form = request.body as SaleForm;
      try {
        const { actId } = await openAct(deps, request.principal!, saleInput(form));
        return reply.redirect(APP_PATHS.act(actId), 303);
      } catch (error) {
        if (!isDomainError(error) || error.status >= 500) throw error;
        return reply
          .status(error.status)
          .page(<NewActPage values={form} errors={saleErrors(error, request.t)} />);
      }
    },
  );

  const showAct = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actId: string,
    errors: FormErrors = {},
    status = 200,
  ) => {
    const view = await viewAct(deps, request.principal!, actId);
    const verificationPath =
      view.act.entry && view.viewerIs !== 'alerted-owner'
        ? `/verify/${view.act.entry.verificationCode}`
        : null;
    return reply
      .status(status)
      .page(
        <ActPage
          view={view}
          errors={errors}
          timeZone={timeZone}
          verificationPath={verificationPath}
        />,
      );
  };

  app.get(
    '/acts/:actId',
    { schema: { ...page, params: ActParams }, preHandler: signedIn },
    async (request, reply) => showAct(request, reply, (request.params as { actId: string }).actId),
  );

  app.post(
    '/acts/:actId/checks',
    { schema: { ...page, params: ActParams }, preHandler: signedIn },
    async (request, reply) => {
      const { actId } = request.params as { actId: string };
      try {
        await runChecks(deps, request.principal!, actId);
        return reply.redirect(APP_PATHS.act(actId), 303);
      } catch (error) {
        if (!isDomainError(error) || error.status === 404 || error.status >= 500) throw error;
        const errors = { sign: request.t(`error.${error.code}`, error.params) };
        return showAct(request, reply, actId, errors, error.status);
      }
    },
  );

  app.post(
    '/acts/:actId/sign',
    { schema: { ...page, params: ActParams }, preHandler: signedIn },
    async (request, reply) => {
      const { actId } = request.params as { actId: string };
      try {
        await signAct(deps, request.principal!, actId);
        return reply.redirect(APP_PATHS.act(actId), 303);
      } catch (error) {
        if (!isDomainError(error) || error.status === 404 || error.status >= 500) throw error;
        const errors = { sign: request.t(`error.${error.code}`, error.params) };
        return showAct(request, reply, actId, errors, error.status);
      }
    },
  );

  app.post(
    '/acts/:actId/cancel',
    { schema: { ...page, params: ActParams, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const { actId } = request.params as { actId: string };
      const reason = (request.body as { reason?: string }).reason ?? '';
      try {
        await cancelAct(deps, request.principal!, actId, reason);
        return reply.redirect(APP_PATHS.act(actId), 303);
      } catch (error) {
        if (!isDomainError(error) || error.status === 404 || error.status >= 500) throw error;
        const errors = { reason: request.t(`error.${error.code}`, error.params) };
        return showAct(request, reply, actId, errors, error.status);
      }
    },
  );

  app.get(
    '/alerts/:actId',
    { schema: { ...page, params: ActParams }, preHandler: signedIn },
    async (request, reply) => {
      const view = await viewAct(
        deps,
        request.principal!,
        (request.params as { actId: string }).actId,
      );
      return reply.page(<AlertPage view={view} />);
    },
  );

  app.post(
    '/alerts/:actId/not-me',
    { schema: { ...page, params: ActParams }, preHandler: signedIn },
    async (request, reply) => {
      const { actId } = request.params as { actId: string };
      await reportNotMe(deps, request.principal!, actId);
      return reply.redirect(APP_PATHS.alert(actId), 303);
    },
  );

  // Reviewers (e-notary.acts.review): the queue of frozen acts and the decision on one. The
  // services check the permission too; the guard answers a page request before any read.
  const reviewer = async (request: FastifyRequest, reply: FastifyReply) => {
    await signedIn(request, reply);
    if (reply.sent) return;
    if (!holdsPermission(request.principal ?? null, REVIEW_PERMISSION))
      throw new DomainError('AUTH_FORBIDDEN', 403);
  };

  app.get('/reviews', { schema: page, preHandler: reviewer }, async (request, reply) => {
    const decided = (request.query as { decided?: string }).decided;
    const frozen = await listFrozenActs(deps, request.principal!);
    return reply.page(
      <ReviewsPage
        frozen={frozen}
        timeZone={timeZone}
        notice={
          decided === 'cleared'
            ? request.t('enotary.reviews.notice.cleared')
            : decided === 'cancelled'
              ? request.t('enotary.reviews.notice.cancelled')
              : null
        }
      />,
    );
  });

  const showReview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actId: string,
    extra: { errors?: FormErrors; values?: { reason?: string }; status?: number } = {},
  ) => {
    const view = await viewFrozenAct(deps, request.principal!, actId);
    return reply
      .status(extra.status ?? 200)
      .page(
        <ReviewPage
          view={view}
          errors={extra.errors ?? {}}
          values={extra.values ?? {}}
          timeZone={timeZone}
        />,
      );
  };

  app.get(
    '/reviews/:actId',
    { schema: { ...page, params: ActParams }, preHandler: reviewer },
    async (request, reply) =>
      showReview(request, reply, (request.params as { actId: string }).actId),
  );

  app.post(
    '/reviews/:actId',
    { schema: { ...page, params: ActParams, body: FormBody }, preHandler: reviewer },
    async (request, reply) => {
      const { actId } = request.params as { actId: string };
      const form = request.body as { reason?: string; outcome?: string };
      const outcome = form.outcome === 'cancelled' ? 'cancelled' : 'cleared';
      try {
        await reviewAct(deps, request.principal!, actId, { outcome, reason: form.reason ?? '' });
        return reply.redirect(`${APP_PATHS.reviews}?decided=${outcome}`, 303);
      } catch (error) {
        if (!isDomainError(error) || error.status === 404 || error.status >= 500) throw error;
        const field = error.fields[0]?.field === 'reason' ? 'reason' : 'outcome';
        const errors = { [field]: request.t(`error.${error.code}`, error.params) };
        return showReview(request, reply, actId, {
          errors,
          values: { reason: form.reason ?? '' },
          status: error.status,
        });
      }
    },
  );

  const showPowers = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      errors?: FormErrors;
      notice?: string | null;
      values?: Record<string, string>;
      status?: number;
    } = {},
  ) => {
    const { given, held } = await listMyPowersOfAttorney(deps, request.principal!);
    return reply
      .status(extra.status ?? 200)
      .page(
        <PowersOfAttorneyPage
          given={given}
          held={held}
          errors={extra.errors ?? {}}
          notice={extra.notice ?? null}
          values={extra.values ?? {}}
        />,
      );
  };

  app.get('/powers-of-attorney', { schema: page, preHandler: signedIn }, async (request, reply) => {
    const revoked = (request.query as { revoked?: string }).revoked;
    return showPowers(request, reply, {
      notice: revoked ? request.t('enotary.poa.revokedNotice', { number: revoked }) : null,
    });
  });

  app.post(
    '/powers-of-attorney/revoke',
    { schema: { ...page, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const form = request.body as Record<string, string>;
      const registerNumber = form.registerNumber ?? '';
      try {
        await revokeMyPowerOfAttorney(deps, request.principal!, {
          registerNumber,
          reason: form.reason ?? '',
          ...(form.reasonText ? { reasonText: form.reasonText } : {}),
        });
        // The register number is no personal identifier: it may travel in the address.
        return reply.redirect(
          `${APP_PATHS.powersOfAttorney}?revoked=${encodeURIComponent(registerNumber)}`,
          303,
        );
      } catch (error) {
        if (!isDomainError(error) || error.status >= 500) throw error;
        const errors: FormErrors = {};
        for (const problem of error.fields) {
          errors[problem.field] ??= request.t(`error.${problem.code}`, problem.params);
        }
        if (error.fields.length === 0) {
          errors.registerNumber = request.t(`error.${error.code}`, error.params);
        }
        return showPowers(request, reply, { errors, values: form, status: error.status });
      }
    },
  );
}
