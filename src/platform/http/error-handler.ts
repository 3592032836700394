import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type FieldProblem } from '../errors.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

/**
 * The one place where errors become answers. Domain errors keep their code and status; Fastify's
 * own errors (validation, body size, JSON syntax, media type) get stable codes of their own; any
 * other error is a 500 whose details stay in the log. API callers get problem+json, browsers a page.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const domain = toDomainError(error);
      if (domain.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: domain.code }, 'request refused');
      return sendError(request, reply, domain);
    });
    app.setNotFoundHandler((request, reply) =>
      sendError(request, reply, new DomainError('HTTP_NOT_FOUND', 404)),
    );
  },
  { name: 'error-handler', dependencies: ['i18n'] },
);

export function sendError(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  if (wantsHtml(request)) return reply.status(error.status).errorPage(error);
  const t = request.t;
  const problem: Problem = {
    type: `urn:ortaq:problem:${error.code}`,
    title: t(`error.${error.code}`, error.params),
    status: error.status,
    code: error.code,
    instance: request.url.split('?')[0] ?? '/',
    requestId: String(request.id),
  };
  if (error.fields.length > 0) {
    problem.errors = error.fields.map((field) => ({
      field: field.field,
      code: field.code,
      message: t(`error.${field.code}`, field.params),
    }));
  }
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Browsers navigating pages get HTML; API clients and anything under /api get problem+json. */
function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function toDomainError(error: FastifyError | DomainError): DomainError {
  if (error instanceof DomainError) return error;
  if (error.validation) {
    const fields: FieldProblem[] = error.validation.map((issue) => {
      const missing = issue.keyword === 'required' ? String(issue.params.missingProperty) : '';
      const extra =
        issue.keyword === 'additionalProperties' ? String(issue.params.additionalProperty) : '';
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field = [path, missing || extra].filter(Boolean).join('.') || '(body)';
      const code = missing
        ? 'VALIDATION_REQUIRED'
        : extra
          ? 'VALIDATION_UNKNOWN_FIELD'
          : 'VALIDATION_INVALID_VALUE';
      return { field, code };
    });
    return new DomainError('HTTP_VALIDATION_FAILED', 400, {}, fields);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('HTTP_BODY_TOO_LARGE', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('HTTP_UNSUPPORTED_MEDIA_TYPE', 415);
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new DomainError('HTTP_CSRF_INVALID', 403);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('HTTP_MALFORMED_JSON', 400);
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new DomainError('HTTP_MALFORMED_JSON', 400);
  }
  if (error.statusCode === 429) return new DomainError('HTTP_TOO_MANY_REQUESTS', 429);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new DomainError('HTTP_BAD_REQUEST', error.statusCode);
  }
  return new DomainError('HTTP_INTERNAL_ERROR', 500);
}
