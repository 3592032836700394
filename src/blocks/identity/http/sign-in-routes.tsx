import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { clearSessionCookie, setSessionCookie } from '../../../platform/auth/session-plugin.js';
import { isDomainError, type DomainError } from '../../../platform/errors.js';
import { safeReturnPath } from '../../../platform/i18n/i18n-plugin.js';
import { formErrorsFrom } from '../../../platform/views/components/index.js';
import { identityDeps } from '../service/deps.js';
import { signInWithPassword, signOut, verifySecondFactor } from '../service/sign-in.js';
import { SignInCodePage } from '../views/sign-in-code-page.js';
import { SignInPage } from '../views/sign-in-page.js';
import { requestFacts } from './request-facts.js';

const ReturnPath = Type.Optional(Type.String({ maxLength: 2000 }));
const Csrf = Type.Optional(Type.String({ maxLength: 200 }));

/**
 * GET/POST /sign-in, GET/POST /sign-in/code, POST /sign-out. Forms post back to themselves; a
 * failure re-renders the form with an error summary and the status of the error (400, 401, 429).
 */
export async function signInRoutes(app: FastifyInstance) {
  const deps = identityDeps(app.platform);

  app.get(
    '/sign-in',
    {
      schema: {
        hide: true,
        querystring: Type.Object({
          return: ReturnPath,
          expired: Type.Optional(Type.String({ maxLength: 1 })),
        }),
      },
    },
    async (request, reply) => {
      const query = request.query as { return?: string; expired?: string };
      const returnTo = safeReturnPath(query.return);
      if (request.principal) return reply.redirect(returnTo, 303);
      return reply.page(
        <SignInPage errors={{}} login="" returnTo={returnTo} expired={query.expired === '1'} />,
      );
    },
  );

  app.post(
    '/sign-in',
    {
      schema: {
        hide: true,
        body: Type.Object(
          {
            _csrf: Csrf,
            login: Type.Optional(Type.String({ maxLength: 200 })),
            password: Type.Optional(Type.String({ maxLength: 1000 })),
            return: ReturnPath,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as { login?: string; password?: string; return?: string };
      const returnTo = safeReturnPath(body.return);
      try {
        const outcome = await signInWithPassword(
          deps,
          {
            login: body.login ?? '',
            password: body.password ?? '',
            previousSession: request.session,
          },
          requestFacts(request),
        );
        setSessionCookie(app, reply, outcome.token);
        if (outcome.next === 'second-factor') {
          return reply.redirect(`/sign-in/code?return=${encodeURIComponent(returnTo)}`, 303);
        }
        return reply.redirect(returnTo, 303);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        withRetryAfter(reply, error);
        return reply
          .status(error.status)
          .page(
            <SignInPage
              errors={formErrorsFrom(error, request.t, 'login')}
              login={body.login ?? ''}
              returnTo={returnTo}
              expired={false}
            />,
          );
      }
    },
  );

  app.get(
    '/sign-in/code',
    { schema: { hide: true, querystring: Type.Object({ return: ReturnPath }) } },
    async (request, reply) => {
      const returnTo = safeReturnPath((request.query as { return?: string }).return);
      if (request.session?.stage !== 'second-factor') return reply.redirect('/sign-in', 303);
      return reply.page(<SignInCodePage errors={{}} returnTo={returnTo} />);
    },
  );

  app.post(
    '/sign-in/code',
    {
      schema: {
        hide: true,
        body: Type.Object(
          {
            _csrf: Csrf,
            code: Type.Optional(Type.String({ maxLength: 20 })),
            return: ReturnPath,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as { code?: string; return?: string };
      const returnTo = safeReturnPath(body.return);
      if (request.session?.stage !== 'second-factor') {
        return reply.redirect(request.sessionExpired ? '/sign-in?expired=1' : '/sign-in', 303);
      }
      try {
        const { token } = await verifySecondFactor(
          deps,
          { session: request.session, code: body.code ?? '' },
          requestFacts(request),
        );
        setSessionCookie(app, reply, token);
        return reply.redirect(returnTo, 303);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        withRetryAfter(reply, error);
        if (
          error.code === 'IDENTITY_ACCOUNT_LOCKED' ||
          error.code === 'IDENTITY_SECOND_FACTOR_NOT_PENDING'
        ) {
          // The waiting session has ended: the person starts again from the password.
          clearSessionCookie(reply);
          return reply
            .status(error.status)
            .page(
              <SignInPage
                errors={formErrorsFrom(error, request.t, 'login')}
                login=""
                returnTo={returnTo}
                expired={false}
              />,
            );
        }
        return reply
          .status(error.status)
          .page(
            <SignInCodePage
              errors={formErrorsFrom(error, request.t, 'code')}
              returnTo={returnTo}
            />,
          );
      }
    },
  );

  app.post(
    '/sign-out',
    {
      schema: {
        hide: true,
        body: Type.Optional(Type.Object({ _csrf: Csrf }, { additionalProperties: false })),
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.session) await signOut(deps, request.session, requestFacts(request));
      clearSessionCookie(reply);
      return reply.redirect('/', 303);
    },
  );
}

function withRetryAfter(reply: FastifyReply, error: DomainError) {
  if (typeof error.params.seconds === 'number') {
    reply.header('retry-after', String(error.params.seconds));
  }
}
