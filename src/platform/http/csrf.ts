import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import csrfProtection from '@fastify/csrf-protection';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_CONTENT = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/** Name of the hidden form field (and of the cookie holding the secret it is derived from). */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every state-changing request that a browser could be tricked into sending carries a token that
 * only our own pages know (double-submit: a secret in an HttpOnly, SameSite=Strict cookie, and a
 * token derived from it in the form, or in the `x-csrf-token` header for scripts). API calls
 * authenticated by an API key carry no cookie and are exempt; a JSON call with any cookie is not.
 *
 * Tokens are made only when a page renders a form (views-plugin asks `reply.generateCsrf()`
 * lazily), so API answers and form-less pages set no cookie. The check runs in preValidation:
 * a forged post is refused with 403 before its body is even validated, and nothing is written.
 */
export const csrfPlugin = fp(
  async (app: FastifyInstance, options: { cookieSecure: boolean }) => {
    await app.register(csrfProtection, {
      cookieKey: CSRF_FIELD,
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: options.cookieSecure },
      getToken: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        const fromBody = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
        if (typeof fromBody === 'string') return fromBody;
        const header = request.headers[CSRF_HEADER];
        return typeof header === 'string' ? header : undefined;
      },
    });
    // Callback style on purpose: on a bad token the library answers itself (reply.send of a
    // FST_CSRF_* error, which error-handler maps to HTTP_CSRF_INVALID) and the route never runs.
    app.addHook('preValidation', (request, reply, done) => {
      if (!needsCheck(request.method, request.headers)) return done();
      app.csrfProtection(request, reply, () => {
        // The token has done its work; form schemas (additionalProperties: false) never see it.
        const body = request.body as Record<string, unknown> | undefined;
        if (body && typeof body === 'object') delete body[CSRF_FIELD];
        done();
      });
    });
  },
  { name: 'csrf', dependencies: ['@fastify/cookie'] },
);

/** A request a browser could be made to send on someone's behalf: it changes state, and either
 * carries cookies (ambient authority) or is a form post. */
function needsCheck(
  method: string,
  headers: { cookie?: string; 'content-type'?: string },
): boolean {
  if (!UNSAFE_METHODS.has(method)) return false;
  return Boolean(headers.cookie) || FORM_CONTENT.test(headers['content-type'] ?? '');
}
