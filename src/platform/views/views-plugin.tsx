import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ComponentChildren } from 'preact';
import type { DomainError } from '../errors.js';
import { ErrorPage } from './error-page.js';
import type { PageContext } from './page-context.js';
import { renderDocument } from './render.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a server-rendered page for this request's locale and session. */
    page(page: ComponentChildren): FastifyReply;
    /** Sends the page for an error that is not a form error (404, 403, 500…). */
    errorPage(error: DomainError): FastifyReply;
  }
}

/** What a page may know about its request; the CSRF token is made only if a form asks for it. */
export function pageContextFor(reply: FastifyReply): PageContext {
  const request = reply.request;
  let csrfToken: string | undefined;
  return {
    locale: request.locale,
    t: request.t,
    path: request.url,
    principal: request.principal ?? null,
    get csrfToken() {
      csrfToken ??= reply.generateCsrf();
      return csrfToken;
    },
  };
}

export const viewsPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateReply('page', function (this: FastifyReply, page: ComponentChildren) {
      const html = renderDocument(pageContextFor(this), page);
      return this.type('text/html; charset=utf-8').send(html);
    });
    app.decorateReply('errorPage', function (this: FastifyReply, error: DomainError) {
      return this.page(<ErrorPage error={error} requestId={String(this.request.id)} />);
    });
  },
  { name: 'views', dependencies: ['i18n', 'csrf'] },
);
