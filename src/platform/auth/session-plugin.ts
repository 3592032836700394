import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../errors.js';
import type { ApiCaller } from './api-caller.js';
import type { Principal } from './principal.js';
import { registerSessionCache, SessionCache } from './session-cache.js';
import { findSession, type Session } from './session-store.js';
import { hashSecret } from './session-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Set from the server-side session cookie. */
    principal: Principal | null;
    /** The API client whose key authenticated this request, or null. */
    apiCaller: ApiCaller | null;
    /** The session behind the cookie, in whatever stage (a second factor may still be due). */
    session: Session | null;
    /** True when the request carried a session cookie whose session has ended. */
    sessionExpired: boolean;
  }
}

export const SESSION_COOKIE = 'ortaq_session';

/**
 * What the kernel needs from the block that knows people and API clients (the identity block);
 * app.ts hands these in, so the kernel imports no block.
 */
export interface SessionPluginOptions {
  /** The principal of a signed-in account, or null when the account no longer exists. */
  loadPrincipal(accountId: string): Promise<Principal | null>;
  /** The API client whose key has this SHA-256, or null when unknown or revoked. */
  resolveApiKey(keyHash: Buffer): Promise<ApiCaller | null>;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax (a link from elsewhere keeps you signed in). */
export function setSessionCookie(
  app: FastifyInstance,
  reply: FastifyReply,
  token: string,
): FastifyReply {
  return reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.platform.config.cookieSecure,
  });
}

/** A principal shared by every request of its session: nobody may change it in passing. */
const frozen = (principal: Principal | null): Principal | null =>
  principal &&
  Object.freeze({ ...principal, roles: Object.freeze([...principal.roles]) as string[] });

export const clearSessionCookie = (reply: FastifyReply): FastifyReply =>
  reply.clearCookie(SESSION_COOKIE, { path: '/' });

/**
 * Resolves who is calling, on every request: an `Authorization: Bearer` API key, or else the
 * session cookie. An unknown or revoked key is refused at once (401), whatever the route; an
 * ended session only clears the cookie and marks the request, so pages that need a signed-in
 * person can say why they send you to sign in. Sessions and principals are cached in the process
 * (SessionCache), kept correct across processes by the platform's change feed.
 */
export const sessionPlugin = fp(
  async (app: FastifyInstance, options: SessionPluginOptions) => {
    app.decorateRequest('principal', null);
    app.decorateRequest('apiCaller', null);
    app.decorateRequest('session', null);
    app.decorateRequest('sessionExpired', false);
    const cache = new SessionCache(app.platform.changes);
    registerSessionCache(app.platform.db, cache);

    app.addHook('onRequest', async (request, reply) => {
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization);
        const caller = match ? await options.resolveApiKey(hashSecret(match[1] as string)) : null;
        if (!caller) {
          reply.header('www-authenticate', 'Bearer');
          throw new DomainError('AUTH_INVALID_API_KEY', 401);
        }
        request.apiCaller = caller;
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const { config } = app.platform;
      const found = await findSession(
        app.platform.db,
        token,
        app.platform.now(),
        {
          idleMinutes: config.sessionIdleMinutes,
          maxHours: config.sessionMaxHours,
        },
        cache.sessions,
      );
      if (found.status !== 'active') {
        request.sessionExpired = found.status === 'expired';
        clearSessionCookie(reply);
        return;
      }
      request.session = found.session;
      if (found.session.stage === 'signed-in') {
        const { accountId } = found.session;
        request.principal = await cache.principals.get(accountId, async () =>
          frozen(await options.loadPrincipal(accountId)),
        );
      }
    });
  },
  { name: 'session', dependencies: ['@fastify/cookie'] },
);
